//! Turns a request into what the service worker does next: the downloads to
//! try, in order, each with its file name (and metadata file, if asked).

use serde::Serialize;

use crate::choose::{choose, Candidate, Choice};
use crate::clock::utc;
use crate::error::Result;
use crate::facts::PageFacts;
use crate::naming::{file_path, fill, Tokens};
use crate::options::Options;

/// Everything the worker needs to save the owner's picture.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    /// The profile's handle.
    pub handle: String,
    /// Whether the best picture is TikTok's default avatar.
    pub default_avatar: bool,
    /// Ask where to save each time.
    pub save_as: bool,
    /// The downloads to try, best first; the next one is tried when one
    /// fails.
    pub downloads: Vec<Download>,
}

/// One picture to request.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Download {
    /// The URL, byte for byte as the page gave it.
    pub url: String,
    /// Edge lengths in pixels, if known.
    pub width: Option<u32>,
    /// See `width`.
    pub height: Option<u32>,
    /// The path inside Downloads.
    pub filename: String,
    /// The metadata file to write beside it, when the person asked for one.
    pub metadata: Option<Metadata>,
}

/// A `.json` file beside the picture.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Metadata {
    /// The path inside Downloads.
    pub filename: String,
    /// The file's text.
    pub text: String,
}

/// Plans a save of the profile shown in `facts`. `now_ms` is the time in
/// Unix milliseconds, a parameter so that tests fix the clock.
pub fn plan(facts: &PageFacts, options: &Options, now_ms: u64) -> Result<Plan> {
    let now = now_ms / 1000;
    let choice = choose(facts, now, options.preferred_format())?;
    let (date, time) = utc(now);
    let downloads = choice
        .candidates
        .iter()
        .map(|c| download(facts, options, &choice, c, &date, &time))
        .collect::<Result<Vec<_>>>()?;
    Ok(Plan {
        handle: choice.handle.clone(),
        default_avatar: choice.is_default_avatar(),
        save_as: options.save_as,
        downloads,
    })
}

fn download(
    facts: &PageFacts,
    options: &Options,
    choice: &Choice,
    candidate: &Candidate,
    date: &str,
    time: &str,
) -> Result<Download> {
    let size = candidate
        .size
        .map(|(w, h)| format!("{w}x{h}"))
        .unwrap_or_else(|| "original".to_owned());
    let avatar_id = candidate.avatar_id.as_deref().unwrap_or("");
    let short_id: String = avatar_id.chars().take(8).collect();
    let tokens = Tokens {
        handle: &choice.handle,
        nickname: choice.nickname.as_deref().unwrap_or(""),
        id: choice.user_id.as_deref().unwrap_or(""),
        size: &size,
        avatar_id: &short_id,
        date,
    };
    let base = fill(&options.pattern, &tokens)?;
    let extension = candidate.format.extension();
    let filename = file_path(&options.subfolder, &base, extension);
    let metadata = options.metadata.then(|| Metadata {
        filename: file_path(&options.subfolder, &base, "json"),
        text: record(facts, choice, candidate, avatar_id, time),
    });
    Ok(Download {
        url: candidate.url.clone(),
        width: candidate.size.map(|s| s.0),
        height: candidate.size.map(|s| s.1),
        filename,
        metadata,
    })
}

/// The metadata file's text. The avatar URL loses its query: the signature
/// and tokens in it are the viewer's, and expire anyway.
fn record(
    facts: &PageFacts,
    choice: &Choice,
    candidate: &Candidate,
    avatar_id: &str,
    time: &str,
) -> String {
    let page = facts.url.split(['?', '#']).next().unwrap_or("");
    let url = candidate.url.split('?').next().unwrap_or("");
    let record = Record {
        page_url: page,
        handle: &choice.handle,
        nickname: choice.nickname.as_deref(),
        id: choice.user_id.as_deref(),
        width: candidate.size.map(|s| s.0),
        height: candidate.size.map(|s| s.1),
        format: candidate.format.extension(),
        avatar_id,
        avatar_url: url,
        saved_at: time,
    };
    // Strings, numbers and nulls always serialise.
    serde_json::to_string_pretty(&record).unwrap_or_default()
}

/// The metadata file's fields, in the order they are written. A typed
/// struct rather than `json!`, which would bring `serde_json::Value`'s
/// code into the `.wasm`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Record<'a> {
    page_url: &'a str,
    handle: &'a str,
    nickname: Option<&'a str>,
    id: Option<&'a str>,
    width: Option<u32>,
    height: Option<u32>,
    format: &'a str,
    avatar_id: &'a str,
    avatar_url: &'a str,
    saved_at: &'a str,
}
