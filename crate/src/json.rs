//! Reads JSON text: the one parser of the core.
//!
//! Messages decode through [`from_str`] into serde-derived types; the page
//! state is walked with [`Reader`] directly (see `walk.rs`), skipping what
//! it does not need without allocating. Numbers are never turned into
//! floats: nothing here needs one, and float formatting alone would be a
//! fifth of the `.wasm`. Nesting deeper than [`MAX_DEPTH`] is refused while
//! reading, so no input can overflow the stack.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Visitor};

/// The deepest nesting of arrays and objects accepted (serde_json's limit).
pub const MAX_DEPTH: usize = 128;

/// Why a text could not be read. Its messages never format the offending
/// value, which keeps serde's float formatting out of the `.wasm`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What went wrong, in a few words.
    pub why: String,
    /// Whether the cause is nesting deeper than [`MAX_DEPTH`].
    pub too_deep: bool,
}

impl Error {
    fn new(why: &str) -> Error {
        Error {
            why: why.to_owned(),
            too_deep: false,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.why)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Error {
        Error::new(&msg.to_string())
    }

    // serde's defaults format `Unexpected`, which can hold a float.
    fn invalid_type(_: de::Unexpected, exp: &dyn de::Expected) -> Error {
        Error::new(&format!("invalid type, expected {exp}"))
    }

    fn invalid_value(_: de::Unexpected, exp: &dyn de::Expected) -> Error {
        Error::new(&format!("invalid value, expected {exp}"))
    }

    fn invalid_length(len: usize, exp: &dyn de::Expected) -> Error {
        Error::new(&format!("invalid length {len}, expected {exp}"))
    }

    fn unknown_variant(variant: &str, _: &'static [&'static str]) -> Error {
        Error::new(&format!("unknown variant `{variant}`"))
    }

    fn unknown_field(field: &str, _: &'static [&'static str]) -> Error {
        Error::new(&format!("unknown field `{field}`"))
    }

    fn missing_field(field: &'static str) -> Error {
        Error::new(&format!("missing field `{field}`"))
    }

    fn duplicate_field(field: &'static str) -> Error {
        Error::new(&format!("duplicate field `{field}`"))
    }
}

/// Decodes one JSON document filling all of `text` (whitespace aside).
pub fn from_str<'de, T: de::Deserialize<'de>>(
    text: &'de str,
) -> Result<T, Error> {
    let mut reader = Reader::new(text);
    let value = T::deserialize(&mut reader)?;
    reader.skip_space();
    if reader.pos != text.len() {
        return Err(Error::new("trailing characters"));
    }
    Ok(value)
}

/// A cursor over JSON text.
pub struct Reader<'de> {
    text: &'de str,
    pos: usize,
    depth: usize,
}

impl<'de> Reader<'de> {
    /// Starts at the beginning of `text`.
    pub fn new(text: &'de str) -> Reader<'de> {
        Reader {
            text,
            pos: 0,
            depth: 0,
        }
    }

    #[inline(always)]
    fn bytes(&self) -> &'de [u8] {
        self.text.as_bytes()
    }

