//! The core of Avatar Saver for TikTok: given what a profile page shows,
//! decide which picture is the owner's largest avatar and how to save it.
//!
//! The flow: the content script gathers raw [`facts::PageFacts`] and sends a
//! [`message::Request`]; the service worker hands it to [`handle`] (through
//! the WebAssembly binding in `wasm.rs`), which reads the page state with
//! the paths in [`sites`], keeps only the owner's pictures on TikTok's CDN
//! ([`choose`]), and returns a [`plan::Plan`] of downloads to try in order.
//! Nothing here touches a browser API, so all of it is tested natively.

pub mod cdn;
pub mod choose;
pub mod clock;
pub mod error;
pub mod facts;
pub mod json;
pub mod message;
pub mod naming;
pub mod node;
pub mod options;
pub mod parts;
pub mod plan;
pub mod profile;
pub mod protocol;
pub mod sites;
pub mod user;
pub mod variant;
pub mod walk;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use error::{Error, Result};

/// Decodes a request and plans it: the core's one entry point.
pub fn handle(
    request: &str,
    options: &str,
    now_ms: u64,
) -> Result<(message::Request, plan::Plan)> {
    let request = message::Request::decode(request)?;
    let options = options::Options::decode(options)?;
    let plan = plan::plan(request.facts(), &options, now_ms)?;
    Ok((request, plan))
}

/// [`handle`] for a request whose big texts travel beside it, as the
/// worker sends them (see [`parts`]).
pub fn handle_parts(
    request: &str,
    texts: Vec<String>,
    options: &str,
    now_ms: u64,
) -> Result<(message::Request, plan::Plan)> {
    let request = parts::decode(request, texts)?;
    let options = options::Options::decode(options)?;
    let plan = plan::plan(request.facts(), &options, now_ms)?;
    Ok((request, plan))
}
