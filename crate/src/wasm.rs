//! The WebAssembly boundary: strings in, strings out, errors as real JS
//! `Error`s whose `name` is the `_locales` key of the sentence to show.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::Error;
use crate::message::Request;
use crate::naming::{file_path, fill, Tokens};
use crate::options::Options;
use crate::parts::MAX_MESSAGE_BYTES;
use crate::plan::Plan;

impl From<Error> for JsValue {
    fn from(error: Error) -> JsValue {
        let js = js_sys::Error::new(&error.to_string());
        js.set_name(error.key());
        js.into()
    }
}

/// Reports panics in the worker console instead of an opaque trap.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Plans a request from a content script, sent as JSON with the texts of
/// its scripts and fetched responses emptied and passed in `texts` as
/// UTF-8 (see `parts.rs`). Returns the JSON text of
/// `{ "request": "inspect" | "save", "plan": Plan }`.
///
/// The texts come as bytes, encoded by the worker with `encodeInto`: as
/// JS strings, wasm-bindgen's glue would copy each one a character at a
/// time while it is ASCII, a third of the decision's time on TikTok's
/// 250 KB state (measured Dec 2026).
#[wasm_bindgen]
pub fn plan(
    request: &str,
    texts: Vec<js_sys::Uint8Array>,
    options: &str,
    now_ms: f64,
) -> Result<String, JsValue> {
    let texts = strings_of(&texts)?;
    let (request, plan) =
        crate::handle_parts(request, texts, options, now_ms as u64)?;
    let request = match request {
        Request::Inspect { .. } => "inspect",
        Request::Save { .. } => "save",
    };
    let reply = Reply {
        request,
        plan: &plan,
    };
    // Strings, numbers and booleans always serialise.
    Ok(serde_json::to_string(&reply).unwrap_or_default())
}

/// The texts as strings, refused before any copy when they hold more
/// than a request may.
fn strings_of(texts: &[js_sys::Uint8Array]) -> Result<Vec<String>, Error> {
    let bytes: u64 = texts.iter().map(|t| u64::from(t.length())).sum();
    if bytes > MAX_MESSAGE_BYTES as u64 {
        return Err(Error::TooLarge("message over 9 MB"));
    }
    texts
        .iter()
        .map(|text| {
            String::from_utf8(text.to_vec())
                .map_err(|_| Error::BadMessage("a text is not UTF-8".into()))
        })
        .collect()
}

/// What [`plan`] answers.
#[derive(Serialize)]
struct Reply<'a> {
    request: &'static str,
    plan: &'a Plan,
}

/// The file name the options would give a sample picture, for the options
/// page to show as the person types. A pattern that cannot make a name
/// throws an `Error` whose `name` is the `_locales` key that says why and
/// whose `message` is the part at fault (an unknown token's word).
#[wasm_bindgen(js_name = exampleName)]
pub fn example_name(options: &str, date: &str) -> Result<String, JsValue> {
    let options = Options::decode(options)?;
    let tokens = Tokens {
        handle: "sample.creator",
        nickname: "Sample Creator",
        id: "7000000000000000001",
        size: "1080x1080",
        avatar_id: "b5a9de7c",
        date,
    };
    let base = fill(&options.pattern, &tokens).map_err(|error| {
        let js = js_sys::Error::new(error.detail());
        js.set_name(error.key());
        JsValue::from(js)
    })?;
    Ok(file_path(&options.subfolder, &base, "jpeg"))
}

/// The options a person has before choosing any, as JSON, so that the
/// options page shows the same defaults the core uses.
#[wasm_bindgen(js_name = defaultOptions)]
pub fn default_options() -> String {
    // Strings and booleans always serialise.
    serde_json::to_string(&Options::default()).unwrap_or_default()
}