    #[inline(always)]
    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') =
            self.bytes().get(self.pos)
        {
            self.pos += 1;
        }
    }

    /// The next byte that is not whitespace, left unread.
    pub fn peek(&mut self) -> Result<u8, Error> {
        self.skip_space();
        self.bytes()
            .get(self.pos)
            .copied()
            .ok_or_else(|| Error::new("unexpected end of text"))
    }

    fn expect(&mut self, want: u8) -> Result<(), Error> {
        if self.peek()? != want {
            return Err(Error::new("unexpected character"));
        }
        self.pos += 1;
        Ok(())
    }

    fn literal(&mut self, word: &str) -> Result<(), Error> {
        if !self.text[self.pos..].starts_with(word) {
            return Err(Error::new("unexpected character"));
        }
        self.pos += word.len();
        Ok(())
    }

    /// Enters an array or object after its opening bracket.
    fn descend(&mut self) -> Result<(), Error> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Error {
                why: "nested too deeply".to_owned(),
                too_deep: true,
            });
        }
        Ok(())
    }

    /// Reads `[`; then call [`Reader::next_item`] until it says `false`.
    pub fn begin_list(&mut self) -> Result<(), Error> {
        self.expect(b'[')?;
        self.descend()
    }

    /// Reads `{`; then call [`Reader::next_key`] until it says `None`.
    pub fn begin_map(&mut self) -> Result<(), Error> {
        self.expect(b'{')?;
        self.descend()
    }

    /// Moves to the next array item: `false` at the closing `]`.
    pub fn next_item(&mut self, first: bool) -> Result<bool, Error> {
        self.next_in(b']', first)
    }

    /// Reads the next object key and its `:`: `None` at the closing `}`.
    pub fn next_key(
        &mut self,
        first: bool,
    ) -> Result<Option<Cow<'de, str>>, Error> {
        if !self.next_in(b'}', first)? {
            return Ok(None);
        }
        let key = self.string()?;
        self.expect(b':')?;
        Ok(Some(key))
    }

    /// Steps past a `,` between members, or the closing bracket.
    fn next_in(&mut self, close: u8, first: bool) -> Result<bool, Error> {
        let next = self.peek()?;
        if next == close {
            self.pos += 1;
            self.depth -= 1;
            return Ok(false);
        }
        if !first {
            self.expect(b',')?;
        }
        Ok(true)
    }

    /// Reads a string, borrowed from the text when it holds no escapes.
    pub fn string(&mut self) -> Result<Cow<'de, str>, Error> {
        self.expect(b'"')?;
        let start = self.pos;
        let bytes = self.bytes();
        loop {
            self.pos = plain_run(bytes, self.pos);
            match bytes.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Borrowed(&self.text[start..self.pos - 1]));
                }
                Some(b'\\') => break,
                Some(0..=0x1f) | None => return Err(bad_string()),
                Some(_) => self.pos += 1,
            }
        }
        let mut out = String::from(&self.text[start..self.pos]);
        loop {
            let run = self.pos;
            self.pos = plain_run(bytes, self.pos);
            out.push_str(&self.text[run..self.pos]);
            match bytes.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    out.push(self.escape()?);
                }
                _ => return Err(bad_string()),
            }
        }
    }

    /// Reads the escape after a `\`. A surrogate without its pair becomes
    /// U+FFFD: `JSON.parse` keeps it, but a Rust string cannot, and that is
    /// what the browser makes of it when it hands the string to us anyway.
    fn escape(&mut self) -> Result<char, Error> {
        let b = *self.bytes().get(self.pos).ok_or_else(bad_string)?;
        self.pos += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex4()?;
                if !(0xD800..0xDC00).contains(&unit) {
                    return Ok(char::from_u32(unit).unwrap_or('\u{FFFD}'));
                }
                let rest = &self.text[self.pos..];
                if !rest.starts_with("\\u") {
                    return Ok('\u{FFFD}');
                }
                let save = self.pos;
                self.pos += 2;
                let low = self.hex4()?;
                if !(0xDC00..0xE000).contains(&low) {
                    // Not a pair: read the second escape on its own.
                    self.pos = save;
                    return Ok('\u{FFFD}');
                }
                let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                char::from_u32(code).unwrap_or('\u{FFFD}')
            }
            _ => return Err(bad_string()),
        })
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let digits = self
            .text
            .get(self.pos..self.pos + 4)
            .ok_or_else(bad_string)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad_string());
        }
        self.pos += 4;
        u32::from_str_radix(digits, 16).map_err(|_| bad_string())
    }

    /// Reads a number and returns its text as written.
    pub fn number(&mut self) -> Result<&'de str, Error> {
        self.skip_space();
        let start = self.pos;
        let bytes = self.bytes();
        let digits = |pos: &mut usize| {
            let from = *pos;
            while bytes.get(*pos).is_some_and(u8::is_ascii_digit) {
                *pos += 1;
            }
            *pos > from
        };
        let mut pos = self.pos;
        if bytes.get(pos) == Some(&b'-') {
            pos += 1;
        }
        let int_start = pos;
        if !digits(&mut pos)
            || (bytes[int_start] == b'0' && pos > int_start + 1)
        {
            return Err(Error::new("invalid number"));
        }
        if bytes.get(pos) == Some(&b'.') {
            pos += 1;
            if !digits(&mut pos) {
                return Err(Error::new("invalid number"));
            }
        }
        if let Some(b'e' | b'E') = bytes.get(pos) {
            pos += 1;
            if let Some(b'+' | b'-') = bytes.get(pos) {
                pos += 1;
            }
            if !digits(&mut pos) {
                return Err(Error::new("invalid number"));
            }
        }
        self.pos = pos;
        Ok(&self.text[start..pos])
    }

    /// Steps over one value of any kind without keeping it or allocating.
    /// A loop rather than recursion: most of a page is skipped, token by
    /// token, so the cost per token is what counts here.
    pub fn skip(&mut self) -> Result<(), Error> {
        let base = self.depth;
        // Bit `n` tells whether the container `n` levels down is an object.
        let mut objects: u128 = 0;
        loop {
            // At the start of a value.
            match self.peek()? {
                b'"' => self.skip_string()?,
                open @ (b'[' | b'{') => {
                    self.pos += 1;
                    self.descend()?;
                    let level = self.depth - base - 1;
                    let close = if open == b'{' { b'}' } else { b']' };
                    objects &= !(1 << level);
                    objects |= u128::from(open == b'{') << level;
                    if self.peek()? == close {
                        self.pos += 1;
                        self.depth -= 1;
                    } else {
                        if open == b'{' {
                            self.member_key()?;
                        }
                        continue;
                    }
                }
                b't' => self.literal("true")?,
                b'f' => self.literal("false")?,
                b'n' => self.literal("null")?,
                _ => drop(self.number()?),
            }
            // After a value: close what ends here, or go to the next one.
            loop {
                if self.depth == base {
                    return Ok(());
                }
                let object = objects >> (self.depth - base - 1) & 1 == 1;
                match (self.peek()?, object) {
                    (b',', _) => {
                        self.pos += 1;
                        if object {
                            self.member_key()?;
                        }
                        break;
                    }
                    (b'}', true) | (b']', false) => {
                        self.pos += 1;
                        self.depth -= 1;
                    }
                    _ => return Err(Error::new("unexpected character")),
                }
            }
        }
    }

    /// Steps over an object member's key and its `:`.
    #[inline(always)]
    fn member_key(&mut self) -> Result<(), Error> {
        self.skip_string()?;
        self.expect(b':')
    }

    /// Steps over a string, checking its escapes without decoding them.
    fn skip_string(&mut self) -> Result<(), Error> {
        self.expect(b'"')?;
        let bytes = self.bytes();
        loop {
            self.pos = plain_run(bytes, self.pos);
            match bytes.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.pos += 1;
                    match bytes.get(self.pos) {
                        Some(b'u') => {
                            let digits = bytes.get(self.pos + 1..self.pos + 5);
                            let hex =
                                |d: &[u8]| d.iter().all(u8::is_ascii_hexdigit);
                            if !digits.is_some_and(hex) {
                                return Err(bad_string());
                            }
                            self.pos += 5;
                        }
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n')
                        | Some(b'r' | b't') => self.pos += 1,
                        _ => return Err(bad_string()),
                    }
                }
                Some(0..=0x1f) | None => return Err(bad_string()),
                Some(_) => self.pos += 1,
            }
        }
    }
}

