//! The fuzz targets' oracle for a download path: written from Chromium's
//! rules for `downloads.download` file names and from Windows' reserved
//! names, not from `naming.rs`, so that the two can disagree.

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// The longest file or folder name in UTF-8 bytes.
const MAX_NAME_BYTES: usize = 200;
/// Folders inside Downloads, plus the file itself.
const MAX_COMPONENTS: usize = 5;

/// Panics, naming the rule, unless `path` is safe to hand to
/// `chrome.downloads.download` and ends in `.ext`.
pub fn assert_safe_path(path: &str, ext: &str) {
    assert!(
        path.ends_with(&format!(".{ext}")),
        "{path:?} lost its .{ext}"
    );
    let parts: Vec<&str> = path.split('/').collect();
    assert!(parts.len() <= MAX_COMPONENTS, "{path:?} is too deep");
    for part in parts {
        assert_safe_component(part, path);
    }
}

/// Panics unless `part` is one safe, non-empty path component.
pub fn assert_safe_component(part: &str, path: &str) {
    assert!(!part.is_empty(), "{path:?} has an empty component");
    assert!(part != "." && part != "..", "{path:?} climbs out");
    assert!(
        part.len() <= MAX_NAME_BYTES,
        "{path:?}: component of {} bytes",
        part.len()
    );
    if let Some(c) = part.chars().find(|c| forbidden(*c)) {
        panic!("{path:?} holds {c:?} (U+{:04X})", c as u32);
    }
    // Chromium trims dots and spaces at both ends and then refuses a name
    // that changed; Windows drops them at the end.
    for end in [part.chars().next(), part.chars().last()]
        .into_iter()
        .flatten()
    {
        assert!(
            end != '.' && !end.is_whitespace(),
            "{path:?}: {part:?} starts or ends with {end:?}"
        );
    }
    assert!(!reserved_on_windows(part), "{path:?}: {part:?} is reserved");
}

/// Characters Chromium refuses anywhere in a file name: controls, format
/// characters, noncharacters and `" ~ * / : < > ? \ |`.
fn forbidden(c: char) -> bool {
    let code = c as u32;
    c.is_control()
        || c.general_category() == GeneralCategory::Format
        || (0xFDD0..=0xFDEF).contains(&code)
        || code & 0xFFFE == 0xFFFE
        || "\"~*/:<>?\\|".contains(c)
}

/// Windows device names, whatever follows the first dot.
fn reserved_on_windows(part: &str) -> bool {
    let stem = part.split('.').next().unwrap_or(part).trim_end();
    let upper = stem.to_ascii_uppercase();
    if ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"].contains(&&*upper) {
        return true;
    }
    ["COM", "LPT"].iter().any(|device| {
        upper.strip_prefix(device).is_some_and(|n| {
            matches!(n, "¹" | "²" | "³")
                || n.len() == 1 && n.as_bytes()[0].is_ascii_digit()
        })
    })
}
