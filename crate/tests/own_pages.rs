//! The core on the hand-made pages in `tests/fixtures/`, read from their
//! HTML as the content script reads the DOM. The browser tests
//! (`tests/e2e/eras.test.mjs`, `traps.test.mjs`) save from the same pages.

mod common;

use common::html::facts_of;
use common::{first_or_key, own_page, pick};

/// The owner's URL (by object id and size) or the error key, per page.
const TABLE: &[(&str, &str, &str)] = &[
    (
        "sigi-state-2022.html",
        "sample.sigi",
        "/5a1c0d9e7b2f4c3a8e6d1f0b9a7c5e3d~c5_1080x1080.jpeg?",
    ),
    (
        "sigi-persisted-2021.html",
        "sample.persisted",
        "/3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f~c5_1080x1080.jpeg?",
    ),
    (
        "lookalike-2025.html",
        "sample.lookalike",
        "https://p16-pu-sign-no.tiktokcdn-eu.com/tos-no1a-avt-0068c001-no/\
         7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a~tplv-tiktokx-cropcenter:720:720.",
    ),
    (
        "not-found-2025.html",
        "sample.gone",
        "error_account_not_found",
    ),
    (
        "default-avatar-2025.html",
        "sample.default",
        "/1594805258216454~tplv-tiktokx-cropcenter:1080:1080.jpeg?",
    ),
];

#[test]
fn each_hand_made_page_gives_its_expected_pick() {
    for (file, handle, want) in TABLE {
        let url = format!("https://www.tiktok.com/@{handle}");
        let facts = facts_of(&own_page(file), &url);
        let got = first_or_key(&facts);
        assert!(got.contains(want), "{file}: got {got}, want {want}");
    }
}

#[test]
fn the_default_avatar_page_is_flagged() {
    let url = "https://www.tiktok.com/@sample.default";
    let facts = facts_of(&own_page("default-avatar-2025.html"), url);
    assert!(pick(&facts).expect("saved anyway").is_default_avatar());
}
