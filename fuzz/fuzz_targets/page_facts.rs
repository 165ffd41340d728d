//! The page-facts parser and the decision: whatever a page or a forged
//! message sends, the core answers in bounded time without panicking, and
//! any plan it makes downloads only allowed CDN URLs, for the profile in the
//! address bar, under safe names.
//!
//! The first byte picks how the rest is used: as the whole request JSON; as
//! a request and its texts apart, split at NUL bytes, as the worker sends
//! them; or as the text of one state script (or fetched response) of a
//! fixed profile page, so that the fuzzer spends its time inside the JSON
//! walk rather than on the request's envelope. The last kind also travels
//! apart from its request, as it does in the worker.

#![no_main]

use avatar_saver::cdn::CdnUrl;
use avatar_saver::message::Request;
use avatar_saver::plan::Plan;
use avatar_saver::profile::handle_of;
use libfuzzer_sys::fuzz_target;
use serde_json::json;

mod safe_path;
use safe_path::assert_safe_path;

const URL: &str = "https://www.tiktok.com/@sample.creator";
const DETAIL: &str =
    "https://www.tiktok.com/api/user/detail/?uniqueId=sample.creator";
/// Late 2025, between the two fixtures' expiry dates.
const NOW_MS: u64 = 1_764_000_000_000;
/// The most downloads one press may start (`choose::MAX_KEPT`).
const MAX_DOWNLOADS: usize = 8;

/// Where the fuzzed text goes, by the first byte modulo the length.
const SHAPES: &[&str] = &[
    "request",
    "parts",
    "__UNIVERSAL_DATA_FOR_REHYDRATION__",
    "SIGI_STATE",
    "sigi-persisted-data",
    "__NEXT_DATA__",
    "fetched",
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let shape = SHAPES[usize::from(selector) % SHAPES.len()];
    // The high bit asks for the metadata file too.
    let options = if selector & 0x80 != 0 {
        r#"{"metadata":true}"#
    } else {
        "{}"
    };
    let planned = match shape {
        "request" => avatar_saver::handle(&text, options, NOW_MS),
        "parts" => {
            let mut pieces = text.split('\0').map(str::to_owned);
            let request = pieces.next().unwrap_or_default();
            let texts = pieces.collect();
            avatar_saver::handle_parts(&request, texts, options, NOW_MS)
        }
        "fetched" => {
            let request = json!({"type": "save", "facts": {
                "url": URL,
                "fetched": [{"url": DETAIL, "text": ""}],
            }});
            let texts = vec![text.into_owned()];
            let request = request.to_string();
            avatar_saver::handle_parts(&request, texts, options, NOW_MS)
        }
        id => {
            let request = json!({"type": "save", "facts": {
                "url": URL,
                "scripts": [{"id": id, "text": ""}],
                "header": {"title": "sample.creator"},
            }});
            let texts = vec![text.into_owned()];
            let request = request.to_string();
            avatar_saver::handle_parts(&request, texts, options, NOW_MS)
        }
    };
    if let Ok((decoded, plan)) = planned {
        check(&decoded, &plan);
    }
});

/// The promises a plan keeps, whatever the page said.
fn check(request: &Request, plan: &Plan) {
    let shown = handle_of(&request.facts().url)
        .expect("a plan is only made for a profile page");
    assert!(
        plan.handle.eq_ignore_ascii_case(&shown),
        "planned for {:?} on the page of {shown:?}",
        plan.handle
    );
    assert!(!plan.downloads.is_empty(), "a plan with nothing to save");
    assert!(plan.downloads.len() <= MAX_DOWNLOADS, "too many downloads");
    for download in &plan.downloads {
        assert!(
            CdnUrl::parse(&download.url).is_some(),
            "would download {:?}",
            download.url
        );
        let ext = download.filename.rsplit('.').next().unwrap_or("");
        assert_safe_path(&download.filename, ext);
        if let Some(metadata) = &download.metadata {
            assert_safe_path(&metadata.filename, "json");
        }
    }
}
