//! Every reason the core or the extension gives reaches the person as a
//! sentence: each error key of the core and each message key the scripts
//! name exists in every `_locales/*/messages.json`, says something, and
//! fills every placeholder it uses.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use avatar_saver::Error;
use serde_json::Value;

/// Every error of the core. The match has no catch-all arm, so a new
/// variant does not compile until it is listed here, and so tested.
fn every_error() -> Vec<Error> {
    let all = vec![
        Error::NotAProfile,
        Error::AccountNotFound,
        Error::ProfileUnavailable,
        Error::NoAvatar,
        Error::TooLarge("x"),
        Error::BadMessage("x".into()),
        Error::BadPattern("x"),
    ];
    for error in &all {
        match error {
            Error::NotAProfile
            | Error::AccountNotFound
            | Error::ProfileUnavailable
            | Error::NoAvatar
            | Error::TooLarge(_)
            | Error::BadMessage(_)
            | Error::BadPattern(_) => {}
        }
    }
    all
}

fn extension_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../extension")
}

/// `(language, messages)` for each folder in `_locales`.
fn locales() -> Vec<(String, Value)> {
    let dir = extension_dir().join("_locales");
    let mut out = Vec::new();
    for entry in fs::read_dir(&dir).expect("_locales exists") {
        let path = entry.expect("readable").path();
        let file = path.join("messages.json");
        let Ok(text) = fs::read_to_string(&file) else {
            continue;
        };
        let messages = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let lang = path.file_name().expect("a name").to_string_lossy();
        out.push((lang.into_owned(), messages));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Message keys the extension's scripts name in quotes.
fn keys_in_scripts() -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    let mut dirs = vec![extension_dir()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).expect("readable dir") {
            let path = entry.expect("readable").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "js") {
                let text = fs::read_to_string(&path).expect("readable js");
                for quoted in text.split(['\'', '"']) {
                    let is_key = ["error_", "status_", "button_"]
                        .iter()
                        .any(|p| quoted.starts_with(p))
                        && !quoted.ends_with('_')
                        && quoted
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b == b'_');
                    if is_key {
                        keys.insert(quoted.to_owned());
                    }
                }
            }
        }
    }
    keys
}

/// What is wrong with one message, if anything.
fn fault(messages: &Value, key: &str) -> Option<String> {
    let Some(entry) = messages.get(key) else {
        return Some("missing".into());
    };
    let text = entry.get("message").and_then(Value::as_str).unwrap_or("");
    // A reason is a sentence; progress ("Saving…") may be one word.
    let words = text.split_whitespace().count();
    if key.starts_with("error_") && words < 3 || text.contains(key) {
        return Some(format!("not a sentence: {text:?}"));
    }
    if !text.starts_with(|c: char| c.is_uppercase() || c == '¿' || c == '¡') {
        return Some(format!("does not start a sentence: {text:?}"));
    }
    // Every $NAME$ must be declared, or Chrome shows it literally.
    let mut parts = text.split('$').skip(1).step_by(2);
    let declared = entry.get("placeholders");
    if let Some(name) = parts.find(|name| {
        declared
            .and_then(|p| p.get(name.to_ascii_lowercase()))
            .is_none()
    }) {
        return Some(format!("undeclared placeholder ${name}$"));
    }
    None
}

#[test]
fn every_reason_is_a_sentence_in_every_language() {
    let locales = locales();
    assert!(
        locales.iter().any(|(lang, _)| lang == "en"),
        "the default locale is en"
    );
    let mut keys: BTreeSet<String> =
        every_error().iter().map(|e| e.key().to_owned()).collect();
    let from_scripts = keys_in_scripts();
    assert!(
        from_scripts.contains("error_link_expired"),
        "the script scan finds the worker's keys"
    );
    keys.extend(from_scripts);

    let mut faults = Vec::new();
    for (lang, messages) in &locales {
        for key in &keys {
            if let Some(why) = fault(messages, key) {
                faults.push(format!("{lang}/{key}: {why}"));
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn reasons_that_a_reload_can_fix_say_so() {
    // English only: the sentence must tell the person what to do next.
    let locales = locales();
    let (_, en) = locales
        .iter()
        .find(|(lang, _)| lang == "en")
        .expect("en exists");
    for error in [Error::ProfileUnavailable, Error::NoAvatar] {
        let text = en[error.key()]["message"].as_str().unwrap_or("");
        assert!(text.contains("Reload"), "{}: {text}", error.key());
    }
}
