//! The person's choices from the options page.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::variant::Format;

/// The file-name pattern used when the person has not chosen one.
pub const DEFAULT_PATTERN: &str = "{handle}_{size}_{avatar_id}";

/// Options as stored in `chrome.storage.sync`. Unknown keys are ignored so
/// that an older version reading a newer version's storage still works.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
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
        crate::json::from_str(text)
            .map_err(|_| Error::BadPattern("options are not readable"))
    }

    /// The preferred format, JPEG when the stored value is unknown.
    pub fn preferred_format(&self) -> Format {
        Format::from_name(&self.prefer_format).unwrap_or(Format::Jpeg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_the_options_page_stores() {
        let stored = r#"{"subfolder":"TikTok","pattern":"{handle}",
            "saveAs":true,"preferFormat":"webp","metadata":true,
            "fromANewerVersion":1}"#;
        let options = Options::decode(stored).unwrap();
        assert_eq!(options.subfolder, "TikTok");
        assert!(options.save_as && options.metadata);
        assert_eq!(options.preferred_format(), Format::Webp);
    }

    #[test]
    fn fills_the_rest_with_defaults() {
        let options = Options::decode(r#"{"saveAs":true}"#).unwrap();
        assert_eq!(options.pattern, DEFAULT_PATTERN);
        assert_eq!(Options::decode("{}").unwrap(), Options::default());
        let odd = Options::decode(r#"{"preferFormat":"bmp"}"#).unwrap();
        assert_eq!(odd.preferred_format(), Format::Jpeg);
    }

    #[test]
    fn says_so_when_storage_is_unreadable() {
        for text in [r#"{"saveAs":"yes"}"#, "null", "", "{"] {
            let error = Options::decode(text).unwrap_err();
            assert_eq!(error.key(), "error_bad_pattern", "{text}");
        }
    }

    #[test]
    fn stores_under_the_names_the_options_page_uses() {
        let text = serde_json::to_string(&Options::default()).unwrap();
        assert_eq!(
            text,
            concat!(
                r#"{"subfolder":"","pattern":"{handle}_{size}_{avatar_id}","#,
                r#""saveAs":false,"preferFormat":"jpeg","metadata":false}"#
            )
        );
    }
}
