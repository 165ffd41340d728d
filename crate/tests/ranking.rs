//! How the core orders the owner's pictures: by the size each URL spells
//! (in every spelling TikTok has used), by the field name when the URL
//! says nothing, JPEG before WebP at one size, expired links last.

mod common;

use avatar_saver::choose::choose;
use avatar_saver::variant::Format;
use common::*;
use serde_json::json;

const HOST: &str = "p16-sign-va.tiktokcdn.com";

/// A page whose owner has exactly these avatar fields.
fn owner_with(fields: serde_json::Value) -> avatar_saver::facts::PageFacts {
    let mut user = json!({"uniqueId": "sample.owner"});
    for (key, value) in fields.as_object().expect("an object of fields") {
        user[key] = value.clone();
    }
    page("sample.owner", &[universal(json!({ "user": user }), 0)])
}

#[test]
fn reads_the_size_in_every_spelling() {
    // Each URL is the larger of two, but sits in the smaller field, so
    // only reading the URL's own spelling puts it first.
    let aweme = |size: &str| {
        format!(
            "https://{HOST}/aweme/{size}/tos-alisg-avt-0068/own1.jpeg\
             ?x-expires={LATER}"
        )
    };
    let table = [
        ("c5", avatar(HOST, "own1", "c5_1080x1080", "jpeg")),
        (
            "cropcenter",
            avatar(HOST, "own1", "tplv-tiktokx-cropcenter:1080:1080", "jpeg"),
        ),
        (
            "shrink",
            avatar(HOST, "own1", "tplv-tiktok-shrink:1080:1080", "jpeg"),
        ),
        ("aweme", aweme("1080x1080")),
    ];
    for (spelling, big) in table {
        let small = avatar(HOST, "own1", "tplv-tiktok-shrink:72:72", "jpeg");
        let facts = owner_with(json!({
            "avatarLarger": small,
            "avatarThumb": big,
        }));
        let choice = pick(&facts).expect(spelling);
        assert_eq!(urls(&choice), [big.as_str(), small.as_str()], "{spelling}");
        assert_eq!(choice.candidates[0].size, Some((1080, 1080)));
        assert_eq!(choice.candidates[1].size, Some((72, 72)), "{spelling}");
    }
}

#[test]
fn falls_back_to_the_field_name_when_the_url_says_nothing() {
    // `~tplv-tiktokx-noop.image` and a bare id spell no size.
    let plain = |id: &str| avatar(HOST, id, "tplv-tiktokx-noop", "image");
    let table = [
        ("avatarLarger", 1080),
        ("avatarMedium", 720),
        ("avatarThumb", 100),
    ];
    let mut fields = json!({});
    for (name, _) in table {
        fields[name] = json!(plain(name));
    }
    let choice = pick(&owner_with(fields)).expect("three fields");
    let got: Vec<_> = choice.candidates.iter().map(|c| c.size).collect();
    let want: Vec<_> = table.iter().map(|(_, n)| Some((*n, *n))).collect();
    assert_eq!(got, want);

    let list = |name: &str| json!({"url_list": [plain(name)], "width": 1});
    let app = json!({
        "avatar_168x168": list("a168"),
        "avatar_300x300": list("a300"),
        "avatar_thumb": list("a100"),
        "avatar_larger": list("a1080"),
    });
    let choice = pick(&owner_with(app)).expect("app fields");
    let got: Vec<_> = choice.candidates.iter().map(|c| c.size).collect();
    let want = [1080, 300, 168, 100].map(|n| Some((n, n)));
    assert_eq!(got, want);
}

#[test]
fn takes_jpeg_before_webp_at_one_size_unless_told_otherwise() {
    let webp = avatar(HOST, "own1", "c5_720x720", "webp");
    let jpeg = avatar(HOST, "own1", "c5_720x720", "jpeg");
    // WebP comes first in the page, as in the app API's url_list.
    let facts = owner_with(json!({
        "avatar_medium": {"url_list": [webp, jpeg]},
    }));
    let choice = pick(&facts).expect("two formats");
    assert_eq!(urls(&choice), [jpeg.as_str(), webp.as_str()]);

    let choice = choose(&facts, NOW, Format::Webp).expect("two formats");
    assert_eq!(urls(&choice), [webp.as_str(), jpeg.as_str()]);
}

#[test]
fn a_larger_webp_still_beats_a_smaller_jpeg() {
    let webp = avatar(HOST, "own1", "c5_1080x1080", "webp");
    let jpeg = avatar(HOST, "own1", "c5_720x720", "jpeg");
    let facts = owner_with(json!({"avatarMedium": jpeg, "avatarLarger": webp}));
    assert_eq!(first_or_key(&facts), webp);
}

#[test]
fn an_expired_link_is_a_last_resort_but_still_used() {
    let stale = avatar_until(HOST, "own1", "c5_1080x1080", "jpeg", NOW - 1);
    let fresh = avatar_until(HOST, "own1", "c5_720x720", "jpeg", NOW + 1);
    let facts =
        owner_with(json!({"avatarLarger": stale, "avatarMedium": fresh}));
    let choice = pick(&facts).expect("two links");
    assert_eq!(urls(&choice), [fresh.as_str(), stale.as_str()]);
    assert!(choice.candidates[1].expired);

    // Alone, the expired link is still tried: the download tells.
    let facts = owner_with(json!({"avatarLarger": stale}));
    let choice = pick(&facts).expect("an expired link is still a link");
    assert_eq!(urls(&choice), [stale.as_str()]);
    // "now" is a parameter: the same link is fresh a second earlier.
    let choice = choose(&facts, NOW - 2, Format::Jpeg).expect("fresh");
    assert!(!choice.candidates[0].expired);
}

#[test]
fn keeps_urls_byte_for_byte() {
    // Percent escapes, `&`, `=` and `:` stay exactly as the page wrote
    // them: the CDN signs the query, and a rewrite is a 403.
    let raw = format!(
        "https://{HOST}/tos-maliva-avt-0068/own1~tplv-tiktokx-cropcenter:\
         1080:1080.jpeg?dr=10399&x-expires={LATER}&x-signature=\
         tc69d0XimWmLbqH%2F2vOg941kpgE%3D&idc=no1a"
    );
    let facts = owner_with(json!({ "avatarLarger": raw }));
    assert_eq!(first_or_key(&facts), raw);
    // Written with `\u002F`, `\u0026` in the script, the same URL comes out.
    let data = json!({"__DEFAULT_SCOPE__": {"webapp.user-detail": {
        "userInfo": {"user": {"uniqueId": "sample.owner", "avatarLarger": raw}},
        "statusCode": 0}}});
    let text = escape_slashes(&data).replace('&', "\\u0026");
    let facts = page(
        "sample.owner",
        &[("__UNIVERSAL_DATA_FOR_REHYDRATION__", text)],
    );
    assert_eq!(first_or_key(&facts), raw);
}
