//! What the content script reads off the page, as it read it.
//!
//! Everything here comes from a page we do not control: the core validates
//! sizes first, then treats every string as untrusted.

use serde::Deserialize;

use crate::error::{Error, Result};

/// The most bytes of text one request may carry (the real state script is
/// ~250 KB; the largest seen anywhere is under 2 MB).
pub const MAX_FACT_BYTES: usize = 8 * 1024 * 1024;
/// The most state scripts or fetched responses one request may carry.
pub const MAX_PIECES: usize = 16;
/// The most candidate URLs the core weighs for one request.
pub const MAX_CANDIDATES: usize = 64;

/// The facts of one page, as gathered by the content script.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PageFacts {
    /// `location.href` now.
    pub url: String,
    /// The URL the document was loaded at. After in-app navigation it
    /// differs from `url`, and the embedded state describes that first page.
    #[serde(default)]
    pub document_url: Option<String>,
    /// The text of each state `<script>` found, by `id`.
    #[serde(default)]
    pub scripts: Vec<ScriptFact>,
    /// The profile header, if the page shows one.
    #[serde(default)]
    pub header: Option<HeaderFact>,
    /// `content` of `meta[property="og:image"]`.
    #[serde(default)]
    pub og_image: Option<String>,
    /// User-detail responses the page fetched for itself, newest first.
    #[serde(default)]
    pub fetched: Vec<FetchedFact>,
}

/// One `<script>` element's `id` and text.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ScriptFact {
    /// The element's `id`.
    pub id: String,
    /// Its `textContent`.
    pub text: String,
}

/// The profile header's avatar image and handle.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct HeaderFact {
    /// The `src` attribute of the avatar image.
    #[serde(default)]
    pub src: Option<String>,
    /// The `srcset` attribute, if any.
    #[serde(default)]
    pub srcset: Option<String>,
    /// The text of the header's title, the handle it belongs to.
    #[serde(default)]
    pub title: Option<String>,
}

/// A response the page received from TikTok's user-detail API.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FetchedFact {
    /// The request URL, which names the user asked about.
    pub url: String,
    /// The response body.
    pub text: String,
}

impl PageFacts {
    /// Refuses facts larger than the core accepts, before any parsing.
    pub fn check_limits(&self) -> Result<()> {
        if self.scripts.len() > MAX_PIECES || self.fetched.len() > MAX_PIECES {
            return Err(Error::TooLarge("too many pieces"));
        }
        let header = self.header.as_ref().map_or(0, |h| {
            let len = |s: &Option<String>| s.as_ref().map_or(0, String::len);
            len(&h.src) + len(&h.srcset) + len(&h.title)
        });
        let bytes = self.url.len()
            + self.document_url.as_ref().map_or(0, String::len)
            + self
                .scripts
                .iter()
                .map(|s| s.id.len() + s.text.len())
                .sum::<usize>()
            + self
                .fetched
                .iter()
                .map(|f| f.url.len() + f.text.len())
                .sum::<usize>()
            + self.og_image.as_ref().map_or(0, String::len)
            + header;
        if bytes > MAX_FACT_BYTES {
            return Err(Error::TooLarge("more than 8 MB of page text"));
        }
        Ok(())
    }
}
