//! Pulls a few small values out of a large JSON document.
//!
//! The page state is ~250 KB, and ~99 % of it (translations, A/B config)
//! has nothing to do with the avatar. Instead of building the whole tree,
//! this walks the document once, skips every value that is not on one of
//! the wanted paths without allocating it, and builds a [`Node`] only for
//! the small values at the ends of the paths. A document nested deeper than
//! [`MAX_DEPTH`] is refused, even where the deep part would only be skipped.

pub use crate::json::MAX_DEPTH;
use crate::json::{self, Reader};
use crate::node::Node;
use crate::sites::Seg;

/// Why a document could not be walked.
#[derive(Debug)]
pub enum WalkError {
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// Not JSON.
    Syntax(json::Error),
}

impl From<json::Error> for WalkError {
    fn from(error: json::Error) -> WalkError {
        if error.too_deep {
            WalkError::TooDeep
        } else {
            WalkError::Syntax(error)
        }
    }
}

/// Finds the values at `paths` in the JSON document at the start of `text`.
/// Text after the document (as in `x={..};y=..`) is ignored. Returns one
/// slot per path; where a key repeats, the last one wins, as in
/// `JSON.parse`.
pub fn find<'t>(
    text: &'t str,
    paths: &[&[Seg]],
    handle: &str,
) -> Result<Vec<Option<Node<'t>>>, WalkError> {
    let mut found = vec![None; paths.len()];
    let active = (1u32 << paths.len()) - 1;
    let mut walk = Walk {
        paths,
        handle,
        found: &mut found,
    };
    walk.value(&mut Reader::new(text), 0, active)?;
    Ok(found)
}

/// Follows `path` inside a value already in memory.
pub fn resolve<'v, 't>(
    mut value: &'v Node<'t>,
    path: &[Seg],
    handle: &str,
) -> Option<&'v Node<'t>> {
    for seg in path {
        value = match seg {
            Seg::Key(key) => value.get(key)?,
            Seg::Handle => value.find(|k| k.eq_ignore_ascii_case(handle))?,
        };
    }
    Some(value)
}

/// Whether `key` is the `level`-th step of `path`.
fn step_matches(path: &[Seg], level: usize, key: &str, handle: &str) -> bool {
    match path.get(level) {
        Some(Seg::Key(want)) => *want == key,
        Some(Seg::Handle) => key.eq_ignore_ascii_case(handle),
        None => false,
    }
}

/// The paths being followed and what was found at their ends.
struct Walk<'a, 't> {
    paths: &'a [&'a [Seg]],
    handle: &'a str,
    found: &'a mut Vec<Option<Node<'t>>>,
}

impl<'t> Walk<'_, 't> {
    /// Walks the value at the reader, `level` steps down; `active` has a bit
    /// set for each path whose first `level` steps led here.
    fn value(
        &mut self,
        reader: &mut Reader<'t>,
        level: usize,
        active: u32,
    ) -> Result<(), json::Error> {
        if reader.peek()? != b'{' {
            return reader.skip();
        }
        reader.begin_map()?;
        let mut first = true;
        while let Some(key) = reader.next_key(first)? {
            first = false;
            let next = self.matching(&key, level, active);
            if next == 0 {
                reader.skip()?;
                continue;
            }
            let ending = (0..self.paths.len()).any(|i| {
                next & (1 << i) != 0 && self.paths[i].len() == level + 1
            });
            if !ending {
                self.value(reader, level + 1, next)?;
                continue;
            }
            // A path ends here: keep this value, and finish any longer path
            // that also runs through it in memory.
            let value = Node::read(reader)?;
            for (i, path) in self.paths.iter().enumerate() {
                if next & (1 << i) != 0 {
                    let rest = &path[level + 1..];
                    self.found[i] = resolve(&value, rest, self.handle).cloned();
                }
            }
        }
        Ok(())
    }

    /// Which active paths take `key` as their `level`-th step (a bit set).
    fn matching(&self, key: &str, level: usize, active: u32) -> u32 {
        let mut next = 0;
        for (i, path) in self.paths.iter().enumerate() {
            let on_track = active & (1 << i) != 0;
            if on_track && step_matches(path, level, key, self.handle) {
                next |= 1 << i;
            }
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sites::Seg::{Handle, Key};

    /// The value of `text`, to compare with.
    fn json(text: &str) -> Node<'_> {
        Node::read(&mut Reader::new(text)).expect("valid JSON")
    }

    const USER: &[Seg] = &[Key("a"), Key("user")];
    const STATUS: &[Seg] = &[Key("a"), Key("code")];

    #[test]
    fn finds_values_on_paths_and_skips_the_rest() {
        let text = r#"{"big":{"x":[1,2,{"user":1}]},
            "a":{"code":7,"user":{"n":"\u002Fok"}},"z":null}"#;
        let found = find(text, &[USER, STATUS], "").expect("valid JSON");
        assert_eq!(found[0], Some(json(r#"{"n":"/ok"}"#)));
        assert_eq!(found[1], Some(json("7")));
    }

    #[test]
    fn matches_the_handle_ignoring_case_and_last_key_wins() {
        let path: &[Seg] = &[Key("users"), Handle];
        let text = r#"{"users":{"Other":1,"Me.Too":2,"me.too":3}}"#;
        let found = find(text, &[path], "ME.TOO").expect("valid JSON");
        assert_eq!(found[0], Some(json("3")));
    }

    #[test]
    fn ignores_text_after_the_document() {
        let text = r#"{"a":{"code":1}};window['X']={"a":{"code":2}}"#;
        let found = find(text, &[STATUS], "").expect("first document");
        assert_eq!(found[0], Some(json("1")));
    }

    #[test]
    fn refuses_deep_nesting_without_overflowing() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(matches!(find(&deep, &[USER], ""), Err(WalkError::TooDeep)));
        let ok = format!(
            r#"{{"s":"{}","a":{}{}}}"#,
            "[".repeat(500),
            "[".repeat(127),
            "]".repeat(127)
        );
        assert!(find(&ok, &[USER], "").is_ok());
        let deep = format!(
            r#"{{"a":{}1{}}}"#,
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert!(find(&deep, &[USER], "").is_err());
    }

    #[test]
    fn reports_broken_json() {
        assert!(find(r#"{"a":{"code":"#, &[STATUS], "").is_err());
    }
}
