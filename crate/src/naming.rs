//! File names: the person's pattern filled in, then made safe everywhere.
//!
//! A name must work on Windows, macOS and Linux and pass Chromium's own
//! check of `downloads.download` file names, which refuses control and
//! format characters (bidirectional overrides, zero-width joiners), the
//! characters `" ~ * / : < > ? \ |`, and names ending in a dot, a tilde or a
//! space. Letters of every script are kept.

use crate::error::{Error, Result};

/// The longest file name in UTF-8 bytes, extension included.
pub const MAX_NAME_BYTES: usize = 200;
/// The longest pattern accepted.
const MAX_PATTERN_LEN: usize = 200;
/// The most folder levels inside Downloads.
const MAX_FOLDER_DEPTH: usize = 4;

/// The values a pattern's tokens stand for.
#[derive(Debug, Clone, Default)]
pub struct Tokens<'a> {
    /// `{handle}`.
    pub handle: &'a str,
    /// `{nickname}`.
    pub nickname: &'a str,
    /// `{id}`, the numeric user id.
    pub id: &'a str,
    /// `{size}`, as `1080x1080`.
    pub size: &'a str,
    /// `{avatar_id}`, the first 8 characters of the picture's object id.
    pub avatar_id: &'a str,
    /// `{date}`, the UTC date of saving, `YYYY-MM-DD`.
    pub date: &'a str,
}

/// The token names a pattern may use.
pub const TOKEN_NAMES: &[&str] =
    &["handle", "nickname", "id", "size", "avatar_id", "date"];

/// Fills in `pattern`, or says why it cannot be used.
pub fn fill(pattern: &str, tokens: &Tokens) -> Result<String> {
    if pattern.trim().is_empty() {
        return Err(Error::BadPattern("the pattern is empty"));
    }
    if pattern.chars().count() > MAX_PATTERN_LEN {
        return Err(Error::BadPattern("the pattern is too long"));
    }
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(open) = rest.find(['{', '}']) {
        out.push_str(&rest[..open]);
        if rest[open..].starts_with('}') {
            return Err(Error::BadPattern("a } without {"));
        }
        let after = &rest[open + 1..];
        let close =
            after.find('}').ok_or(Error::BadPattern("a { without }"))?;
        out.push_str(match &after[..close] {
            "handle" => tokens.handle,
            "nickname" => tokens.nickname,
            "id" => tokens.id,
            "size" => tokens.size,
            "avatar_id" => tokens.avatar_id,
            "date" => tokens.date,
            _ => return Err(Error::BadPattern("an unknown {token}")),
        });
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Makes one path component safe, keeping at most `max_bytes` of UTF-8.
pub fn safe_component(name: &str, max_bytes: usize) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if is_invisible(c) {
            continue;
        }
        let unsafe_char = c.is_control()
            || c.is_whitespace() && c != ' '
            || matches!(c, '"' | '~' | '*' | '/' | ':' | '<' | '>' | '?')
            || matches!(c, '\\' | '|');
        out.push(if unsafe_char { '_' } else { c });
    }
    let mut out = cut(&out, max_bytes).trim_matches([' ', '.']).to_owned();
    if is_reserved_on_windows(&out) {
        // The mark may push a name at the limit one byte over: cut again.
        out.insert(0, '_');
        out = cut(&out, max_bytes).trim_end_matches([' ', '.']).to_owned();
    }
    out
}

/// The relative path of the file: folder, then name, then extension.
pub fn file_path(subfolder: &str, base: &str, extension: &str) -> String {
    let folder = folder_path(subfolder);
    let ext = safe_component(extension, 8);
    let budget = MAX_NAME_BYTES - ext.len() - 1;
    let mut name = safe_component(base, budget);
    if name.is_empty() {
        name = "profile-picture".to_owned();
    }
    format!("{folder}{name}.{ext}")
}

/// A subfolder option as safe components ending in `/`, or empty.
pub fn folder_path(subfolder: &str) -> String {
    subfolder
        .split(['/', '\\'])
        .map(|part| safe_component(part, MAX_NAME_BYTES))
        .filter(|part| !part.is_empty())
        .take(MAX_FOLDER_DEPTH)
        .map(|part| part + "/")
        .collect()
}

