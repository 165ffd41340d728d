//! Reads page facts out of saved HTML the way the content script reads them
//! out of the DOM (`extension/content/gather.js`): the text of each state
//! `<script>` by `id`, the header image's `src` and `srcset` and the title's
//! text (with HTML entities decoded, as `getAttribute` and `textContent`
//! give them), and the `og:image` content.
//!
//! It is a scanner for the saved pages we test with, not an HTML parser:
//! it knows tags, quoted attributes and raw-text `<script>` bodies, which is
//! all those pages need.

use avatar_saver::facts::{HeaderFact, PageFacts, ScriptFact};
use avatar_saver::sites::STATE_SCRIPTS;

/// One start tag: its name (lower case), attributes and where it ends.
pub struct Tag<'a> {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    /// Byte offset just after the `>`.
    pub end: usize,
    html: &'a str,
}

impl Tag<'_> {
    /// An attribute's decoded value.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The raw text up to the matching end tag of a raw-text element
    /// (`<script>`: no entity decoding, as in the DOM).
    pub fn raw_text(&self) -> &str {
        let rest = &self.html[self.end..];
        let close = format!("</{}", self.name);
        let stop = find_ascii_ci(rest, &close).unwrap_or(rest.len());
        &rest[..stop]
    }

    /// The decoded text of the element's content, tags removed.
    pub fn text(&self) -> String {
        let inner = self.raw_text();
        let mut out = String::new();
        let mut rest = inner;
        while let Some(lt) = rest.find('<') {
            out.push_str(&decode_entities(&rest[..lt]));
            rest = rest[lt..].find('>').map_or("", |gt| &rest[lt + gt + 1..]);
        }
        out.push_str(&decode_entities(rest));
        out
    }
}

/// Every start tag in `html`, in document order. Script bodies are skipped
/// so that `<` inside them is not taken for a tag.
pub fn tags(html: &str) -> Vec<Tag<'_>> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(lt) = html[at..].find('<').map(|i| at + i) {
        let Some(tag) = start_tag(html, lt) else {
            at = lt + 1;
            continue;
        };
        at = tag.end;
        if tag.name == "script" || tag.name == "style" {
            at += tag.raw_text().len();
        }
        out.push(tag);
    }
    out
}

/// Parses the start tag at `lt`, if there is one.
fn start_tag(html: &str, lt: usize) -> Option<Tag<'_>> {
    let bytes = html.as_bytes();
    let mut i = lt + 1;
    let name_start = i;
    while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
        i += 1;
    }
    if i == name_start {
        return None;
    }
    let name = html[name_start..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace()) {
            i += 1;
        }
        match bytes.get(i)? {
            b'>' => break,
            b'/' => {
                i += 1;
                continue;
            }
            _ => {}
        }
        let key_start = i;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
        {
            i += 1;
        }
        let key = html[key_start..i].to_ascii_lowercase();
        let mut value = String::new();
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            let quote = *bytes.get(i)?;
            if quote == b'"' || quote == b'\'' {
                let close = html[i + 1..].find(char::from(quote))? + i + 1;
                value = decode_entities(&html[i + 1..close]);
                i = close + 1;
            } else {
                let start = i;
                while i < bytes.len()
                    && !bytes[i].is_ascii_whitespace()
                    && bytes[i] != b'>'
                {
                    i += 1;
                }
                value = decode_entities(&html[start..i]);
            }
        }
        attrs.push((key, value));
    }
    Some(Tag {
        name,
        attrs,
        end: i + 1,
        html,
    })
}

/// Finds `needle` (ASCII) in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// Decodes the character references the saved pages use: the named ones
/// of HTML's core and numeric ones.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| reference(&rest[1..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference's name (between `&` and `;`) stands for.
fn reference(name: &str) -> Option<char> {
    let code = if let Some(hex) =
        name.strip_prefix("#x").or_else(|| name.strip_prefix("#X"))
    {
        u32::from_str_radix(hex, 16).ok()?
    } else if let Some(dec) = name.strip_prefix('#') {
        dec.parse().ok()?
    } else {
        return Some(match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            _ => return None,
        });
    };
    char::from_u32(code)
}

/// The facts the content script would send from this page at `url`,
/// loaded at `url` (no in-app navigation).
pub fn facts_of(html: &str, url: &str) -> PageFacts {
    let tags = tags(html);
    let scripts = STATE_SCRIPTS
        .iter()
        .filter_map(|shape| {
            let tag = tags.iter().find(|t| {
                t.name == "script" && t.attr("id") == Some(shape.id)
            })?;
            Some(ScriptFact {
                id: shape.id.to_owned(),
                text: tag.raw_text().to_owned(),
            })
        })
        .collect();

    // `[data-e2e="user-avatar"] img`: the first image after the container
    // opens (the saved pages nest it directly inside).
    let image = tags
        .iter()
        .position(|t| t.attr("data-e2e") == Some("user-avatar"))
        .and_then(|at| tags[at..].iter().find(|t| t.name == "img"));
    let title = tags
        .iter()
        .find(|t| t.name == "h1" && t.attr("data-e2e") == Some("user-title"));
    let header = (image.is_some() || title.is_some()).then(|| HeaderFact {
        src: image.and_then(|t| t.attr("src")).map(str::to_owned),
        srcset: image.and_then(|t| t.attr("srcset")).map(str::to_owned),
        title: title.map(Tag::text),
    });
    let og_image = tags
        .iter()
        .find(|t| t.name == "meta" && t.attr("property") == Some("og:image"))
        .and_then(|t| t.attr("content"))
        .map(str::to_owned);

    PageFacts {
        url: url.to_owned(),
        document_url: Some(url.to_owned()),
        scripts,
        header,
        og_image,
        fetched: Vec::new(),
    }
}

/// Every `https:` URL written anywhere in `html` (attributes decoded, JSON
/// `\u002F` undone), to check that none of them but the owner's is picked.
pub fn urls_in(html: &str) -> Vec<String> {
    let text = decode_entities(html).replace("\\u002F", "/");
    let mut out = Vec::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("https://") {
        rest = &rest[at..];
        let end = rest
            .find(|c: char| c == '"' || c == '\'' || c.is_whitespace())
            .unwrap_or(rest.len());
        out.push(rest[..end].to_owned());
        rest = &rest[end..];
    }
    out
}
