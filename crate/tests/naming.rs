//! File names from hostile and foreign handles and nicknames, through the
//! person's pattern, checked against a port of the rule Chromium applies to
//! `chrome.downloads.download({filename})`: `net::IsSafePortableRelativePath`
//! in net/base/filename_util.cc, with `base::i18n::IsFilenameLegal`. The
//! browser test `tests/e2e/downloads-names.test.mjs` asks Chromium itself.

use avatar_saver::naming::{file_path, fill, Tokens, MAX_NAME_BYTES};
use proptest::prelude::*;

/// Characters Chromium refuses anywhere in a name (besides Cc and Cf).
const REFUSED: &[char] = &['"', '~', '*', '/', ':', '<', '>', '?', '\\', '|'];

/// Chromium's reserved device and shell names, compared in lower case.
const DEVICES: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6",
    "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6",
    "lpt7", "lpt8", "lpt9", "clock$",
];

/// The format characters a name might carry in practice: bidirectional
/// controls, joiners, the BOM, a soft hyphen, tag characters of flag
/// emoji. The browser test checks every Cf character Chromium knows.
fn is_format_char(c: char) -> bool {
    matches!(c as u32,
        0xAD | 0x61C | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E
        | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF | 0xE0001
        | 0xE0020..=0xE007F)
}

/// Why Chromium would refuse `path`, or `None` if it takes it.
fn chromium_refuses(path: &str) -> Option<String> {
    if path.is_empty() || path.starts_with('/') || path.ends_with('/') {
        return Some("not a relative file path".into());
    }
    for part in path.split('/') {
        let (Some(first), Some(last)) =
            (part.chars().next(), part.chars().last())
        else {
            return Some("an empty component".into());
        };
        let at_ends = |c: char| c.is_whitespace() || c == '.' || c == '~';
        if let Some(c) = part.chars().find(|&c| {
            REFUSED.contains(&c)
                || c.is_control()
                || is_format_char(c)
                || (0xFDD0..=0xFDEF).contains(&(c as u32))
                || (c as u32) & 0xFFFE == 0xFFFE
        }) {
            return Some(format!("{part:?} holds {c:?}"));
        }
        if at_ends(first) || at_ends(last) {
            return Some(format!("{part:?} starts or ends badly"));
        }
        let lower = part.to_lowercase();
        let device = DEVICES
            .iter()
            .any(|d| lower == *d || lower.starts_with(&format!("{d}.")));
        if device || lower == "desktop.ini" || lower == "thumbs.db" {
            return Some(format!("{part:?} is reserved on Windows"));
        }
        let extension = lower.rsplit_once('.').map_or("", |(_, e)| e);
        if matches!(extension, "lnk" | "local" | "scf")
            || extension.starts_with('{') && extension.ends_with('}')
        {
            return Some(format!("{part:?} has a shell extension"));
        }
    }
    None
}

fn tokens<'a>(handle: &'a str, nickname: &'a str) -> Tokens<'a> {
    Tokens {
        handle,
        nickname,
        id: "7000000000000000001",
        size: "1080x1080",
        avatar_id: "b5a9de7c",
        date: "2026-12-03",
    }
}

/// The path a save would use, from the pattern and the person's fields.
fn name(pattern: &str, handle: &str, nickname: &str) -> String {
    let base = fill(pattern, &tokens(handle, nickname)).expect("valid");
    file_path("", &base, "jpeg")
}

