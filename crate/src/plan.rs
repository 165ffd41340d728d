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

/// The metadata file's fields, in the order they are written.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::ScriptFact;

    const CDN: &str = "https://p16-sign.tiktokcdn-eu.com/tos-avt/";
    // 2026-12-03T12:13:20Z, before the links' x-expires.
    const NOW_MS: u64 = 1_796_300_000_000;

    fn avatar(id: &str, size: u32, ext: &str) -> String {
        format!(
            "{CDN}{id}~tplv-tiktokx-cropcenter:{size}:{size}.{ext}\
             ?x-expires=1900000000&x-signature=s%2F1%3D"
        )
    }

    /// A page whose state holds one user with these fields.
    fn facts(user: serde_json::Value) -> PageFacts {
        let state = serde_json::json!({ "__DEFAULT_SCOPE__": {
            "webapp.user-detail": { "statusCode": 0,
                "userInfo": { "user": user } } } });
        PageFacts {
            url: "https://www.tiktok.com/@sample.creator?lang=es#top".into(),
            scripts: vec![ScriptFact {
                id: "__UNIVERSAL_DATA_FOR_REHYDRATION__".into(),
                text: state.to_string(),
            }],
            ..PageFacts::default()
        }
    }

    fn creator() -> PageFacts {
        facts(serde_json::json!({
            "uniqueId": "sample.creator",
            "nickname": "Ελένη 日本 🎨",
            "id": "7000000000000000001",
            "avatarLarger": avatar("b5a9de7cb7f554aa", 1080, "jpeg"),
            "avatarMedium": avatar("b5a9de7cb7f554aa", 720, "jpeg"),
            "avatarThumb": avatar("b5a9de7cb7f554aa", 100, "webp"),
        }))
    }

    #[test]
    fn names_every_fallback_by_its_own_size_and_format() {
        let plan = plan(&creator(), &Options::default(), NOW_MS).unwrap();
        let names: Vec<_> =
            plan.downloads.iter().map(|d| d.filename.as_str()).collect();
        assert_eq!(
            names,
            [
                "sample.creator_1080x1080_b5a9de7c.jpeg",
                "sample.creator_720x720_b5a9de7c.jpeg",
                "sample.creator_100x100_b5a9de7c.webp",
            ]
        );
        assert_eq!(plan.downloads[1].width, Some(720));
        assert_eq!(
            plan.downloads[0].url,
            avatar("b5a9de7cb7f554aa", 1080, "jpeg")
        );
        assert!(plan.downloads.iter().all(|d| d.metadata.is_none()));
        assert!(!plan.save_as);
    }

    #[test]
    fn follows_the_options() {
        let options = Options {
            subfolder: "TikTok/Archive".into(),
            pattern: "{nickname} {id} {date}".into(),
            save_as: true,
            metadata: true,
            ..Options::default()
        };
        let plan = plan(&creator(), &options, NOW_MS).unwrap();
        let first = &plan.downloads[0];
        assert_eq!(
            first.filename,
            "TikTok/Archive/Ελένη 日本 🎨 7000000000000000001 2026-12-03.jpeg"
        );
        let metadata = first.metadata.as_ref().expect("asked for");
        assert_eq!(
            metadata.filename,
            "TikTok/Archive/Ελένη 日本 🎨 7000000000000000001 2026-12-03.json"
        );
        assert!(plan.save_as);
    }

    #[test]
    fn writes_the_metadata_without_tokens() {
        let options = Options {
            metadata: true,
            ..Options::default()
        };
        let plan = plan(&creator(), &options, NOW_MS).unwrap();
        let second = &plan.downloads[1];
        let text = &second.metadata.as_ref().expect("asked for").text;
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(
            value,
            serde_json::json!({
                "pageUrl": "https://www.tiktok.com/@sample.creator",
                "handle": "sample.creator",
                "nickname": "Ελένη 日本 🎨",
                "id": "7000000000000000001",
                "width": 720,
                "height": 720,
                "format": "jpeg",
                "avatarId": "b5a9de7cb7f554aa",
                "avatarUrl": format!("{CDN}b5a9de7cb7f554aa\
                    ~tplv-tiktokx-cropcenter:720:720.jpeg"),
                "savedAt": "2026-12-03T12:13:20Z",
            })
        );
        assert!(!text.contains("x-signature"));
    }

    #[test]
    fn takes_the_preferred_format_among_equal_sizes() {
        let page = facts(serde_json::json!({
            "uniqueId": "sample.creator",
            "avatarLarger": avatar("b5a9de7cb7f554aa", 1080, "jpeg"),
            "avatarMedium": avatar("b5a9de7cb7f554aa", 1080, "webp"),
        }));
        let webp = Options {
            prefer_format: "webp".into(),
            ..Options::default()
        };
        let plan_webp = plan(&page, &webp, NOW_MS).unwrap();
        assert!(plan_webp.downloads[0].filename.ends_with(".webp"));
        assert!(plan_webp.downloads[1].filename.ends_with(".jpeg"));
        let plan_jpeg = plan(&page, &Options::default(), NOW_MS).unwrap();
        assert!(plan_jpeg.downloads[0].filename.ends_with(".jpeg"));
    }

    #[test]
    fn refuses_a_bad_pattern_with_its_key() {
        let options = Options {
            pattern: "{handle".into(),
            ..Options::default()
        };
        let error = plan(&creator(), &options, NOW_MS).unwrap_err();
        assert_eq!(error.key(), "error_bad_pattern");
    }
}
