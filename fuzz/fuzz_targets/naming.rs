//! File naming: any pattern, folder and token values the options page or
//! a hostile page can supply must give a path that is safe everywhere, or
//! an error the person is shown. Never a panic.

#![no_main]

use avatar_saver::naming::{file_path, fill, safe_component, Tokens};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;

mod safe_path;
use safe_path::{assert_safe_component, assert_safe_path};

/// The extensions the core ever asks for.
const EXTENSIONS: &[&str] = &["jpeg", "png", "webp", "heic", "avif", "gif"];

#[derive(Debug, Arbitrary)]
struct Input<'a> {
    pattern: &'a str,
    subfolder: &'a str,
    handle: &'a str,
    nickname: &'a str,
    id: &'a str,
    avatar_id: &'a str,
    extension: u8,
    metadata: bool,
}

fuzz_target!(|input: Input| {
    let tokens = Tokens {
        handle: input.handle,
        nickname: input.nickname,
        id: input.id,
        size: "1080x1080",
        avatar_id: input.avatar_id,
        date: "2026-12-03",
    };
    let one = safe_component(input.handle, 200);
    if !one.is_empty() {
        assert_safe_component(&one, &one);
    }
    let Ok(base) = fill(input.pattern, &tokens) else {
        return;
    };
    let ext = if input.metadata {
        "json"
    } else {
        EXTENSIONS[usize::from(input.extension) % EXTENSIONS.len()]
    };
    let path = file_path(input.subfolder, &base, ext);
    assert_safe_path(&path, ext);
});