/// The start of a value, read apart from the visitors so that their many
/// instances stay small.
enum Token<'de> {
    Null,
    Bool(bool),
    Str(Cow<'de, str>),
    Unsigned(u64),
    Signed(i64),
    /// After `[`.
    List,
    /// After `{`.
    Map,
}

impl<'de> Reader<'de> {
    fn token(&mut self) -> Result<Token<'de>, Error> {
        Ok(match self.peek()? {
            b'n' => {
                self.literal("null")?;
                Token::Null
            }
            b't' => {
                self.literal("true")?;
                Token::Bool(true)
            }
            b'f' => {
                self.literal("false")?;
                Token::Bool(false)
            }
            b'"' => Token::Str(self.string()?),
            b'[' => {
                self.begin_list()?;
                Token::List
            }
            b'{' => {
                self.begin_map()?;
                Token::Map
            }
            _ => {
                // Whole numbers only: no message of ours holds a fraction.
                let text = self.number()?;
                if let Ok(n) = text.parse::<u64>() {
                    Token::Unsigned(n)
                } else if let Ok(n) = text.parse::<i64>() {
                    Token::Signed(n)
                } else {
                    return Err(Error::new("number out of range"));
                }
            }
        })
    }
}

/// The position of the first byte from `pos` on that ends a plain run of
/// string text: a quote, a backslash or a control character. Most of a
/// page's state is strings, so this looks at eight bytes at a time.
#[inline(always)]
fn plain_run(bytes: &[u8], mut pos: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Whether any byte of `w` is below `n` (n <= 128).
    let below = |w: u64, n: u64| w.wrapping_sub(ONES * n) & !w & HIGH != 0;
    while let Some(chunk) = bytes.get(pos..pos + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        if below(w ^ (ONES * 0x22), 1)
            || below(w ^ (ONES * 0x5c), 1)
            || below(w, 0x20)
        {
            break;
        }
        pos += 8;
    }
    while let Some(&b) = bytes.get(pos) {
        if b == b'"' || b == b'\\' || b < 0x20 {
            break;
        }
        pos += 1;
    }
    pos
}

