//! The JS mirror of the core's names: `extension/protocol.js`.
//!
//! Content scripts cannot load the WebAssembly core (the page's CSP forbids
//! it), yet they must read the same `<script>` ids and DOM places the core
//! expects and send the same message types. Rather than keep a second table
//! by hand, the file is rendered from [`crate::sites`] and the message
//! types, and a test fails when the committed copy differs (run
//! `BLESS=1 cargo test` to rewrite it).

use crate::facts::MAX_FACT_BYTES;
use crate::sites::{dom, DETAIL_API_PATH, STATE_SCRIPTS};

/// The text of `extension/protocol.js`.
pub fn render_js() -> String {
    let ids: Vec<String> = STATE_SCRIPTS
        .iter()
        .map(|s| format!("{:?}", s.id))
        .collect();
    format!(
        "// Generated from crate/src/protocol.rs by `BLESS=1 cargo test`: \
do not edit.\n\
// Names the content script and the worker share with the Rust core.\n\
globalThis.AVATAR_SAVER = Object.freeze({{\n\
\x20 request: Object.freeze({{ inspect: \"inspect\", save: \"save\" }}),\n\
\x20 reply: Object.freeze({{\n\
\x20   inspected: \"inspected\",\n\
\x20   saved: \"saved\",\n\
\x20   failed: \"failed\",\n\
\x20   busy: \"busy\",\n\
\x20 }}),\n\
\x20 trigger: Object.freeze({{ saveShown: \"saveShown\" }}),\n\
\x20 stateScriptIds: Object.freeze([\n\
\x20   {ids},\n\
\x20 ]),\n\
\x20 selectors: Object.freeze({{\n\
\x20   headerAvatar: {avatar:?},\n\
\x20   headerTitle: {title:?},\n\
\x20   ogImage: {og:?},\n\
\x20   anchor: {anchor:?},\n\
\x20 }}),\n\
\x20 detailApiPath: {api:?},\n\
\x20 maxFactBytes: {max},\n\
}});\n",
        ids = ids.join(",\n    "),
        avatar = dom::HEADER_AVATAR,
        title = dom::HEADER_TITLE,
        og = dom::OG_IMAGE,
        anchor = dom::ANCHOR,
        api = DETAIL_API_PATH,
        max = MAX_FACT_BYTES,
    )
}

#[cfg(test)]
mod tests {
    use super::render_js;

    #[test]
    fn protocol_js_is_current() {
        let path =
            concat!(env!("CARGO_MANIFEST_DIR"), "/../extension/protocol.js");
        let want = render_js();
        if std::env::var_os("BLESS").is_some() {
            std::fs::write(path, &want).expect("protocol.js is writable");
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            have == want,
            "extension/protocol.js is stale: BLESS=1 cargo test"
        );
    }
}
