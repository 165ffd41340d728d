//! Properties of the core for any input at all: it never panics, never
//! offers a URL off TikTok's avatar CDN, and every URL it offers is one
//! the page gave it, byte for byte (after JSON or HTML unescaping only).
//!
//! Two kinds of input: page-shaped facts (the real paths, with URLs and
//! handles drawn from pools of good, bad and look-alike values, so that
//! the core often succeeds) and chaos (arbitrary text and JSON-ish trees).

mod common;

use avatar_saver::choose::{choose, Choice};
use avatar_saver::facts::{FetchedFact, HeaderFact, PageFacts, ScriptFact};
use avatar_saver::options::Options;
use avatar_saver::plan::plan;
use avatar_saver::sites::STATE_SCRIPTS;
use avatar_saver::variant::Format;
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// Hosts an avatar URL may be drawn from: allowed, look-alike and wrong.
const HOSTS: &[&str] = &[
    "p16-sign-va.tiktokcdn.com",
    "p16-pu-sign-no.tiktokcdn-eu.com",
    "p19-sign.tiktokcdn-us.com",
    "tiktokcdn.com",
    "p16.tiktokcdn.com.evil.example",
    "p16-tiktokcdn.com",
    "P16.TIKTOKCDN.COM",
    "evil.example@p16.tiktokcdn.com",
    "p16.tiktokcdn.com:8443",
    "p16.tiktokcdn.com.",
];

const SCHEMES: &[&str] = &["https://", "http://", "javascript:", "HTTPS://"];

/// Size spellings, including broken ones.
const SPELLINGS: &[&str] = &[
    "~c5_1080x1080",
    "~tplv-tiktokx-cropcenter:720:720",
    "~tplv-tiktok-shrink:72:72",
    "~c5_0x0",
    "~c5_99999999999x1",
    "~tplv-a:b:c",
    "~",
    "",
];

const EXTENSIONS: &[&str] = &["jpeg", "webp", "JPG", "image", "heic", ""];

const HANDLES: &[&str] = &["sample.owner", "Sample.Owner", "someone.else"];

fn pick<T: Clone + std::fmt::Debug>(
    items: &'static [T],
) -> impl Strategy<Value = T> {
    proptest::sample::select(items)
}

/// A URL that looks like an avatar link, often allowed, often not.
fn avatar_url() -> impl Strategy<Value = String> {
    // Mostly allowed schemes and hosts, so that the core often succeeds.
    let scheme = prop_oneof![3 => Just("https://"), 1 => pick(SCHEMES)];
    let host = prop_oneof![2 => pick(&HOSTS[..3]), 1 => pick(HOSTS)];
    let shaped = (
        scheme,
        host,
        prop_oneof!["[a-z0-9]{1,12}", Just("aweme/720x720".to_owned())],
        "[0-9a-f]{1,32}",
        pick(SPELLINGS),
        pick(EXTENSIONS),
        prop_oneof![
            Just(String::new()),
            any::<u64>().prop_map(|n| format!("?x-expires={n}&s=a%2F")),
            "\\?[ -~]{0,20}",
        ],
    )
        .prop_map(|(scheme, host, dir, id, size, ext, query)| {
            format!("{scheme}{host}/{dir}/{id}{size}.{ext}{query}")
        });
    prop_oneof![
        6 => shaped,
        1 => ".{0,40}",
        1 => Just("data:image/png;base64,AAAA".to_owned()),
    ]
}

