//! The person's choices from the options page.

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::variant::Format;

/// The file-name pattern used when the person has not chosen one.
pub const DEFAULT_PATTERN: &str = "{handle}_{size}_{avatar_id}";

/// Options as stored in `chrome.storage.sync`. Unknown keys are ignored so
/// that an older version reading a newer version's storage still works.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase", default)]
pub struct Options {
    /// A folder inside Downloads, `/`-separated, or empty.
    pub subfolder: String,
    /// The file-name pattern, without extension.
    pub pattern: String,
    /// Ask where to save each time.
    pub save_as: bool,
    /// The format to take first when two share a size.
    pub prefer_format: String,
    /// Also save a `.json` file describing the picture.
    pub metadata: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            subfolder: String::new(),
            pattern: DEFAULT_PATTERN.to_owned(),
            save_as: false,
            prefer_format: "jpeg".to_owned(),
            metadata: false,
        }
    }
}

impl Options {
    /// Decodes stored options; a stored value we cannot read is an error the
    /// person sees, rather than a silent reset of their choices.
    pub fn decode(text: &str) -> Result<Options> {
        if text.len() > 64 * 1024 {
            return Err(Error::BadPattern("options over 64 KB"));
        }
        serde_json::from_str(text)
            .map_err(|_| Error::BadPattern("options are not readable"))
    }

    /// The preferred format, JPEG when the stored value is unknown.
    pub fn preferred_format(&self) -> Format {
        Format::from_name(&self.prefer_format).unwrap_or(Format::Jpeg)
    }
}
