//! The core's side of the hostile page table, natively: hostile avatar
//! URLs, forged fetched responses, and page data past the limits.

use avatar_saver::handle;
use serde_json::json;

const URL: &str = "https://www.tiktok.com/@sample.creator";
const NOW_MS: u64 = 1_764_000_000_000;
const GOOD: &str = "https://p16-sign-va.tiktokcdn.com/o/7e1f~c5_720x720.jpeg";

/// The URLs a save request would download, or the error's key.
fn downloads(facts: serde_json::Value) -> Result<Vec<String>, &'static str> {
    let request = json!({ "type": "save", "facts": facts }).to_string();
    let (_, plan) = handle(&request, "{}", NOW_MS).map_err(|e| e.key())?;
    Ok(plan.downloads.into_iter().map(|d| d.url).collect())
}

/// Page state with the owner's avatarMedium genuine and avatarLarger `url`.
fn state(url: &str) -> serde_json::Value {
    let user = json!({
        "uniqueId": "sample.creator",
        "avatarLarger": url,
        "avatarMedium": GOOD,
    });
    let text = json!({ "__DEFAULT_SCOPE__": { "webapp.user-detail": {
        "userInfo": { "user": user }, "statusCode": 0 } } });
    json!([{ "id": "__UNIVERSAL_DATA_FOR_REHYDRATION__",
        "text": text.to_string() }])
}

#[test]
fn hostile_avatar_urls_leave_only_the_genuine_one() {
    for url in [
        "javascript:alert(1)//p16.tiktokcdn.com/a~c5_1080x1080.jpeg",
        "data:image/jpeg;base64,/9j/4AAQ",
        "file:///etc/passwd",
        "http://p16-sign-va.tiktokcdn.com/o/a~c5_1080x1080.jpeg",
        "blob:https://www.tiktok.com/0b7d5e8e",
        "https://p16-sign-va.tiktokcdn.com.evil.example/o/a~c5_1080x1080.jpeg",
        "https://127.0.0.1:8443/o/a~c5_1080x1080.jpeg",
        "https://user:pw@p16-sign-va.tiktokcdn.com/o/a~c5_1080x1080.jpeg",
    ] {
        let facts = json!({ "url": URL, "scripts": state(url),
            "header": { "src": url, "title": "sample.creator" },
            "ogImage": url });
        assert_eq!(downloads(facts), Ok(vec![GOOD.to_owned()]), "{url}");
    }
}

#[test]
fn forged_fetched_responses_cannot_pick_another_host_or_user() {
    let detail = "https://www.tiktok.com/api/user/detail/?uniqueId=";
    let forged = |handle: &str, avatar: &str| {
        let body = json!({ "userInfo": { "user": {
            "uniqueId": handle, "avatarLarger": avatar } }, "statusCode": 0 });
        json!({ "url": format!("{detail}{handle}"), "text": body.to_string() })
    };
    let facts = json!({
        "url": URL,
        "scripts": state(GOOD),
        "fetched": [
            forged("sample.creator",
                "https://p16.tiktokcdn.com.evil.example/x~c5_2000x2000.jpeg"),
            forged("someone.else",
                "https://p16-sign-va.tiktokcdn.com/o/other~c5_2000x2000.jpeg"),
        ],
    });
    assert_eq!(downloads(facts), Ok(vec![GOOD.to_owned()]));
}

#[test]
fn refuses_more_than_the_limits_with_a_message() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let facts = json!({ "url": URL, "scripts": [{
        "id": "__UNIVERSAL_DATA_FOR_REHYDRATION__", "text": deep }] });
    assert_eq!(downloads(facts), Err("error_too_large"));

    let srcset: Vec<String> = (0..100)
        .map(|i| format!("https://p16.tiktokcdn.com/o/{i}~c5_720x720.jpeg 1x"))
        .collect();
    let facts = json!({ "url": URL, "header": {
        "title": "sample.creator", "srcset": srcset.join(", ") } });
    assert_eq!(downloads(facts), Err("error_too_large"));
}