#[test]
fn hostile_and_foreign_names_through_the_pattern() {
    let pattern = "{nickname} ({handle})_{size}";
    let table = [
        // Scripts of the world are kept as they are.
        ("ελένη", "Ελένη Παπαδοπούλου", "Ελένη Παπαδοπούλου (ελένη)"),
        ("山田", "山田太郎🎌", "山田太郎🎌 (山田)"),
        ("user", "مريم الأحمد", "مريم الأحمد (user)"),
        ("user", "שרה כהן", "שרה כהן (user)"),
        ("user", "Nguyễn Thị Ánh", "Nguyễn Thị Ánh (user)"),
        ("user", "हिन्दी नाम", "हिन्दी नाम (user)"),
        ("user", "김민지 ✨", "김민지 ✨ (user)"),
        ("user", "Zoë Ñandú", "Zoë Ñandú (user)"),
        // Path tricks and Windows' forbidden characters.
        ("a", "../../.ssh/id", "_.._.ssh_id (a)"),
        ("a", "C:\\Windows\\x", "C__Windows_x (a)"),
        ("a", "what? <b> \"q\" a|b *", "what_ _b_ _q_ a_b _ (a)"),
        ("a", "~/home~", "__home_ (a)"),
        // Bidirectional overrides that would disguise the extension.
        ("a", "gnp\u{202E}gpj.exe", "gnpgpj.exe (a)"),
        ("a", "\u{2066}x\u{2069}\u{200F}", "x (a)"),
        // Emoji sequences lose their joiners and selectors' tags.
        ("a", "👩\u{200D}💻", "👩💻 (a)"),
        (
            "a",
            "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}",
            "🏴 (a)",
        ),
        // Control characters and line breaks.
        ("a", "line\nbreak\ttab\u{7}", "line_break_tab_ (a)"),
        ("a", "nel\u{85}ls\u{2028}", "nel_ls_ (a)"),
    ];
    for (handle, nickname, want) in table {
        let got = name(pattern, handle, nickname);
        assert_eq!(got, format!("{want}_1080x1080.jpeg"), "{nickname:?}");
        assert_eq!(chromium_refuses(&got), None, "{nickname:?}");
    }
}

#[test]
fn an_empty_token_takes_its_separator_along() {
    let mut fields = tokens("sample.owner", "");
    fields.avatar_id = "";
    let table = [
        ("{handle}_{size}_{avatar_id}", "sample.owner_1080x1080"),
        ("{avatar_id}_{handle}", "sample.owner"),
        ("{handle}_{avatar_id}_{size}", "sample.owner_1080x1080"),
        ("{nickname} - {handle}", "sample.owner"),
        ("{handle} {nickname} {avatar_id}", "sample.owner"),
        ("x{avatar_id}y", "xy"),
        ("{handle}{avatar_id}_{size}", "sample.owner_1080x1080"),
    ];
    for (pattern, want) in table {
        assert_eq!(fill(pattern, &fields).expect("valid"), want, "{pattern}");
    }
}

#[test]
fn names_that_are_only_trouble() {
    let table = [
        ("{nickname}", "CON", "_CON.jpeg"),
        ("{nickname}", "nul.", "_nul.jpeg"),
        ("{nickname}", "Com3 ", "_Com3.jpeg"),
        ("{nickname}", "...", "profile-picture.jpeg"),
        ("{nickname}", "", "profile-picture.jpeg"),
        ("{nickname}", "  . ~", "_.jpeg"),
        ("{nickname}", ".hidden", "hidden.jpeg"),
        ("{nickname}", "trailing. . .", "trailing.jpeg"),
        ("{nickname}", "\u{200B}\u{FEFF}", "profile-picture.jpeg"),
        ("{nickname}{handle}", "x", "xa.jpeg"),
        ("CON", "", "_CON.jpeg"),
        ("{handle}/{nickname}", "b", "a_b.jpeg"),
    ];
    for (pattern, nickname, want) in table {
        let got = name(pattern, "a", nickname);
        assert_eq!(got, want, "{pattern:?} {nickname:?}");
        assert_eq!(chromium_refuses(&got), None, "{nickname:?}");
    }
}

#[test]
fn long_names_are_cut_on_a_character_boundary() {
    for unit in ["a", "é", "日", "👩\u{200D}💻", "ﷺ"] {
        let nickname = unit.repeat(400);
        let got = name("{nickname}_{size}", "a", &nickname);
        assert!(got.len() <= MAX_NAME_BYTES, "{unit}: {}", got.len());
        assert!(got.len() > MAX_NAME_BYTES - 8, "{unit}: {}", got.len());
        assert!(got.ends_with(".jpeg"));
        assert_eq!(chromium_refuses(&got), None, "{unit}");
    }
}

proptest! {
    #[test]
    fn any_nickname_and_folder_make_a_name_chromium_takes(
        nickname in any::<String>(),
        handle in "[a-zA-Z0-9._]{1,24}",
        folder in any::<String>(),
    ) {
        let base = fill("{handle} {nickname}", &tokens(&handle, &nickname))
            .expect("valid");
        let path = file_path(&folder, &base, "jpeg");
        prop_assert_eq!(chromium_refuses(&path), None, "{:?}", path);
        let file = path.rsplit('/').next().unwrap_or_default();
        prop_assert!(file.len() <= MAX_NAME_BYTES);
    }
}