/// A user object in the web or the app shape, with arbitrary extras.
fn user() -> impl Strategy<Value = Value> {
    let fields = prop::collection::vec(
        (
            pick(&[
                "avatarLarger",
                "avatarMedium",
                "avatarThumb",
                "avatar_larger",
                "avatar_300x300",
                "avatar_thumb",
                "avatarUri",
            ]),
            prop::collection::vec(avatar_url(), 1..3),
            any::<bool>(),
        ),
        0..5,
    );
    (
        prop_oneof![
            4 => pick(&["uniqueId", "unique_id"]),
            1 => Just("nickName"),
        ],
        prop_oneof![
            4 => Just("sample.owner".to_owned()),
            2 => pick(HANDLES).prop_map(str::to_owned),
            1 => ".{0,8}",
        ],
        fields,
    )
        .prop_map(|(key, handle, fields)| {
            let mut user = Map::new();
            user.insert(key.to_owned(), json!(handle));
            for (name, urls, as_list) in fields {
                let value = if as_list || name.starts_with("avatar_") {
                    json!({"url_list": urls, "width": 720, "height": 720})
                } else {
                    json!(urls[0])
                };
                user.insert(name.to_owned(), value);
            }
            Value::Object(user)
        })
}

fn status() -> impl Strategy<Value = Value> {
    prop_oneof![
        pick(&[0i64, 10202, 10221, 10222, 10204, 10231]).prop_map(|n| json!(n)),
        any::<i64>().prop_map(|n| json!(n)),
        Just(json!("10221")),
        Just(Value::Null),
    ]
}

/// The text of one state script, in the shape its id implies (or not).
fn state_script() -> impl Strategy<Value = ScriptFact> {
    let ids: Vec<&'static str> = STATE_SCRIPTS.iter().map(|s| s.id).collect();
    (
        proptest::sample::select(ids),
        prop::collection::vec(user(), 0..3),
        prop_oneof![3 => Just(json!(0)), 1 => status()],
        any::<bool>(),
    )
        .prop_map(|(id, users, status, escape)| {
            let first = users.first().cloned().unwrap_or(json!({}));
            let keyed: Map<String, Value> = users
                .iter()
                .map(|u| {
                    let handle = u
                        .get("uniqueId")
                        .and_then(Value::as_str)
                        .unwrap_or("x");
                    (handle.to_owned(), u.clone())
                })
                .collect();
            let data = json!({
                "__DEFAULT_SCOPE__": {"webapp.user-detail": {
                    "userInfo": {"user": first.clone()}, "statusCode": status}},
                "UserModule": {"users": keyed},
                "UserPage": {"statusCode": status},
                "props": {
                    "initialProps": {"$user": users.last()},
                    "pageProps": {"userInfo": {"user": first},
                        "statusCode": status}},
            });
            let mut text = data.to_string();
            if escape {
                text = text.replace('/', "\\u002F");
            }
            if id == "sigi-persisted-data" {
                text = format!("window['SIGI_STATE']={text};window['X']=1");
            }
            ScriptFact {
                id: id.to_owned(),
                text,
            }
        })
}

/// A JSON-ish tree: arbitrary nesting with keys the core looks for.
fn chaos_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        avatar_url().prop_map(Value::String),
        pick(HANDLES).prop_map(|h| json!(h)),
    ];
    leaf.prop_recursive(8, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![
                        pick(&[
                            "__DEFAULT_SCOPE__",
                            "webapp.user-detail",
                            "userInfo",
                            "user",
                            "statusCode",
                            "status_code",
                            "UserModule",
                            "users",
                            "UserPage",
                            "props",
                            "pageProps",
                            "uniqueId",
                            "avatarLarger",
                            "url_list",
                            "avatar_larger",
                            "sample.owner",
                        ])
                        .prop_map(str::to_owned),
                        ".{0,6}",
                    ],
                    inner,
                ),
                0..5,
            )
            .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

/// Text of a script or response: JSON-ish, truncated or plain noise.
fn chaos_text() -> impl Strategy<Value = String> {
    prop_oneof![
        chaos_json().prop_map(|v| v.to_string()),
        (chaos_json(), any::<prop::sample::Index>()).prop_map(|(v, at)| {
            let text = v.to_string();
            let cut = at.index(text.len() + 1);
            text.get(..cut).unwrap_or("").to_owned()
        }),
        ".{0,60}",
        "[\\[\\]{}\":,a-z0-9\\\\]{0,60}",
    ]
}

