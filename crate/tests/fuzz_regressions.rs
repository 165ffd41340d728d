//! Inputs the fuzzers (`fuzz/`, `./build.sh fuzz`) found to break a
//! promise, kept so that they stay fixed.

use avatar_saver::naming::{file_path, fill, Tokens, MAX_NAME_BYTES};

/// Every component of `path` within the byte limit.
fn assert_within_limit(path: &str) {
    for part in path.split('/') {
        assert!(
            part.len() <= MAX_NAME_BYTES,
            "{} bytes: {part:?}",
            part.len()
        );
    }
}

/// A reserved Windows name at the very limit: the `_` that defuses it
/// pushed the name one byte past [`MAX_NAME_BYTES`].
#[test]
fn a_reserved_name_at_the_limit_stays_within_it() {
    for stem in ["CON.", "nul.", "LPT1."] {
        let base = format!("{stem}{}", "a".repeat(300));
        let path = file_path("", &base, "jpeg");
        assert_within_limit(&path);
        assert!(path.starts_with('_'), "{path}");
        assert!(path.ends_with(".jpeg"), "{path}");
    }
}

/// The naming fuzzer's input, as it found the case above (Dec 2026,
/// artifact crash-a4fd0a2d, after 2.1 million runs).
#[test]
fn naming_crash_a4fd0a2d() {
    let tokens = Tokens {
        handle: HANDLE,
        nickname: NICKNAME,
        id: ID,
        size: "1080x1080",
        avatar_id: "",
        date: "2026-12-03",
    };
    let base = fill(PATTERN, &tokens).expect("the pattern is valid");
    assert_within_limit(&file_path(SUBFOLDER, &base, "json"));
}

const PATTERN: &str = concat!(
    "CON..z\u{13}zz\u{f}X\0\0\0\"~c. \u{4}\0\0\0\0.\u{e0440}\u{14}",
    "\u{4}Oc..\u{e0440}\u{14} \u{4}c\u{4}.O\0\0\0\0.\u{e0466}\u{14}",
    "\u{4}Oc/.\u{4}\0\0\0/\0.\u{e0440}\u{14}\u{4}{nickname}Oc. \u{4}",
    "\0\0\0\0.\u{e0440}\u{14}\u{4}Oc..\u{e0440}\u{14}\r\0\0\0\0\0\0\0",
    " \u{4}c\u{4}.O\0\0\0\0.\u{e0466}\u{14}\u{4}ﻀOc..O \u{4}\0\0\0",
    "\0.\u{e0440}\u{14}\u{4}{nickname}Oc. ..O \u{4}\0\0\0\0.",
);
const SUBFOLDER: &str = concat!(
    "\u{e0440}\u{14}\u{4}{nickname}Oc. \u{4}\0\0\0\0\0\0.\u{e0440}",
    "\u{14}\u{4}{nincmkae}Oc",
);
const HANDLE: &str = concat!(
    ". \u{4}\0\0\0\0.\u{e0440}\u{14}\u{4}Oc..\u{e0440}\u{14} .O \u{4}",
    "\0\0\0\0.\u{e0440}\u{14}\u{4}{nickname}Oc. ..O \u{4}\0\0\0\0.",
    "\u{e0440}\u{14}\u{4}{nickname}Oc. \u{4}\0\0\0\0\0\0.\u{e0440}",
    "\u{14}\u{4}{nincmkae}Oc. \u{4}\0\0\0\0.\u{e0440}\u{14}\u{4}Oc..",
    "\u{e0440}\u{14} \u{4}c\u{4}.name}",
);
const NICKNAME: &str = concat!(
    "Oc. \u{4}\0\0\0\0.\u{e0440}\u{14}\u{4}Tc..\u{e0440}\u{14} \u{4}c",
    "\u{4}.O\0\0\0\0.\u{e0466}\u{14}\u{4}Oc..O \u{4}\0\0\0\0.",
    "\u{e0440}\u{14}\u{4}{nickname}Oc. ..O \u{4}\0\0\0\0.\u{e0440}",
    "\u{14}nulickname}Oc. \u{4}\01JP\0\0\0\0\0.\u{e0440}\u{14}\u{4}{n",
    "incmkae}Oc. \u{4}\0\0O\0\0\0\0.\u{e0466}\u{14}\u{4}\0\0\0\0\0\0",
    "\0\u{8}\0\0\0.\u{e0440}\0\0.\u{e0440}\u{14}\u{4}{nincmkae}Oc. ",
    "\u{4}\0\0O\0\0",
);
const ID: &str = concat!(
    "\0\0.\u{e0466}\u{14}\u{4}Oc..O \u{4}\0\0\0\0.\u{e0440}\u{14}",
    "\u{4}{nickname}Oc. ..O .",
);
