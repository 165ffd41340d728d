//! Pulls a few small values out of a large JSON document.
//!
//! The page state is ~250 KB, and ~99 % of it (translations, A/B config)
//! has nothing to do with the avatar. Instead of building the whole tree,
//! this walks the document once with serde, skips every value that is not on
//! one of the wanted paths without allocating it, and builds a
//! `serde_json::Value` only for the small values at the ends of the paths.
//! A document nested deeper than [`MAX_DEPTH`] is refused before the walk,
//! even where the deep part would only be skipped.

use std::fmt;

use serde::de::{
    DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use serde_json::Value;

use crate::sites::Seg;

/// The deepest nesting of arrays and objects accepted (serde_json's own
/// limit for the values it builds).
pub const MAX_DEPTH: usize = 128;

/// Why a document could not be walked.
#[derive(Debug)]
pub enum WalkError {
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// Not JSON.
    Syntax(serde_json::Error),
}

/// Finds the values at `paths` in the JSON document at the start of `text`.
/// Text after the document (as in `x={..};y=..`) is ignored. Returns one
/// slot per path; where a key repeats, the last one wins, as in
/// `JSON.parse`.
pub fn find(
    text: &str,
    paths: &[&[Seg]],
    handle: &str,
) -> Result<Vec<Option<Value>>, WalkError> {
    if nests_deeper_than(text, MAX_DEPTH) {
        return Err(WalkError::TooDeep);
    }
    let mut found = vec![None; paths.len()];
    let active = (1u32 << paths.len()) - 1;
    let mut de = serde_json::Deserializer::from_str(text);
    Walk {
        paths,
        handle,
        level: 0,
        active,
        found: &mut found,
    }
    .deserialize(&mut de)
    .map_err(WalkError::Syntax)?;
    Ok(found)
}

/// Whether brackets outside strings nest deeper than `limit`. One pass over
/// the bytes, with no allocation; text after the first document counts too,
/// which only makes the check stricter.
fn nests_deeper_than(text: &str, limit: usize) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// Follows `path` inside a value already in memory.
pub fn resolve<'v>(
    mut value: &'v Value,
    path: &[Seg],
    handle: &str,
) -> Option<&'v Value> {
    for seg in path {
        let map = value.as_object()?;
        value = match seg {
            Seg::Key(key) => map.get(*key)?,
            Seg::Handle => {
                map.iter()
                    .rev()
                    .find(|(key, _)| key.eq_ignore_ascii_case(handle))?
                    .1
            }
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

/// A visitor at one depth of the walk. `active` has a bit set for each path
/// whose first `level` steps led here.
struct Walk<'a> {
    paths: &'a [&'a [Seg]],
    handle: &'a str,
    level: usize,
    active: u32,
    found: &'a mut Vec<Option<Value>>,
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(next) = map.next_key_seed(KeyMatch {
            paths: self.paths,
            handle: self.handle,
            level: self.level,
            active: self.active,
        })? {
            if next == 0 {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let ending = (0..self.paths.len()).any(|i| {
                next & (1 << i) != 0 && self.paths[i].len() == self.level + 1
            });
            if !ending {
                map.next_value_seed(Walk {
                    paths: self.paths,
                    handle: self.handle,
                    level: self.level + 1,
                    active: next,
                    found: &mut *self.found,
                })?;
                continue;
            }
            // A path ends here: keep this value, and finish any longer path
            // that also runs through it in memory.
            let value: Value = map.next_value()?;
            for (i, path) in self.paths.iter().enumerate() {
                if next & (1 << i) != 0 {
                    let rest = &path[self.level + 1..];
                    self.found[i] = resolve(&value, rest, self.handle).cloned();
                }
            }
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
}

/// Reads one object key without keeping it, answering which active paths
/// take that key as their next step (a bit set).
struct KeyMatch<'a> {
    paths: &'a [&'a [Seg]],
    handle: &'a str,
    level: usize,
    active: u32,
}

impl<'de> DeserializeSeed<'de> for KeyMatch<'_> {
    type Value = u32;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<u32, D::Error> {
        de.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeyMatch<'_> {
    type Value = u32;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_str<E>(self, key: &str) -> Result<u32, E> {
        let mut next = 0;
        for (i, path) in self.paths.iter().enumerate() {
            let on_track = self.active & (1 << i) != 0;
            if on_track && step_matches(path, self.level, key, self.handle) {
                next |= 1 << i;
            }
        }
        Ok(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sites::Seg::{Handle, Key};
    use serde_json::json;

    const USER: &[Seg] = &[Key("a"), Key("user")];
    const STATUS: &[Seg] = &[Key("a"), Key("code")];

    #[test]
    fn finds_values_on_paths_and_skips_the_rest() {
        let text = r#"{"big":{"x":[1,2,{"user":1}]},
            "a":{"code":7,"user":{"n":"\u002Fok"}},"z":null}"#;
        let found = find(text, &[USER, STATUS], "").expect("valid JSON");
        assert_eq!(found[0], Some(json!({"n": "/ok"})));
        assert_eq!(found[1], Some(json!(7)));
    }

    #[test]
    fn matches_the_handle_ignoring_case_and_last_key_wins() {
        let path: &[Seg] = &[Key("users"), Handle];
        let text = r#"{"users":{"Other":1,"Me.Too":2,"me.too":3}}"#;
        let found = find(text, &[path], "ME.TOO").expect("valid JSON");
        assert_eq!(found[0], Some(json!(3)));
    }

    #[test]
    fn ignores_text_after_the_document() {
        let text = r#"{"a":{"code":1}};window['X']={"a":{"code":2}}"#;
        let found = find(text, &[STATUS], "").expect("first document");
        assert_eq!(found[0], Some(json!(1)));
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