/// The longest prefix of `text` within `max` bytes, cut between characters.
fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Format characters (Unicode category Cf) and noncharacters: invisible,
/// able to reorder how a name is shown, and refused by Chromium.
fn is_invisible(c: char) -> bool {
    matches!(c as u32,
        0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x890..=0x891
        | 0x8E2 | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E
        | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB
        | 0x110BD | 0x110CD | 0x13430..=0x1343F | 0x1BCA0..=0x1BCA3
        | 0x1D173..=0x1D17A | 0xE0001 | 0xE0020..=0xE007F
        | 0xFDD0..=0xFDEF)
        || (c as u32) & 0xFFFE == 0xFFFE
}

/// Whether Windows reserves this name, whatever the extension.
fn is_reserved_on_windows(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim_end();
    let upper = stem.to_ascii_uppercase();
    matches!(
        upper.as_str(),
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$"
    ) || (upper.len() == 4
        && (upper.starts_with("COM") || upper.starts_with("LPT"))
        && upper.as_bytes()[3].is_ascii_digit())
        || ["COM", "LPT"].iter().any(|p| {
            upper
                .strip_prefix(p)
                .is_some_and(|d| matches!(d, "¹" | "²" | "³"))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens() -> Tokens<'static> {
        Tokens {
            handle: "sample.creator",
            nickname: "Sample Creator",
            id: "7000",
            size: "1080x1080",
            avatar_id: "b5a9de7c",
            date: "2026-12-03",
        }
    }

    #[test]
    fn fills_every_token() {
        let name = fill(
            "{handle}_{size}_{avatar_id} {id} {nickname} {date}",
            &tokens(),
        );
        assert_eq!(
            name.as_deref(),
            Ok("sample.creator_1080x1080_b5a9de7c 7000 Sample Creator 2026-12-03")
        );
    }

    #[test]
    fn says_why_a_pattern_is_bad() {
        for pattern in ["", "  ", "{nope}", "{handle", "handle}", "{{handle}}"]
        {
            let error = fill(pattern, &tokens()).expect_err(pattern);
            assert_eq!(error.key(), "error_bad_pattern", "{pattern}");
        }
        assert!(fill(&"a".repeat(201), &tokens()).is_err());
    }

    #[test]
    fn makes_hostile_and_foreign_names_safe() {
        let table = [
            ("../../etc/passwd", "_.._etc_passwd"),
            ("a/b\\c:d*e?f\"g<h>i|j", "a_b_c_d_e_f_g_h_i_j"),
            ("tab\there\nnl\0nul", "tab_here_nl_nul"),
            ("evil\u{202E}gpj.exe", "evilgpj.exe"),
            ("👩\u{200D}💻 coder", "👩💻 coder"),
            ("name. . ", "name"),
            ("~tilde~", "_tilde_"),
            ("__under__", "__under__"),
            ("CON", "_CON"),
            ("nul.txt", "_nul.txt"),
            ("com1", "_com1"),
            ("LPT9", "_LPT9"),
            ("COMPUTER", "COMPUTER"),
            ("Ελληνικά 日本語 العربية", "Ελληνικά 日本語 العربية"),
            ("%2F..%2F", "%2F..%2F"),
        ];
        for (input, want) in table {
            assert_eq!(safe_component(input, 200), want, "{input:?}");
        }
    }

    #[test]
    fn cuts_long_names_on_a_character_boundary() {
        let long = "日".repeat(300);
        let path = file_path("", &long, "jpeg");
        assert!(path.len() <= MAX_NAME_BYTES, "{}", path.len());
        assert!(path.ends_with("日.jpeg"));
        assert!(path.is_char_boundary(path.len() - 5));
    }

    #[test]
    fn builds_paths_with_safe_folders() {
        assert_eq!(
            file_path("TikTok/avatars", "a", "jpeg"),
            "TikTok/avatars/a.jpeg"
        );
        assert_eq!(file_path("../../x/./", "a", "webp"), "x/a.webp");
        assert_eq!(file_path("", "..", "jpeg"), "profile-picture.jpeg");
        assert_eq!(file_path("a/b/c/d/e/f", "n", "png"), "a/b/c/d/n.png");
    }
}
