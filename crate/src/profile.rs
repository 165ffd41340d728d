//! Which profile a page URL shows.

/// The longest handle believed; TikTok allows 24 characters.
const MAX_HANDLE_LEN: usize = 64;

/// The handle of a `https://www.tiktok.com/@handle…` URL, or `None` when the
/// URL is not a profile page. The handle is kept as written (percent-decoded
/// only where it is plain ASCII), and never trusted as a file name.
pub fn handle_of(url: &str) -> Option<String> {
    let rest = url.strip_prefix("https://www.tiktok.com/@")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (raw, after) = rest.split_at(end);
    // `/@me/video/123` is a video, not the profile.
    let after = after.strip_prefix('/').unwrap_or(after);
    if !(after.is_empty() || after.starts_with(['?', '#'])) {
        return None;
    }
    let handle = percent_decode_ascii(raw)?;
    let ok = !handle.is_empty()
        && handle.len() <= MAX_HANDLE_LEN
        && handle
            .chars()
            .all(|c| !c.is_control() && c != '/' && c != '\\');
    ok.then_some(handle)
}

/// Decodes `%XX` escapes of printable ASCII; any other escape (a `/`, a
/// NUL, a byte of a multi-byte character) makes the handle unreadable.
fn percent_decode_ascii(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut bytes = text.bytes();
    while let Some(b) = bytes.next() {
        if b != b'%' {
            out.push(char::from(b));
            continue;
        }
        let hex = [bytes.next()?, bytes.next()?];
        let hex = std::str::from_utf8(&hex).ok()?;
        let decoded = u8::from_str_radix(hex, 16).ok()?;
        if !(0x20..0x7f).contains(&decoded) || decoded == b'/' {
            return None;
        }
        out.push(char::from(decoded));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_handles() {
        let table = [
            (
                "https://www.tiktok.com/@sample.creator",
                Some("sample.creator"),
            ),
            ("https://www.tiktok.com/@Me_1?lang=en", Some("Me_1")),
            ("https://www.tiktok.com/@me/", Some("me")),
            ("https://www.tiktok.com/@me/?lang=es", Some("me")),
            ("https://www.tiktok.com/@me/video/123", None),
            ("https://www.tiktok.com/@me#top", Some("me")),
            ("https://www.tiktok.com/@a%2Eb", Some("a.b")),
            ("https://www.tiktok.com/@", None),
            ("https://www.tiktok.com/foryou", None),
            ("https://www.tiktok.com/@a%2Fb", None),
            ("https://www.tiktok.com/@a%00b", None),
            ("https://www.tiktok.com/@a%E2%80%AEb", None),
            ("https://www.tiktok.com/@a%2", None),
            ("https://m.tiktok.com/@me", None),
            ("http://www.tiktok.com/@me", None),
            ("https://www.tiktok.com.evil.example/@me", None),
        ];
        for (url, want) in table {
            assert_eq!(handle_of(url).as_deref(), want, "{url}");
        }
        let long = format!("https://www.tiktok.com/@{}", "a".repeat(300));
        assert_eq!(handle_of(&long), None);
    }
}