fn page_url() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => Just("https://www.tiktok.com/@sample.owner".to_owned()),
        2 => pick(HANDLES).prop_map(|h| format!("https://www.tiktok.com/@{h}")),
        1 => pick(HANDLES)
            .prop_map(|h| format!("https://www.tiktok.com/@{h}/?lang=en")),
        1 => ".{0,30}",
    ]
}

fn header() -> impl Strategy<Value = Option<HeaderFact>> {
    prop::option::of(
        (
            prop::option::of(avatar_url()),
            prop::option::of(
                prop::collection::vec(avatar_url(), 0..3).prop_map(|urls| {
                    urls.iter()
                        .enumerate()
                        .map(|(i, u)| format!("{u} {}x", i + 1))
                        .collect::<Vec<_>>()
                        .join(", ")
                }),
            ),
            prop::option::of(prop_oneof![
                pick(HANDLES).prop_map(|h| format!("@{h} ")),
                ".{0,10}",
            ]),
        )
            .prop_map(|(src, srcset, title)| HeaderFact {
                src,
                srcset,
                title,
            }),
    )
}

/// Facts shaped like a profile page, with the real paths.
fn shaped_facts() -> impl Strategy<Value = PageFacts> {
    (
        page_url(),
        prop::option::of(page_url()),
        prop::collection::vec(state_script(), 0..3),
        header(),
        prop::option::of(avatar_url()),
        prop::collection::vec(
            (pick(HANDLES), user(), status(), any::<bool>()),
            0..3,
        ),
    )
        .prop_map(|(url, document_url, scripts, header, og, fetched)| {
            let fetched = fetched
                .into_iter()
                .map(|(handle, user, status, web)| FetchedFact {
                    url: format!("/api/user/detail/?uniqueId={handle}"),
                    text: if web {
                        let info = json!({ "user": user });
                        json!({"userInfo": info, "statusCode": status})
                    } else {
                        json!({"user": user, "status_code": status})
                    }
                    .to_string(),
                })
                .collect();
            PageFacts {
                url,
                document_url,
                scripts,
                header,
                og_image: og,
                fetched,
            }
        })
}

/// Facts of arbitrary text in every place.
fn chaos_facts() -> impl Strategy<Value = PageFacts> {
    let ids: Vec<String> = STATE_SCRIPTS
        .iter()
        .map(|s| s.id.to_owned())
        .chain(["other".to_owned()])
        .collect();
    (
        page_url(),
        prop::collection::vec(
            (proptest::sample::select(ids), chaos_text()),
            0..4,
        ),
        header(),
        prop::option::of(avatar_url()),
        prop::collection::vec((".{0,20}", chaos_text()), 0..3),
    )
        .prop_map(|(url, scripts, header, og_image, fetched)| PageFacts {
            url,
            document_url: None,
            scripts: scripts
                .into_iter()
                .map(|(id, text)| ScriptFact { id, text })
                .collect(),
            header,
            og_image,
            fetched: fetched
                .into_iter()
                .map(|(url, text)| FetchedFact { url, text })
                .collect(),
        })
}

/// Every string literal in a text that holds JSON, decoded. A superset of
/// the strings any JSON reader can take from it (keys included).
fn json_strings(text: &str, out: &mut Vec<String>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'"' {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < bytes.len() && bytes[i] != b'"' {
            i += if bytes[i] == b'\\' { 2 } else { 1 };
        }
        if let Some(literal) = text.get(start..=i.min(text.len() - 1)) {
            if let Ok(decoded) = serde_json::from_str::<String>(literal) {
                out.push(decoded);
            }
        }
        i += 1;
    }
}

