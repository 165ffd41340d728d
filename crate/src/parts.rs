//! A request whose big texts travel beside it rather than inside it.
//!
//! The worker receives the request as a JS object. Writing it out as JSON
//! would escape every quote of the ~250 KB state script, only for the core
//! to unescape them again; so the worker sends the request with each
//! `scripts[].text` and `fetched[].text` emptied, and the texts themselves
//! as a list of strings, in that order. They are copied into the core once
//! and read once.

use crate::error::{Error, Result};
use crate::facts::{MAX_FACT_BYTES, MAX_PIECES};
use crate::message::Request;

/// The most bytes a request and its texts may hold together (the JSON
/// around the facts makes it a little larger than the facts).
pub const MAX_MESSAGE_BYTES: usize = MAX_FACT_BYTES + MAX_FACT_BYTES / 8;

/// Decodes `text`, a request whose pieces' texts are empty, and puts
/// `texts` into them: the scripts' first, then the fetched responses'.
/// Sizes are checked before anything is parsed; a count that does not
/// match, or a text sent both ways, makes the message unreadable.
pub fn decode(text: &str, texts: Vec<String>) -> Result<Request> {
    if texts.len() > 2 * MAX_PIECES {
        return Err(Error::TooLarge("too many pieces"));
    }
    let bytes = text.len() + texts.iter().map(String::len).sum::<usize>();
    if bytes > MAX_MESSAGE_BYTES {
        return Err(Error::TooLarge("message over 9 MB"));
    }
    let mut request = Request::decode(text)?;
    let (Request::Inspect { facts } | Request::Save { facts }) = &mut request;
    let slots = facts.scripts.iter_mut().map(|s| &mut s.text);
    let slots: Vec<_> = slots
        .chain(facts.fetched.iter_mut().map(|f| &mut f.text))
        .collect();
    if slots.len() != texts.len() {
        return Err(bad("the texts do not match the pieces"));
    }
    for (slot, text) in slots.into_iter().zip(texts) {
        if !slot.is_empty() {
            return Err(bad("a text was sent twice"));
        }
        *slot = text;
    }
    request.facts().check_limits()?;
    Ok(request)
}

fn bad(why: &str) -> Error {
    Error::BadMessage(why.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"{"type":"save","facts":{"url":"https://x/@a",
        "scripts":[{"id":"s","text":""}],
        "fetched":[{"url":"f","text":""}]}}"#;

    fn texts(list: &[&str]) -> Vec<String> {
        list.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn puts_the_texts_back_in_order() {
        let request = decode(SMALL, texts(&["{\"a\":1}", "body"])).unwrap();
        assert_eq!(request.facts().scripts[0].text, "{\"a\":1}");
        assert_eq!(request.facts().fetched[0].text, "body");
    }

    #[test]
    fn refuses_counts_that_do_not_match_and_texts_sent_twice() {
        for list in [&[][..], &["a"], &["a", "b", "c"]] {
            let error = decode(SMALL, texts(list)).unwrap_err();
            assert_eq!(error.key(), "error_unreadable_page", "{list:?}");
        }
        let twice = SMALL.replacen(r#""text":"""#, r#""text":"x""#, 1);
        let error = decode(&twice, texts(&["a", "b"])).unwrap_err();
        assert_eq!(error.key(), "error_unreadable_page");
        let unknown = SMALL.replace(r#""id":"s""#, r#""id":"s","x":1"#);
        let error = decode(&unknown, texts(&["a", "b"])).unwrap_err();
        assert_eq!(error.key(), "error_unreadable_page");
    }

    #[test]
    fn checks_sizes_before_parsing() {
        let big = "x".repeat(MAX_MESSAGE_BYTES);
        let error = decode("not even JSON", vec![big]).unwrap_err();
        assert_eq!(error.key(), "error_too_large");
        let many = vec![String::new(); 2 * MAX_PIECES + 1];
        let error = decode("not even JSON", many).unwrap_err();
        assert_eq!(error.key(), "error_too_large");
        let large = "x".repeat(MAX_FACT_BYTES);
        let error = decode(SMALL, texts(&[&large, "b"])).unwrap_err();
        assert_eq!(error.key(), "error_too_large");
    }
}
