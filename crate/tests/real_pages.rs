//! The core on the real saved pages in `../shared/fixtures/real/`, with the
//! facts read from the HTML as the content script reads them from the DOM.
//! The expected picks are the ones the fixtures' README states.

mod common;

use avatar_saver::variant::Format;
use common::html::{facts_of, urls_in};
use common::{pick, real_page, urls};

const PAGE_2025: &str = "profile-2025-eu.html";
const PAGE_2021: &str = "profile-2021-next-data.html";

/// The owner's `avatarLarger` on the Nov 2025 page, after JSON unescaping.
const LARGER_2025: &str = "https://p16-pu-sign-no.tiktokcdn-eu.com/\
tos-no1a-avt-0068c001-no/b5a9de7cb7f554aa15048f2925f65487\
~tplv-tiktokx-cropcenter:1080:1080.jpeg?dr=10399&refresh_token=02720a18\
&x-expires=1765267200&x-signature=tc69d0XimWmLbqH%2F2vOg941kpgE%3D\
&t=4d5b0474&ps=13740610&shp=a5d48078&shcp=81f88b70&idc=no1a";

/// `tiktok`'s `avatarLarger` on the Jan 2021 page.
const LARGER_2021: &str = "https://p16-sign-va.tiktokcdn.com/\
musically-maliva-obj/1645136815763462~c5_1080x1080.jpeg\
?x-expires=1610028000&x-signature=44JuBpJgUlN4dau%2B3eFemKgTrJI%3D";

#[test]
fn the_2025_page_gives_the_owners_1080_jpeg() {
    let html = real_page(PAGE_2025);
    let facts = facts_of(&html, "https://www.tiktok.com/@sample.creator");
    let header = facts.header.as_ref().expect("the page has a header");
    assert_eq!(header.title.as_deref(), Some("sample.creator"));
    assert_eq!(header.src.as_deref(), Some(LARGER_2025), "&amp; decoded");

    let choice = pick(&facts).expect("the owner's avatar is on the page");
    let best = &choice.candidates[0];
    assert_eq!(best.url, LARGER_2025);
    assert_eq!(best.size, Some((1080, 1080)));
    assert_eq!(best.format, Format::Jpeg);
    assert!(best
        .url
        .starts_with("https://p16-pu-sign-no.tiktokcdn-eu.com/"));
    assert!(!best.expired, "Dec 2025 is after the fixed now");
    assert_eq!(choice.handle, "sample.creator");
    assert_eq!(choice.user_id.as_deref(), Some("7000000000000000001"));
    assert!(!choice.is_default_avatar());
}

#[test]
fn the_2025_page_never_offers_a_suggested_account() {
    let html = real_page(PAGE_2025);
    let facts = facts_of(&html, "https://www.tiktok.com/@sample.creator");
    let choice = pick(&facts).expect("the owner's avatar is on the page");
    let owner = "b5a9de7cb7f554aa15048f2925f65487";

    // Every avatar URL on the page that is not the owner's object: the 20
    // suggested accounts (and anyone else the page shows).
    let others: Vec<String> = urls_in(&html)
        .into_iter()
        .filter(|u| u.contains("-avt-") && !u.contains(owner))
        .collect();
    assert!(
        others.len() >= 20,
        "the trap is in the page: {}",
        others.len()
    );
    for url in urls(&choice) {
        assert!(url.contains(owner), "not the owner's: {url}");
        assert!(!others.iter().any(|o| o == url));
    }
    // The three sizes of the owner, largest first; og:image (the 720)
    // adds nothing new.
    let sizes: Vec<_> = choice.candidates.iter().map(|c| c.size).collect();
    assert_eq!(
        sizes,
        [Some((1080, 1080)), Some((720, 720)), Some((100, 100))]
    );
}

#[test]
fn the_2025_page_at_another_handle_gives_nothing_of_this_owner() {
    // The same document with the address bar at another profile (as after
    // in-app navigation): the state, header and og:image all describe
    // sample.creator, so none of it may be saved as @someone.else's.
    let html = real_page(PAGE_2025);
    let mut facts = facts_of(&html, "https://www.tiktok.com/@sample.creator");
    facts.url = "https://www.tiktok.com/@someone.else".to_owned();
    let error = pick(&facts).expect_err("nothing here is @someone.else's");
    assert_eq!(error.key(), "error_no_avatar");
}

#[test]
fn the_2021_page_gives_tiktoks_1080_and_never_the_viewers() {
    let html = real_page(PAGE_2021);
    let facts = facts_of(&html, "https://www.tiktok.com/@tiktok");
    assert!(facts.header.is_none(), "the page holds only its scripts");

    let choice = pick(&facts).expect("tiktok's avatar is on the page");
    let best = &choice.candidates[0];
    assert_eq!(best.url, LARGER_2021);
    assert_eq!(best.size, Some((1080, 1080)));
    assert_eq!(best.format, Format::Jpeg);
    assert!(best.expired, "Jan 2021 is before the fixed now");
    assert_eq!(choice.handle, "tiktok");

    // The viewer's 720 URLs (webp and jpeg) sit in the same script, twice.
    let viewer = "1681fd33028697e2dc78e6c15dbd66af";
    let in_page = urls_in(&html);
    assert!(in_page.iter().filter(|u| u.contains(viewer)).count() >= 2);
    for url in urls(&choice) {
        assert!(!url.contains(viewer), "the viewer's avatar: {url}");
        assert!(url.contains("1645136815763462"), "not tiktok's: {url}");
    }
}

#[test]
fn the_2021_page_at_the_viewers_profile_never_uses_initial_props() {
    // On the viewer's own address the page's data still describes
    // `tiktok`; `props.initialProps.$user` is not the profile's owner.
    let html = real_page(PAGE_2021);
    let facts = facts_of(&html, "https://www.tiktok.com/@sample.viewer");
    let error = pick(&facts).expect_err("no data about sample.viewer");
    assert_eq!(error.key(), "error_no_avatar");
}
