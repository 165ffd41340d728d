//! File names: the person's pattern filled in, then made safe everywhere.
//!
//! A name must work on Windows, macOS and Linux and pass Chromium's own
//! check of `downloads.download` file names, which refuses control and
//! format characters (bidirectional overrides, zero-width joiners), the
//! characters `" ~ * / : < > ? \ |`, and names ending in a dot, a tilde or a
//! space. Letters of every script are kept.

use crate::error::Error;

/// The longest file name in UTF-8 bytes, extension included.
pub const MAX_NAME_BYTES: usize = 200;
/// The longest pattern accepted, in characters.
pub const MAX_PATTERN_LEN: usize = 200;
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

/// Why a pattern cannot make a name. The options page shows each reason in
/// the person's language while they type, by its [`PatternError::key`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternError {
    /// Nothing but spaces.
    Empty,
    /// Longer than [`MAX_PATTERN_LEN`] characters.
    TooLong,
    /// A `}` that closes nothing.
    StrayClose,
    /// A `{` that is never closed.
    Unclosed,
    /// A `{word}` that is not one of [`TOKEN_NAMES`]; holds the word.
    UnknownToken(String),
}

impl PatternError {
    /// The `_locales` key of the sentence that explains it.
    pub fn key(&self) -> &'static str {
        match self {
            PatternError::Empty => "pattern_empty",
            PatternError::TooLong => "pattern_too_long",
            PatternError::StrayClose => "pattern_stray_close",
            PatternError::Unclosed => "pattern_unclosed",
            PatternError::UnknownToken(_) => "pattern_unknown_token",
        }
    }

    /// The part of the pattern at fault, for the sentence's placeholder.
    pub fn detail(&self) -> &str {
        match self {
            PatternError::UnknownToken(word) => word,
            _ => "",
        }
    }

    /// A short lower-case reason, for logs.
    fn reason(&self) -> &'static str {
        match self {
            PatternError::Empty => "the pattern is empty",
            PatternError::TooLong => "the pattern is too long",
            PatternError::StrayClose => "a } without {",
            PatternError::Unclosed => "a { without }",
            PatternError::UnknownToken(_) => "an unknown {token}",
        }
    }
}

impl From<PatternError> for Error {
    fn from(error: PatternError) -> Error {
        Error::BadPattern(error.reason())
    }
}

/// Fills in `pattern`, or says why it cannot be used.
pub fn fill(
    pattern: &str,
    tokens: &Tokens,
) -> std::result::Result<String, PatternError> {
    if pattern.trim().is_empty() {
        return Err(PatternError::Empty);
    }
    if pattern.chars().count() > MAX_PATTERN_LEN {
        return Err(PatternError::TooLong);
    }
    let mut out = String::new();
    let mut rest = pattern;
    // Set after an empty token at the start of the name.
    let mut drop_next = false;
    while let Some(open) = rest.find(['{', '}']) {
        let mut literal = &rest[..open];
        if std::mem::take(&mut drop_next) {
            literal = literal.trim_start_matches(SEPARATORS);
        }
        if rest[open..].starts_with('}') {
            return Err(PatternError::StrayClose);
        }
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or(PatternError::Unclosed)?;
        let value = match &after[..close] {
            "handle" => tokens.handle,
            "nickname" => tokens.nickname,
            "id" => tokens.id,
            "size" => tokens.size,
            "avatar_id" => tokens.avatar_id,
            "date" => tokens.date,
            word => {
                let word: String = word.chars().take(40).collect();
                return Err(PatternError::UnknownToken(word));
            }
        };
        if value.is_empty() {
            // "{handle}_{avatar_id}" without an id would end in "_": an
            // empty token takes the separators before it, or, when it
            // starts the name, those after it.
            literal = literal.trim_end_matches(SEPARATORS);
            drop_next = out.is_empty() && literal.is_empty();
        }
        out.push_str(literal);
        out.push_str(value);
        rest = &after[close + 1..];
    }
    if drop_next {
        rest = rest.trim_start_matches(SEPARATORS);
    }
    out.push_str(rest);
    Ok(out)
}

/// What a pattern puts between tokens, dropped beside an empty one.
const SEPARATORS: &[char] = &['_', '-', ' ', '.'];

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
        .map(safe_folder)
        .filter(|part| !part.is_empty())
        .take(MAX_FOLDER_DEPTH)
        .map(|part| part + "/")
        .collect()
}

/// One folder name. A folder has no extension of ours after it, so its
/// own must not be one Windows' shell acts on: Chromium refuses those
/// (`IsShellIntegratedExtension` in net/base/filename_util.cc).
fn safe_folder(part: &str) -> String {
    let mut out = safe_component(part, MAX_NAME_BYTES - 1);
    // ASCII only, as Chromium compares them (`base::ToLowerASCII`); full
    // Unicode lowering would also bring its tables into the `.wasm`.
    let lower = out.to_ascii_lowercase();
    let extension = lower.rsplit_once('.').map_or("", |(_, ext)| ext);
    let shell = matches!(extension, "lnk" | "local" | "scf")
        || extension.starts_with('{') && extension.ends_with('}')
        || matches!(lower.as_str(), "desktop.ini" | "thumbs.db");
    if shell {
        out.push('_');
    }
    out
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
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$" | "CLOCK$"
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
        let unknown = |w: &str| PatternError::UnknownToken(w.to_owned());
        let table = [
            ("", PatternError::Empty),
            ("  ", PatternError::Empty),
            ("{nope}", unknown("nope")),
            ("{Handle}", unknown("Handle")),
            ("{handle", PatternError::Unclosed),
            ("handle}", PatternError::StrayClose),
            ("{{handle}}", unknown("{handle")),
            ("{}", unknown("")),
        ];
        for (pattern, want) in table {
            assert_eq!(fill(pattern, &tokens()), Err(want), "{pattern:?}");
        }
        let long = "a".repeat(MAX_PATTERN_LEN + 1);
        assert_eq!(fill(&long, &tokens()), Err(PatternError::TooLong));
        let error = Error::from(PatternError::Unclosed);
        assert_eq!(error.key(), "error_bad_pattern");
        assert_eq!(unknown("x").key(), "pattern_unknown_token");
        assert_eq!(unknown("x").detail(), "x");
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
            ("clock$", "_clock$"),
            ("CON .txt", "_CON .txt"),
            ("...hidden", "hidden"),
            ("\u{3000}wide space\u{A0}", "_wide space_"),
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

        let reserved = format!("CON.{}", "a".repeat(300));
        let path = file_path("", &reserved, "jpeg");
        assert_eq!(path.len(), MAX_NAME_BYTES);
        assert!(path.starts_with("_CON.aaa"), "{path}");
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
        assert_eq!(
            file_path("x.lnk/Desktop.ini", "n", "png"),
            "x.lnk_/Desktop.ini_/n.png"
        );
        assert_eq!(file_path("{a}.{b}", "n", "png"), "{a}.{b}_/n.png");
        assert_eq!(file_path("CON/a.b", "n", "png"), "_CON/a.b/n.png");
    }
}
