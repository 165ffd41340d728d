//! What an avatar URL says about the picture behind it.
//!
//! TikTok spells the pixel size into the path in several ways over the years
//! (`~c5_1080x1080.`, `~tplv-tiktokx-cropcenter:1080:1080.`,
//! `~tplv-tiktok-shrink:72:72.`, `/aweme/720x720/`), ends the path with the
//! format, and names the picture by an object id. This module reads those
//! without changing the URL.

use crate::cdn::CdnUrl;

/// The largest edge length believed; anything larger is not a real avatar.
const MAX_EDGE: u32 = 20_000;

/// An image format, by the extension the CDN path ends with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// `.jpeg` or `.jpg`: opens everywhere, so preferred by default.
    Jpeg,
    /// `.png`.
    Png,
    /// `.webp`.
    Webp,
    /// `.heic`.
    Heic,
    /// `.avif`.
    Avif,
    /// `.gif`.
    Gif,
    /// The path names no known format (TikTok serves JPEG there).
    Unknown,
}

impl Format {
    /// The file extension to save under, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jpeg | Format::Unknown => "jpeg",
            Format::Png => "png",
            Format::Webp => "webp",
            Format::Heic => "heic",
            Format::Avif => "avif",
            Format::Gif => "gif",
        }
    }

    /// Parses an option value or a path extension.
    pub fn from_name(name: &str) -> Option<Format> {
        Some(match name.to_ascii_lowercase().as_str() {
            "jpeg" | "jpg" => Format::Jpeg,
            "png" => Format::Png,
            "webp" => Format::Webp,
            "heic" => Format::Heic,
            "avif" => Format::Avif,
            "gif" => Format::Gif,
            _ => return None,
        })
    }
}

/// The last segment of the path, where the id, size and format live.
fn last_segment(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// The format named by the path's extension.
pub fn format_of(url: &CdnUrl) -> Format {
    let name = last_segment(url.path);
    let tail = name.rsplit_once('~').map_or(name, |(_, t)| t);
    tail.rsplit_once('.')
        .and_then(|(_, ext)| Format::from_name(ext))
        .unwrap_or(Format::Unknown)
}

/// The pixel size spelled in the path, if any spelling is there.
pub fn size_of(url: &CdnUrl) -> Option<(u32, u32)> {
    let name = last_segment(url.path);
    if let Some((_, tail)) = name.rsplit_once('~') {
        let stem = tail.rsplit_once('.').map_or(tail, |(s, _)| s);
        // `c5_1080x1080`, `tplv-…-crop:720x720` and the like.
        if let Some(size) = stem
            .rsplit_once(['_', ':', '-'])
            .and_then(|(_, last)| pair(last, 'x'))
        {
            return Some(size);
        }
        // `tplv-tiktokx-cropcenter:1080:1080`.
        let mut parts = stem.rsplitn(3, ':');
        if let (Some(h), Some(w), Some(_)) =
            (parts.next(), parts.next(), parts.next())
        {
            if let (Some(w), Some(h)) = (edge(w), edge(h)) {
                return Some((w, h));
            }
        }
    }
    // `/aweme/720x720/…`.
    url.path.split('/').find_map(|segment| pair(segment, 'x'))
}

/// Reads `WxH` where both are plausible edge lengths.
fn pair(text: &str, sep: char) -> Option<(u32, u32)> {
    let (w, h) = text.split_once(sep)?;
    Some((edge(w)?, edge(h)?))
}

/// Reads a plausible edge length written in plain digits.
fn edge(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|n| (1..=MAX_EDGE).contains(n))
}

/// The picture's object id: the last path segment before `~` or `.`.
/// A new avatar gets a new id, so file names that carry it never collide
/// with an older save of the same person.
pub fn avatar_id_of<'a>(url: &CdnUrl<'a>) -> Option<&'a str> {
    let name = last_segment(url.path);
    let id = name.split(['~', '.']).next()?;
    let ok = !id.is_empty()
        && id.len() <= 128
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    ok.then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(raw: &str) -> CdnUrl<'_> {
        CdnUrl::parse(raw).expect("test URL is allowed")
    }

    #[test]
    fn reads_every_size_spelling() {
        let table = [
            ("/obj/1645~c5_1080x1080.jpeg", Some((1080, 1080))),
            (
                "/obj/b5a9~tplv-tiktokx-cropcenter:720:720.jpeg",
                Some((720, 720)),
            ),
            ("/obj/b5a9~tplv-tiktok-shrink:72:72.webp", Some((72, 72))),
            (
                "/aweme/720x720/tos-alisg-avt-0068/abc.jpeg",
                Some((720, 720)),
            ),
            ("/aweme/100x100/abc.webp", Some((100, 100))),
            ("/obj/b5a9~tplv-tiktokx-crop:300x300.jpeg", Some((300, 300))),
            ("/obj/b5a9.jpeg", None),
            ("/obj/b5a9~noop.image", None),
            ("/obj/b5a9~c5_0x0.jpeg", None),
            ("/obj/b5a9~c5_99999x99999.jpeg", None),
            ("/obj/b5a9~c5_+1x1.jpeg", None),
        ];
        for (path, want) in table {
            let raw = format!("https://p16.tiktokcdn.com{path}?a=1");
            assert_eq!(size_of(&parse(&raw)), want, "{path}");
        }
    }

    #[test]
    fn reads_the_format_and_id() {
        let table = [
            ("/o/b5a9~tplv-a:1080:1080.jpeg", Format::Jpeg, Some("b5a9")),
            ("/o/1645~c5_720x720.webp", Format::Webp, Some("1645")),
            ("/o/1645~c5_720x720.JPG", Format::Jpeg, Some("1645")),
            ("/aweme/720x720/x/7310.heic", Format::Heic, Some("7310")),
            ("/o/abc~tplv-a.image", Format::Unknown, Some("abc")),
            ("/o/a%2Fb~c5_1x1.jpeg", Format::Jpeg, None),
        ];
        for (path, format, id) in table {
            let raw = format!("https://p16.tiktokcdn.com{path}");
            let url = parse(&raw);
            assert_eq!(format_of(&url), format, "{path}");
            assert_eq!(avatar_id_of(&url), id, "{path}");
        }
    }
}
