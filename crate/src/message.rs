//! The messages between the content script and the service worker.
//!
//! Requests come from a content script living inside a page we do not
//! control, so they are decoded strictly: unknown types and unknown fields
//! are refused. `extension/protocol.js` mirrors the names for the JS side
//! and a test keeps the two in step.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::facts::{PageFacts, MAX_FACT_BYTES};

/// Content script to service worker.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(from = "Wire")]
pub enum Request {
    /// What would be saved here? Sent when a profile is shown, to label the
    /// button.
    Inspect {
        /// The page as it is now.
        facts: PageFacts,
    },
    /// Save the owner's avatar. Sent when the person asks.
    Save {
        /// The page as it is now.
        facts: PageFacts,
    },
}

/// A request as it travels. Serde's `tag = "type"` would buffer the whole
/// message (the state script too) before reading it, and brings ~10 KB of
/// buffering code into the `.wasm`; a plain struct streams.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Wire {
    #[serde(rename = "type")]
    kind: Kind,
    facts: PageFacts,
}

/// The `type` of a [`Wire`] request.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
enum Kind {
    Inspect,
    Save,
}

impl From<Wire> for Request {
    fn from(wire: Wire) -> Request {
        let facts = wire.facts;
        match wire.kind {
            Kind::Inspect => Request::Inspect { facts },
            Kind::Save => Request::Save { facts },
        }
    }
}

impl Request {
    /// Decodes a request from its JSON text.
    pub fn decode(text: &str) -> Result<Request> {
        // The JSON text of the facts is a little larger than the facts.
        if text.len() > MAX_FACT_BYTES + MAX_FACT_BYTES / 8 {
            return Err(Error::TooLarge("message over 9 MB"));
        }
        let request: Request = crate::json::from_str(text)
            .map_err(|e| Error::BadMessage(e.to_string()))?;
        request.facts().check_limits()?;
        Ok(request)
    }

    /// The page facts the request carries.
    pub fn facts(&self) -> &PageFacts {
        match self {
            Request::Inspect { facts } | Request::Save { facts } => facts,
        }
    }
}

/// Service worker to content script.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Reply {
    /// The answer to [`Request::Inspect`]: whose picture, at what size.
    Inspected {
        /// The profile's handle.
        handle: String,
        /// Edge lengths of the picture that would be saved, if known.
        width: Option<u32>,
        /// See `width`.
        height: Option<u32>,
    },
    /// The picture was saved.
    Saved {
        /// The profile's handle.
        handle: String,
        /// Edge lengths of the saved picture, if known.
        width: Option<u32>,
        /// See `width`.
        height: Option<u32>,
        /// Whether it is TikTok's default picture.
        default_avatar: bool,
    },
    /// Nothing was saved; `key` names the sentence in `_locales`.
    Failed {
        /// The message key.
        key: String,
    },
    /// A save for this tab is already running.
    Busy,
}

/// Service worker to content script, unasked: the person pressed the
/// shortcut or the toolbar icon.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Trigger {
    /// Save the picture of the profile on screen.
    SaveShown,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_requests() {
        let text = r#"{"type":"save","facts":{"url":"https://x/@a"}}"#;
        let request = Request::decode(text).expect("valid request");
        assert_eq!(request.facts().url, "https://x/@a");
    }

    #[test]
    fn refuses_unknown_types_and_fields() {
        for text in [
            r#"{"type":"download","url":"https://a.tiktokcdn.com/x"}"#,
            r#"{"type":"save","facts":{"url":"u"},"url":"x"}"#,
            r#"{"type":"save","facts":{"url":"u","target":"x"}}"#,
            r#"{"type":"save","facts":{"url":"u","header":{"x":1}}}"#,
            r#"{"facts":{"url":"u"}}"#,
            r#"[]"#,
        ] {
            let error = Request::decode(text).expect_err(text);
            assert_eq!(error.key(), "error_unreadable_page", "{text}");
        }
    }

    #[test]
    fn refuses_oversized_facts() {
        let big = "x".repeat(MAX_FACT_BYTES);
        let text = format!(
            r#"{{"type":"save","facts":{{"url":"u","scripts":[{{"id":"a","text":"{big}"}}]}}}}"#
        );
        let error = Request::decode(&text).expect_err("too large");
        assert_eq!(error.key(), "error_too_large");
    }
}
