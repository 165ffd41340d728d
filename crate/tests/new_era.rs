//! What the core does with a page shape it has never seen: it falls back
//! to the header, then gives a reason with reload advice: that it could
//! not find the picture when a known script holds something it cannot
//! read, or, when nothing it knows is on the page, that the profile is not
//! available on this page (it cannot tell that from a login wall). It
//! never guesses from `og:image` or from unknown JSON, and never says an
//! account is missing without TikTok saying so.

mod common;

use avatar_saver::facts::ScriptFact;
use common::*;
use serde_json::json;

const HOST: &str = "p16-sign-va.tiktokcdn.com";

#[test]
fn an_unknown_page_shape_falls_back_to_the_header_then_to_a_reason() {
    let big = avatar(HOST, "own1", "tplv-tiktokx-cropcenter:1080:1080", "jpeg");
    let unspelled = avatar(HOST, "own1", "tplv-tiktokx-new-style", "avif");
    let og = avatar(HOST, "own1", "c5_720x720", "jpeg");
    // A renamed state script, and a known one whose user moved.
    let renamed = ScriptFact {
        id: "__NEW_STATE__".into(),
        text:
            json!({"user": {"uniqueId": "sample.owner", "avatarLarger": big}})
                .to_string(),
    };
    let moved = universal(json!({"profile": {"uniqueId": "sample.owner"}}), 0);

    let mut rows = Vec::new();
    for (era, with_state) in [("renamed script", false), ("moved user", true)] {
        let mut facts = page("sample.owner", &[]);
        facts.scripts.push(renamed.clone());
        if with_state {
            facts.scripts.push(ScriptFact {
                id: moved.0.into(),
                text: moved.1.clone(),
            });
        }
        facts.og_image = Some(og.clone());

        facts.header = Some(header(Some(&big), None, "@sample.owner"));
        rows.push((era, "header", first_or_key(&facts), big.clone()));

        facts.header = Some(header(Some(&unspelled), None, "sample.owner"));
        let choice = pick(&facts).expect("an unspelled size is still saved");
        assert_eq!(choice.candidates[0].size, None, "{era}");
        rows.push((
            era,
            "unsized",
            choice.candidates[0].url.clone(),
            unspelled.clone(),
        ));

        facts.header = None;
        let reason = if with_state {
            "error_no_avatar"
        } else {
            "error_profile_unavailable"
        };
        rows.push((era, "no header", first_or_key(&facts), reason.into()));
    }
    let rows: Vec<_> = rows
        .into_iter()
        .map(|(era, case, got, want)| (format!("{era}, {case}"), got, want))
        .collect();
    assert_rows(
        rows.iter()
            .map(|(n, g, w)| (n.as_str(), g.clone(), w.clone())),
    );
}
