//! What the page's status says, and what the person is told: one row per
//! status code and per page without data, with the exact error key (each
//! a sentence in `_locales`) or the picture saved.

mod common;

use avatar_saver::facts::PageFacts;
use avatar_saver::options::Options;
use avatar_saver::plan::plan;
use common::*;
use serde_json::json;

const HOST: &str = "p16-sign-va.tiktokcdn.com";

fn own(size: u32) -> String {
    avatar(HOST, "own1", &format!("c5_{size}x{size}"), "jpeg")
}

fn owner() -> serde_json::Value {
    web_user("sample.owner", &own(1080), &own(720), &own(100))
}

/// The default picture TikTok shows for a missing account, in og:image.
fn default_og() -> String {
    format!(
        "https://{HOST}/musically-maliva-obj/1594805258216454~c5_720x720.jpeg\
         ?x-expires={LATER}&x-signature=x"
    )
}

/// A page at /@sample.owner with these scripts and the default og:image.
fn at(scripts: &[(&str, String)]) -> PageFacts {
    let mut facts = page("sample.owner", scripts);
    facts.og_image = Some(default_og());
    facts
}

#[test]
fn each_status_says_what_it_means() {
    let mut fetched_gone = at(&[]);
    fetched_gone.fetched = vec![fetched_detail(
        "sample.owner",
        json!({"userInfo": {}, "statusCode": 10221}),
    )];
    let mut titled_gone = at(&[universal(json!({}), 10221)]);
    titled_gone.header = Some(header(None, None, "sample.owner"));
    let mut next_gone = at(&[next_data(json!({}), 10202, json!({}))]);
    next_gone.header = Some(header(None, None, "sample.owner"));
    let mut walled_header = at(&[]);
    walled_header.header = Some(header(None, None, "sample.owner"));
    walled_header.scripts = vec![universal(json!({}), 10204)]
        .into_iter()
        .map(script)
        .collect();

    let table: Vec<(&str, PageFacts, String)> = vec![
        (
            "10221: the account does not exist",
            at(&[universal(json!({}), 10221)]),
            "error_account_not_found".into(),
        ),
        (
            "10221 under a title naming the handle: og:image still unused",
            titled_gone,
            "error_account_not_found".into(),
        ),
        (
            "empty userInfo with status 0",
            at(&[universal(json!({}), 0)]),
            "error_account_not_found".into(),
        ),
        (
            "empty userInfo, no status: TikTok has not said it is missing",
            at(&[(
                "__UNIVERSAL_DATA_FOR_REHYDRATION__",
                json!({"__DEFAULT_SCOPE__": {
                    "webapp.user-detail": {"userInfo": {}},
                }})
                .to_string(),
            )]),
            "error_profile_unavailable".into(),
        ),
        (
            "SIGI: UserPage 10221, no such user in the map",
            at(&[sigi_state(json!({}), 10221)]),
            "error_account_not_found".into(),
        ),
        (
            "__NEXT_DATA__ era: 10202, og:image still unused",
            next_gone,
            "error_account_not_found".into(),
        ),
        (
            "fetched detail for this handle: 10221",
            fetched_gone,
            "error_account_not_found".into(),
        ),
        (
            "10222: private, the avatar is still public",
            at(&[universal(json!({"user": owner()}), 10222)]),
            own(1080),
        ),
        (
            "10204: not available here",
            at(&[universal(json!({}), 10204)]),
            "error_profile_unavailable".into(),
        ),
        (
            "10231: not available here",
            at(&[sigi_persisted(json!({}), 10231)]),
            "error_profile_unavailable".into(),
        ),
        (
            "10204 under the owner's title: og:image still unused",
            walled_header,
            "error_profile_unavailable".into(),
        ),
        (
            "login wall: no state script at all, only og:image",
            at(&[]),
            "error_profile_unavailable".into(),
        ),
        (
            "challenge page: state without the user-detail scope",
            at(&[(
                "__UNIVERSAL_DATA_FOR_REHYDRATION__",
                json!({"__DEFAULT_SCOPE__": {"webapp.app-context": {}}})
                    .to_string(),
            )]),
            "error_profile_unavailable".into(),
        ),
        (
            "a new era: userInfo holds the user under a key we don't know",
            at(&[universal(json!({"userV2": owner()}), 0)]),
            "error_no_avatar".into(),
        ),
        (
            "SIGI: status 0, empty users map",
            at(&[sigi_state(json!({}), 0)]),
            "error_account_not_found".into(),
        ),
        (
            "broken state script",
            at(&[("__UNIVERSAL_DATA_FOR_REHYDRATION__", "{\"a\":".into())]),
            "error_no_avatar".into(),
        ),
        (
            "not a profile: a video page",
            PageFacts {
                url: "https://www.tiktok.com/@sample.owner/video/1".into(),
                ..at(&[universal(json!({"user": owner()}), 0)])
            },
            "error_not_a_profile".into(),
        ),
    ];
    assert_rows(
        table.iter().map(|(case, facts, want)| {
            (*case, first_or_key(facts), want.clone())
        }),
    );
}

fn script((id, text): (&str, String)) -> avatar_saver::facts::ScriptFact {
    avatar_saver::facts::ScriptFact {
        id: id.to_owned(),
        text,
    }
}

#[test]
fn og_image_is_used_only_for_this_owner_when_nothing_else_is_there() {
    let og = own(720);
    // The owner's user object is here but every avatar link is unusable.
    let broken = json!({"uniqueId": "sample.owner", "avatarLarger": "x"});
    let mut facts =
        page("sample.owner", &[universal(json!({"user": broken}), 0)]);
    facts.og_image = Some(og.clone());
    assert_eq!(first_or_key(&facts), og);

    // With the owner's real pictures there, og:image is not a candidate.
    let mut facts =
        page("sample.owner", &[universal(json!({"user": owner()}), 0)]);
    facts.og_image = Some(avatar(HOST, "own1", "c5_720x720", "webp"));
    let choice = pick(&facts).expect("owner's pictures");
    assert_eq!(urls(&choice), [own(1080), own(720), own(100)]);

    // Nothing ties the page to this owner: no user, no titled header. As
    // on a login wall, og:image is TikTok's, not the owner's.
    let mut facts = page("sample.owner", &[]);
    facts.og_image = Some(og);
    assert_eq!(first_or_key(&facts), "error_profile_unavailable");
}

#[test]
fn the_default_avatar_is_saved_and_flagged() {
    let default = |size: u32| {
        format!(
            "https://p16-sign-va.tiktokcdn.com/musically-maliva-obj/\
             1594805258216454~c5_{size}x{size}.jpeg?x-expires={LATER}"
        )
    };
    let user =
        web_user("sample.owner", &default(1080), &default(720), &default(100));
    let facts = page("sample.owner", &[universal(json!({"user": user}), 0)]);
    let choice = pick(&facts).expect("the default picture is still saved");
    assert_eq!(choice.candidates[0].url, default(1080));
    assert!(choice.is_default_avatar());

    let planned = plan(&facts, &Options::default(), NOW * 1000).expect("plan");
    assert!(planned.default_avatar);
    assert_eq!(planned.downloads[0].url, default(1080));

    let facts = page("sample.owner", &[universal(json!({"user": owner()}), 0)]);
    let planned = plan(&facts, &Options::default(), NOW * 1000).expect("plan");
    assert!(!planned.default_avatar);
}
