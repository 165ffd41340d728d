//! One row per place TikTok has put a profile's avatar, newest era first:
//! each row builds a page in that shape alone and names the exact URL the
//! core must pick from it.

mod common;

use avatar_saver::facts::{FetchedFact, PageFacts};
use common::*;
use serde_json::json;

const HOST: &str = "p16-sign-va.tiktokcdn.com";

fn larger() -> String {
    avatar(HOST, "own1", "c5_1080x1080", "jpeg")
}

fn medium() -> String {
    avatar(HOST, "own1", "c5_720x720", "jpeg")
}

fn thumb() -> String {
    avatar(HOST, "own1", "c5_100x100", "jpeg")
}

fn owner() -> serde_json::Value {
    web_user("sample.owner", &larger(), &medium(), &thumb())
}

/// The app API's snake_case user: each field `{uri, url_list: [webp,
/// jpeg], width, height}` with a `width`/`height` that is not the real
/// size (720 on the 300 field, 1080 on the thumb).
fn app_user() -> serde_json::Value {
    let list = |spelling: &str, size: u32| {
        json!({
            "uri": "tos-maliva-avt-0068/own1",
            "url_list": [
                avatar(HOST, "own1", spelling, "webp"),
                avatar(HOST, "own1", spelling, "jpeg"),
            ],
            "width": size,
            "height": size,
        })
    };
    json!({
        "uid": "7000000000000000001",
        "unique_id": "sample.owner",
        "nickname": "Sample",
        "avatar_thumb": list("c5_100x100", 1080),
        "avatar_168x168": list("c5_168x168", 720),
        "avatar_300x300": list("c5_300x300", 720),
        "avatar_medium": list("c5_720x720", 100),
    })
}

struct Row {
    era: &'static str,
    facts: PageFacts,
    want: String,
}

fn rows() -> Vec<Row> {
    let at = |scripts: &[(&str, String)]| page("sample.owner", scripts);
    let user_info = || json!({"user": owner(), "stats": {}});
    let viewer = json!({"uniqueId": "someone.else", "avatarUri": []});
    let mut fetched_web = at(&[]);
    fetched_web.fetched = vec![fetched_detail(
        "sample.owner",
        json!({"userInfo": user_info(), "statusCode": 0}),
    )];
    let mut fetched_app = at(&[]);
    fetched_app.fetched = vec![FetchedFact {
        url: "https://www.tiktok.com/api/user/detail/?uniqueId=sample.owner"
            .to_owned(),
        text: json!({"user": app_user(), "status_code": 0}).to_string(),
    }];
    let mut header_src = at(&[]);
    header_src.header = Some(header(Some(&larger()), None, "sample.owner"));
    let mut header_srcset = at(&[]);
    let srcset = format!("{} 1x, {} 2x", thumb(), larger());
    header_srcset.header =
        Some(header(Some(&thumb()), Some(&srcset), "sample.owner"));
    let mut og = at(&[]);
    og.header = Some(header(None, None, "sample.owner"));
    og.og_image = Some(medium());

    vec![
        Row {
            era: "__UNIVERSAL_DATA_FOR_REHYDRATION__, late 2023 to now",
            facts: at(&[universal(user_info(), 0)]),
            want: larger(),
        },
        Row {
            era: "SIGI_STATE JSON, 2022 to 2023",
            facts: at(&[sigi_state(json!({"sample.owner": owner()}), 0)]),
            want: larger(),
        },
        Row {
            era: "sigi-persisted-data assignment, late 2021 to 2022",
            facts: at(&[sigi_persisted(json!({"sample.owner": owner()}), 0)]),
            want: larger(),
        },
        Row {
            era: "__NEXT_DATA__, 2019 to 2021",
            facts: at(&[next_data(user_info(), 0, viewer)]),
            want: larger(),
        },
        Row {
            era: "fetched /api/user/detail/ (web shape)",
            facts: fetched_web,
            want: larger(),
        },
        Row {
            era: "app API snake_case object, url_list [webp, jpeg]",
            facts: fetched_app,
            // The 720 field, though its `width` says 100; JPEG before WebP.
            want: avatar(HOST, "own1", "c5_720x720", "jpeg"),
        },
        Row {
            era: "header img src under the owner's title",
            facts: header_src,
            want: larger(),
        },
        Row {
            era: "header img srcset: the largest entry, not the src",
            facts: header_srcset,
            want: larger(),
        },
        Row {
            era: "og:image, the owner's title and nothing else",
            facts: og,
            want: medium(),
        },
    ]
}

#[test]
fn each_source_alone_gives_the_owners_largest() {
    let rows = rows();
    assert_rows(
        rows.iter()
            .map(|row| (row.era, first_or_key(&row.facts), row.want.clone())),
    );
}

#[test]
fn each_state_shape_tolerates_the_rest_of_the_page_around_it() {
    // The real script is ~250 KB of which ~99 % is unrelated: pad every
    // state shape with unrelated keys before and after the owner.
    let filler: serde_json::Value = (0..200)
        .map(|i| (format!("k{i}"), json!({"users": {"sample.owner": 1}})))
        .collect::<serde_json::Map<_, _>>()
        .into();
    let mut data = json!({"__DEFAULT_SCOPE__": {
        "webapp.a": filler.clone(),
        "webapp.user-detail": {"userInfo": {"user": owner()}, "statusCode": 0},
        "webapp.z": filler,
    }});
    data["seo.abtest"] = json!({"canonical": "https:\u{2F}\u{2F}x"});
    let facts = page(
        "Sample.Owner",
        &[("__UNIVERSAL_DATA_FOR_REHYDRATION__", escape_slashes(&data))],
    );
    assert_eq!(first_or_key(&facts), larger(), "handle case ignored");
}

#[test]
fn the_app_shape_orders_jpeg_before_webp_at_every_size() {
    let facts = rows().remove(5).facts;
    let choice = pick(&facts).expect("app user");
    let got: Vec<_> = choice
        .candidates
        .iter()
        .map(|c| (c.size.map(|s| s.0), c.format.extension()))
        .collect();
    let want = [
        (Some(720), "jpeg"),
        (Some(720), "webp"),
        (Some(300), "jpeg"),
        (Some(300), "webp"),
        (Some(168), "jpeg"),
        (Some(168), "webp"),
        (Some(100), "jpeg"),
        (Some(100), "webp"),
    ];
    assert_eq!(got, want);
}

#[test]
fn repeated_fetches_of_the_same_profile_count_once() {
    // Each in-app visit to the profile adds one more response; the same
    // links seen again are not more candidates (16 x 8 would pass the
    // core's limit of 64 and be refused as too large).
    let mut facts = page("sample.owner", &[]);
    let body = json!({"user": app_user(), "status_code": 0}).to_string();
    let response = FetchedFact {
        url: "https://www.tiktok.com/api/user/detail/?uniqueId=sample.owner"
            .to_owned(),
        text: body,
    };
    facts.fetched = vec![response; avatar_saver::facts::MAX_PIECES];
    let choice = pick(&facts).expect("not too large");
    assert_eq!(choice.candidates.len(), 8);
}
