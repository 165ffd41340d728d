//! Pictures on a profile page that are not the owner's, and URLs that must
//! never be requested: one row per trap, with what the core must pick (or
//! the error key it must answer) instead.

mod common;

use avatar_saver::facts::PageFacts;
use common::*;
use serde_json::json;

const HOST: &str = "p16-sign-va.tiktokcdn.com";

fn own(size: u32) -> String {
    avatar(HOST, "own1", &format!("c5_{size}x{size}"), "jpeg")
}

fn other(size: u32) -> String {
    avatar(HOST, "oth2", &format!("c5_{size}x{size}"), "jpeg")
}

fn owner() -> serde_json::Value {
    web_user("sample.owner", &own(1080), &own(720), &own(100))
}

fn someone() -> serde_json::Value {
    web_user("someone.else", &other(1080), &other(720), &other(100))
}

struct Row {
    trap: &'static str,
    facts: PageFacts,
    /// The first candidate's URL, or the error key.
    want: String,
}

fn rows() -> Vec<Row> {
    let mut rows = Vec::new();
    let mut add =
        |trap, facts, want: String| rows.push(Row { trap, facts, want });

    // The viewer: __NEXT_DATA__ keeps the logged-in viewer beside the
    // owner, with a 720 list and no owner data on some pages.
    let viewer = json!({
        "uniqueId": "sample.viewer",
        "avatarUri": [other(720)],
        "avatarLarger": other(1080),
    });
    add(
        "viewer beside the owner",
        page(
            "sample.owner",
            &[next_data(json!({"user": owner()}), 0, viewer.clone())],
        ),
        own(1080),
    );
    add(
        "viewer only, on the viewer's own address",
        page("sample.viewer", &[next_data(json!({}), 0, viewer)]),
        "error_account_not_found".into(),
    );

    // Suggested accounts: other users in SIGI's users map, and a 32 px
    // `.user-avatar` is never a fact (the content script never reads it).
    add(
        "suggested users in the SIGI users map",
        page(
            "sample.owner",
            &[sigi_state(
                json!({"someone.else": someone(), "sample.owner": owner()}),
                0,
            )],
        ),
        own(1080),
    );
    add(
        "only suggested users in the SIGI users map",
        page(
            "sample.owner",
            &[sigi_state(json!({"someone.else": someone()}), 0)],
        ),
        "error_no_avatar".into(),
    );

    // Stale state after in-app navigation from @someone.else.
    let mut stale =
        page("sample.owner", &[universal(json!({"user": someone()}), 0)]);
    stale.document_url = Some(profile("someone.else"));
    stale.og_image = Some(other(720));
    stale.header = Some(header(Some(&own(1080)), None, "sample.owner"));
    add("stale state, header re-rendered", stale.clone(), own(1080));
    stale.header = Some(header(None, None, "sample.owner"));
    add(
        "stale state and og:image, header image not loaded yet",
        stale.clone(),
        "error_no_avatar".into(),
    );
    stale.header = Some(header(Some(&other(1080)), None, "someone.else"));
    add("stale state, stale header", stale, "error_no_avatar".into());
    // Navigating from a not-found page: its 10221 is about that handle.
    let mut from_ghost = page("sample.owner", &[universal(json!({}), 10221)]);
    from_ghost.document_url = Some(profile("ghost"));
    add(
        "stale not-found status from the first page",
        from_ghost,
        "error_no_avatar".into(),
    );
    // Navigation the content script could not date (no documentUrl): the
    // state's user names someone else, so its status is not this page's.
    let mut undated = page(
        "sample.owner",
        &[universal(
            json!({"user": {"uniqueId": "someone.else"}}),
            10221,
        )],
    );
    undated.document_url = None;
    undated.header = Some(header(None, None, "sample.owner"));
    add(
        "another user's status without a documentUrl",
        undated,
        "error_no_avatar".into(),
    );
    // Fetched data about another profile (the page prefetches).
    let mut prefetched = page("sample.owner", &[]);
    prefetched.fetched = vec![fetched_detail(
        "someone.else",
        json!({"userInfo": {"user": someone()}, "statusCode": 0}),
    )];
    add(
        "fetched detail of another profile",
        prefetched,
        "error_no_avatar".into(),
    );

    // URLs that are not on TikTok's avatar CDN, in the best field, so
    // that keeping any of them would put it first.
    const PATH: &str = "/o/x~c5_1080x1080.jpeg";
    for (trap, url) in [
        ("look-alike host", "https://p16.tiktokcdn.com.evil.example"),
        ("look-alike suffix", "https://p16-sign-vatiktokcdn.com"),
        ("http:", "http://p16-sign-va.tiktokcdn.com"),
        ("javascript:", "javascript:alert(1)//.tiktokcdn.com"),
        ("data:", "data:image/jpeg;base64,/9j/4AAQ"),
        ("credentials", "https://evil.example@p16.tiktokcdn.com"),
        ("port", "https://p16.tiktokcdn.com:444"),
    ] {
        let url = &format!("{url}{PATH}");
        let user = json!({
            "uniqueId": "sample.owner",
            "avatarLarger": url,
            "avatarMedium": own(720),
        });
        let state = universal(json!({ "user": user }), 0);
        let mut facts = page("sample.owner", &[state]);
        let srcset = format!("{url} 2x");
        facts.header = Some(header(Some(url), Some(&srcset), "sample.owner"));
        add(trap, facts, own(720));
    }
    let mut only_bad = page("sample.owner", &[]);
    only_bad.header = Some(header(
        Some("https://p16.tiktokcdn.com.evil.example/x.jpeg"),
        None,
        "sample.owner",
    ));
    only_bad.og_image = Some("http://p16.tiktokcdn.com/x.jpeg".into());
    add("nothing but bad URLs", only_bad, "error_no_avatar".into());
    rows
}

#[test]
fn no_trap_is_ever_picked() {
    let rows = rows();
    assert_rows(
        rows.iter()
            .map(|row| (row.trap, first_or_key(&row.facts), row.want.clone())),
    );
}

#[test]
fn no_candidate_of_any_trap_is_someone_elses_or_off_the_cdn() {
    for row in rows() {
        let Ok(choice) = pick(&row.facts) else {
            continue;
        };
        for url in urls(&choice) {
            assert!(url.contains("/own1~"), "{}: {url}", row.trap);
            assert!(url.starts_with(&format!("https://{HOST}/")));
        }
    }
}
