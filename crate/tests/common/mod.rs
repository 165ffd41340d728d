//! Helpers shared by the native tests: page facts from saved HTML, and
//! small builders for the page shapes of every era.
#![allow(dead_code)] // Each test file uses its own share of these.

pub mod html;

use std::path::PathBuf;

use avatar_saver::choose::{choose, Choice};
use avatar_saver::facts::{FetchedFact, HeaderFact, PageFacts, ScriptFact};
use avatar_saver::variant::Format;
use avatar_saver::Result;
use serde_json::{json, Value};

/// A fixed "now" (2024-01-01T00:00:00Z) before every made-up expiry and
/// after the real pages' 2021 one.
pub const NOW: u64 = 1_704_067_200;

/// An expiry in the future of [`NOW`].
pub const LATER: u64 = NOW + 86_400;

/// The saved real pages shared by every branch, beside the repository.
pub fn real_page(name: &str) -> String {
    read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/fixtures/real")
            .join(name),
    )
}

/// A hand-made page in `tests/fixtures/`.
pub fn own_page(name: &str) -> String {
    read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures")
            .join(name),
    )
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// `https://www.tiktok.com/@handle`.
pub fn profile(handle: &str) -> String {
    format!("https://www.tiktok.com/@{handle}")
}

/// A signed avatar URL on `host`, with the object id and `~spelling`
/// (empty for none), ending in `.ext`, expiring at `expires`.
pub fn avatar(host: &str, id: &str, spelling: &str, ext: &str) -> String {
    avatar_until(host, id, spelling, ext, LATER)
}

/// [`avatar`] with a chosen `x-expires`.
pub fn avatar_until(
    host: &str,
    id: &str,
    spelling: &str,
    ext: &str,
    expires: u64,
) -> String {
    let tilde = if spelling.is_empty() { "" } else { "~" };
    format!(
        "https://{host}/tos-maliva-avt-0068/{id}{tilde}{spelling}.{ext}\
         ?x-expires={expires}&x-signature=a%2Fb%3D"
    )
}

/// A web-shape user object with the three avatar fields.
pub fn web_user(
    handle: &str,
    larger: &str,
    medium: &str,
    thumb: &str,
) -> Value {
    json!({
        "id": "7000000000000000001",
        "uniqueId": handle,
        "nickname": "Sample",
        "secUid": "MS4wLjABAAAA",
        "avatarLarger": larger,
        "avatarMedium": medium,
        "avatarThumb": thumb,
    })
}

/// The page at `/@handle`, loaded there, with these scripts.
pub fn page(handle: &str, scripts: &[(&str, String)]) -> PageFacts {
    PageFacts {
        url: profile(handle),
        document_url: Some(profile(handle)),
        scripts: scripts
            .iter()
            .map(|(id, text)| ScriptFact {
                id: (*id).to_owned(),
                text: text.clone(),
            })
            .collect(),
        ..PageFacts::default()
    }
}

/// The 2023-to-now `__UNIVERSAL_DATA_FOR_REHYDRATION__` text, with `/`
/// written as `\u002F` the way TikTok writes it.
pub fn universal(user_info: Value, status: i64) -> (&'static str, String) {
    let data = json!({
        "__DEFAULT_SCOPE__": {
            "webapp.app-context": {"language": "en"},
            "webapp.user-detail": {
                "userInfo": user_info,
                "statusCode": status,
                "statusMsg": "",
            },
        },
    });
    ("__UNIVERSAL_DATA_FOR_REHYDRATION__", escape_slashes(&data))
}

/// The 2022-2023 `SIGI_STATE` object, users keyed by handle.
pub fn sigi(users: Value, status: i64) -> Value {
    json!({
        "AppContext": {"appContext": {"language": "en"}},
        "UserModule": {"users": users, "stats": {}},
        "UserPage": {"statusCode": status},
    })
}

/// `<script id="SIGI_STATE">` text.
pub fn sigi_state(users: Value, status: i64) -> (&'static str, String) {
    ("SIGI_STATE", sigi(users, status).to_string())
}

/// `<script id="sigi-persisted-data">` text: the same object assigned in
/// JavaScript, followed by another assignment.
pub fn sigi_persisted(users: Value, status: i64) -> (&'static str, String) {
    let state = escape_slashes(&sigi(users, status));
    let text = format!(
        "window['SIGI_STATE']={state};\
         window['SIGI_RETRY']={{\"UserModule\":1}}"
    );
    ("sigi-persisted-data", text)
}

/// The 2019-2021 `__NEXT_DATA__` text, with the logged-in `viewer` at
/// `props.initialProps.$user`.
pub fn next_data(
    user_info: Value,
    status: i64,
    viewer: Value,
) -> (&'static str, String) {
    let data = json!({
        "props": {
            "initialProps": {"$user": viewer, "$language": "en"},
            "pageProps": {
                "statusCode": status,
                "userInfo": user_info,
            },
        },
        "page": "/share/user",
    });
    ("__NEXT_DATA__", data.to_string())
}

/// A `/api/user/detail/` response the page fetched about `handle`.
pub fn fetched_detail(handle: &str, body: Value) -> FetchedFact {
    FetchedFact {
        url: format!(
            "https://www.tiktok.com/api/user/detail/?aid=1988&uniqueId={handle}"
        ),
        text: body.to_string(),
    }
}

/// A profile header: the image's `src` and `srcset`, and the title.
pub fn header(
    src: Option<&str>,
    srcset: Option<&str>,
    title: &str,
) -> HeaderFact {
    HeaderFact {
        src: src.map(str::to_owned),
        srcset: srcset.map(str::to_owned),
        title: Some(title.to_owned()),
    }
}

/// JSON text with every `/` written `\u002F`, as TikTok's state scripts.
pub fn escape_slashes(value: &Value) -> String {
    value.to_string().replace('/', "\\u002F")
}

/// The core's choice with JPEG preferred, at [`NOW`].
pub fn pick(facts: &PageFacts) -> Result<Choice> {
    choose(facts, NOW, Format::Jpeg)
}

/// The candidate URLs of a choice, best first.
pub fn urls(choice: &Choice) -> Vec<&str> {
    choice.candidates.iter().map(|c| c.url.as_str()).collect()
}

/// The first candidate's URL, or the error key.
pub fn first_or_key(facts: &PageFacts) -> String {
    match pick(facts) {
        Ok(choice) => choice.candidates[0].url.clone(),
        Err(error) => error.key().to_owned(),
    }
}

/// Asserts every row of a table at once, naming each row that differs,
/// so that one failure does not hide the next.
pub fn assert_rows<'a>(
    rows: impl IntoIterator<Item = (&'a str, String, String)>,
) {
    let wrong: Vec<String> = rows
        .into_iter()
        .filter(|(_, got, want)| got != want)
        .map(|(name, got, want)| {
            format!("{name}:\n  got  {got}\n  want {want}")
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "{} rows differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
