//! Which URLs may ever be downloaded.
//!
//! Only `https:` URLs on TikTok's avatar CDN hosts pass. The check is strict
//! on purpose: anything a browser might read differently from us (a
//! backslash, credentials, a port, percent-encoding in the host, control
//! characters) is refused rather than interpreted. A URL that passes is
//! kept byte for byte: the CDN signs it, and any rewrite is a 403.

use crate::sites::CDN_HOST_SUFFIXES;

/// The longest URL accepted; real avatar URLs are under 600 bytes.
pub const MAX_URL_LEN: usize = 4096;

/// A URL on the avatar CDN, split into the parts the core reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CdnUrl<'a> {
    /// The whole URL, exactly as the page gave it.
    pub raw: &'a str,
    /// The host name, lower case.
    pub host: &'a str,
    /// The path, from its leading `/` up to `?` or the end.
    pub path: &'a str,
    /// The query without its `?`, or empty.
    pub query: &'a str,
}

impl<'a> CdnUrl<'a> {
    /// Splits `raw` if it is an allowed avatar URL.
    pub fn parse(raw: &'a str) -> Option<Self> {
        if raw.len() > MAX_URL_LEN || !raw.bytes().all(is_url_byte) {
            return None;
        }
        let rest = raw.strip_prefix("https://")?;
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let host = &rest[..end];
        if !allowed_host(host) {
            return None;
        }
        let tail = &rest[end..];
        if tail.contains('#') || !tail.starts_with('/') {
            return None;
        }
        let (path, query) = match tail.split_once('?') {
            Some((p, q)) => (p, q),
            None => (tail, ""),
        };
        Some(CdnUrl {
            raw,
            host,
            path,
            query,
        })
    }

    /// The value of the signed expiry (`x-expires`, Unix seconds), if any.
    pub fn expires(&self) -> Option<u64> {
        self.query
            .split('&')
            .find_map(|pair| pair.strip_prefix("x-expires="))
            .and_then(|v| v.parse().ok())
    }
}

/// Printable ASCII except `\`, which browsers read as `/` in the authority.
fn is_url_byte(b: u8) -> bool {
    (0x21..=0x7e).contains(&b) && b != b'\\'
}

/// A DNS name of lower-case labels ending in one of the CDN suffixes, with
/// at least one label of its own.
fn allowed_host(host: &str) -> bool {
    let labels_ok = host.split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && label.bytes().all(|b| {
                b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'
            })
    });
    labels_ok
        && CDN_HOST_SUFFIXES
            .iter()
            .any(|suffix| host.len() > suffix.len() && host.ends_with(suffix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_each_regional_host() {
        for url in [
            "https://p16-sign-va.tiktokcdn.com/a/b~c5_100x100.jpeg?x=1",
            "https://p16-pu-sign-no.tiktokcdn-eu.com/a/b.jpeg",
            "https://p19-sign.tiktokcdn-us.com/a/b.webp?x-expires=9",
        ] {
            assert!(CdnUrl::parse(url).is_some(), "{url}");
        }
    }

    #[test]
    fn refuses_everything_else() {
        for url in [
            "javascript:alert(1)//.tiktokcdn.com/",
            "data:image/png;base64,AAAA",
            "file:///etc/passwd",
            "http://p16.tiktokcdn.com/a.jpeg",
            "blob:https://www.tiktok.com/1234",
            "HTTPS://p16.tiktokcdn.com/a.jpeg",
            "https://tiktokcdn.com/a.jpeg",
            "https://.tiktokcdn.com/a.jpeg",
            "https://p16.tiktokcdn.com.evil.example/a.jpeg",
            "https://evil.example/p16.tiktokcdn.com/a.jpeg",
            "https://evil.example\\.tiktokcdn.com/a.jpeg",
            "https://user:pw@p16.tiktokcdn.com/a.jpeg",
            "https://evil.example@p16.tiktokcdn.com/a.jpeg",
            "https://p16.tiktokcdn.com:8443/a.jpeg",
            "https://127.0.0.1/a.jpeg",
            "https://[::1]/a.jpeg",
            "https://P16.TIKTOKCDN.COM/a.jpeg",
            "https://p16.tiktokcdn.com./a.jpeg",
            "https://p16%2etiktokcdn.com/a.jpeg",
            "https://p16.tiktokcdn.com/a b.jpeg",
            "https://p16.tiktokcdn.com/a.jpeg#frag",
            "https://p16.tiktokcdn.com?x=1",
            "https://p16.tiktokcdn.com/\u{202e}a.jpeg",
            "https://p16.tiktokcdn.com/a\n.jpeg",
        ] {
            assert_eq!(CdnUrl::parse(url), None, "{url:?}");
        }
    }

    #[test]
    fn keeps_the_url_byte_for_byte() {
        let raw =
            "https://a.tiktokcdn.com/x~c5_720x720.jpeg?s=a%2Fb%3D&x-expires=17";
        let url = CdnUrl::parse(raw).expect("allowed");
        assert_eq!(url.raw, raw);
        assert_eq!(url.path, "/x~c5_720x720.jpeg");
        assert_eq!(url.query, "s=a%2Fb%3D&x-expires=17");
        assert_eq!(url.expires(), Some(17));
    }

    #[test]
    fn refuses_overlong_urls() {
        let raw =
            format!("https://a.tiktokcdn.com/{}", "a".repeat(MAX_URL_LEN));
        assert_eq!(CdnUrl::parse(&raw), None);
    }
}