/// Every string the page gave the core, as the core may read it.
fn given(facts: &PageFacts) -> Vec<String> {
    let mut out = Vec::new();
    for script in &facts.scripts {
        json_strings(&script.text, &mut out);
    }
    for fetched in &facts.fetched {
        json_strings(&fetched.text, &mut out);
    }
    if let Some(header) = &facts.header {
        out.extend(header.src.clone());
        if let Some(srcset) = &header.srcset {
            out.extend(srcset.split([',', ' ']).map(str::to_owned));
        }
    }
    out.extend(facts.og_image.clone());
    out
}

/// An oracle for "on TikTok's avatar CDN", written apart from the core's.
fn on_the_cdn(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?']).next().unwrap_or("");
    let suffix_ok = ["tiktokcdn.com", "tiktokcdn-eu.com", "tiktokcdn-us.com"]
        .iter()
        .any(|s| host.ends_with(&format!(".{s}")));
    let chars_ok = host.bytes().all(|b| {
        b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-'
    });
    suffix_ok
        && chars_ok
        && !host.split('.').any(str::is_empty)
        && rest[host.len()..].starts_with('/')
        && !url.contains(['#', '\\', ' '])
}

/// Checks the properties at Unix time `now_ms` (milliseconds, as the
/// worker passes it).
fn check(facts: &PageFacts, now_ms: u64) -> Result<(), TestCaseError> {
    let Ok(choice) = choose(facts, now_ms / 1000, Format::Jpeg) else {
        return Ok(());
    };
    check_choice(facts, &choice)?;
    // The plan carries the same URLs, in the same order.
    if let Ok(planned) = plan(facts, &Options::default(), now_ms) {
        let planned: Vec<_> =
            planned.downloads.iter().map(|d| &d.url).collect();
        let chosen: Vec<_> = choice.candidates.iter().map(|c| &c.url).collect();
        prop_assert_eq!(planned, chosen);
    }
    Ok(())
}

fn check_choice(
    facts: &PageFacts,
    choice: &Choice,
) -> Result<(), TestCaseError> {
    prop_assert!(!choice.candidates.is_empty());
    let given = given(facts);
    for candidate in &choice.candidates {
        let url = &candidate.url;
        prop_assert!(on_the_cdn(url), "off the CDN: {:?}", url);
        prop_assert!(given.contains(url), "not given: {:?}", url);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn shaped_pages_give_only_given_cdn_urls(
        facts in shaped_facts(),
        now_ms in any::<u64>(),
    ) {
        check(&facts, now_ms)?;
    }

    #[test]
    fn chaotic_pages_give_only_given_cdn_urls(
        facts in chaos_facts(),
        now_ms in any::<u64>(),
    ) {
        check(&facts, now_ms)?;
    }

    #[test]
    fn any_message_text_is_answered_without_panicking(
        text in prop_oneof![
            ".{0,200}",
            chaos_facts().prop_map(|f| {
                json!({"type": "save", "facts": {
                    "url": f.url,
                    "scripts": f.scripts.iter()
                        .map(|s| json!({"id": s.id, "text": s.text}))
                        .collect::<Vec<_>>(),
                }}).to_string()
            }),
        ],
        options in prop_oneof![Just("{}".to_owned()), ".{0,40}"],
        now in any::<u64>(),
    ) {
        let _ = avatar_saver::handle(&text, &options, now);
    }
}

#[test]
fn the_oracle_agrees_on_known_cases() {
    assert!(on_the_cdn("https://p16-sign-va.tiktokcdn.com/a/b.jpeg?x=1"));
    assert!(!on_the_cdn("https://p16.tiktokcdn.com.evil.example/a.jpeg"));
    assert!(!on_the_cdn("https://evil.example@p16.tiktokcdn.com/a.jpeg"));
    assert!(!on_the_cdn("http://p16.tiktokcdn.com/a.jpeg"));
    assert!(!on_the_cdn("https://tiktokcdn.com/a.jpeg"));
}