fn bad_string() -> Error {
    Error::new("invalid string")
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match self.token()? {
            Token::Null => v.visit_unit(),
            Token::Bool(b) => v.visit_bool(b),
            Token::Str(Cow::Borrowed(s)) => v.visit_borrowed_str(s),
            Token::Str(Cow::Owned(s)) => v.visit_string(s),
            Token::Unsigned(n) => v.visit_u64(n),
            Token::Signed(n) => v.visit_i64(n),
            Token::List => v.visit_seq(Items {
                reader: self,
                first: true,
            }),
            Token::Map => v.visit_map(Items {
                reader: self,
                first: true,
            }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(
        self,
        v: V,
    ) -> Result<V::Value, Error> {
        if self.peek()? == b'n' {
            self.literal("null")?;
            v.visit_none()
        } else {
            v.visit_some(self)
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        // Unit variants only, written as strings.
        use de::IntoDeserializer;
        let name = self.string()?;
        v.visit_enum(name.as_ref().into_deserializer())
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(
        self,
        v: V,
    ) -> Result<V::Value, Error> {
        self.skip()?;
        v.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct identifier
    }
}

/// The members of an array or object being decoded.
struct Items<'r, 'de> {
    reader: &'r mut Reader<'de>,
    first: bool,
}

impl<'de> de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if !self.reader.next_item(self.first)? {
            return Ok(None);
        }
        self.first = false;
        seed.deserialize(&mut *self.reader).map(Some)
    }
}

impl<'de> de::MapAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if !self.reader.next_in(b'}', self.first)? {
            return Ok(None);
        }
        self.first = false;
        seed.deserialize(&mut *self.reader).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, Error> {
        self.reader.expect(b':')?;
        seed.deserialize(&mut *self.reader)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<String, Error> {
        Reader::new(text).string().map(Cow::into_owned)
    }

    #[test]
    fn unescapes_strings_as_json_parse_does() {
        assert_eq!(read(r#""plain""#).unwrap(), "plain");
        assert!(matches!(
            Reader::new(r#""a""#).string(),
            Ok(Cow::Borrowed(_))
        ));
        assert_eq!(read(r#""\u002Fok\n\"\\""#).unwrap(), "/ok\n\"\\");
        assert_eq!(read(r#""\ud83c\udfa8""#).unwrap(), "🎨");
        assert_eq!(read(r#""\u00e9日""#).unwrap(), "é日");
    }

    #[test]
    fn turns_lone_surrogates_into_the_replacement_character() {
        assert_eq!(read(r#""a\ud83cb""#).unwrap(), "a\u{FFFD}b");
        assert_eq!(read(r#""\udfa8""#).unwrap(), "\u{FFFD}");
        assert_eq!(read(r#""\ud83c\u0041""#).unwrap(), "\u{FFFD}A");
        assert_eq!(read(r#""\ud83c\ud83c\udfa8""#).unwrap(), "\u{FFFD}🎨");
    }

    #[test]
    fn refuses_what_json_parse_refuses() {
        for text in [r#""\x""#, r#""\u12""#, "\"a\nb\"", r#""open"#] {
            assert!(read(text).is_err(), "{text}");
        }
        for text in [
            "01",
            "1.",
            "-",
            "1e",
            ".5",
            "+1",
            "[1,]",
            "{,}",
            "tru",
            "[}",
            "{]",
            "[1 2]",
            r#"{"a" 1}"#,
            r#"{"a":1,}"#,
            "[[]",
            r#""\u12g4""#,
        ] {
            assert!(Reader::new(text).skip().is_err(), "{text}");
        }
        for ok in [
            r#"{"a":[1.5e-3,-0,true,null,{"b":"\ud800"}]} x"#,
            r#"{"a":[[],{},[{}]],"b":{"c":[1,{"d":[]}]}, "e" : "\"" } x"#,
        ] {
            let mut reader = Reader::new(ok);
            assert!(reader.skip().is_ok(), "{ok}");
            assert_eq!(reader.peek(), Ok(b'x'), "stops after the value");
        }
    }

    #[test]
    fn decodes_typed_messages_and_refuses_trailing_text() {
        let list: Vec<Option<String>> = from_str(r#"[ "a", null ]"#).unwrap();
        assert_eq!(list, [Some("a".to_owned()), None]);
        assert!(from_str::<Vec<String>>(r#"["a"] ["b"]"#).is_err());
        assert!(from_str::<String>("1.5").is_err());
    }
}
