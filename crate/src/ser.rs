//! Writes the core's serde-derived replies as JSON text, for `JSON.parse`
//! on the JS side and for the metadata file.
//!
//! It writes what our types hold (structs, lists, strings, whole numbers,
//! booleans, nulls) and refuses the rest, floats first: their formatting
//! alone would be a fifth of the `.wasm`.

use std::fmt::Write;

use serde::ser::{self, Impossible, Serialize};

use crate::json::Error;

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Error {
        Error {
            why: msg.to_string(),
            too_deep: false,
        }
    }
}

/// The JSON text of `value` on one line.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    write(value, false)
}

/// The JSON text of `value`, indented by two spaces as `serde_json` and
/// `JSON.stringify(v, null, 2)` do.
pub fn to_string_pretty<T: Serialize + ?Sized>(
    value: &T,
) -> Result<String, Error> {
    write(value, true)
}

fn write<T: Serialize + ?Sized>(
    value: &T,
    pretty: bool,
) -> Result<String, Error> {
    let mut writer = Writer {
        out: String::new(),
        pretty,
        depth: 0,
    };
    value.serialize(&mut writer)?;
    Ok(writer.out)
}

/// The text written so far.
struct Writer {
    out: String,
    pretty: bool,
    depth: usize,
}

impl Writer {
    /// Starts a line at the current depth, when pretty.
    fn line(&mut self) {
        if self.pretty {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str("  ");
            }
        }
    }

    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.depth += 1;
    }

    fn close(&mut self, bracket: char, empty: bool) {
        self.depth -= 1;
        if !empty {
            self.line();
        }
        self.out.push(bracket);
    }

    /// Writes `text` as a JSON string, escaped as `JSON.stringify` does.
    fn string(&mut self, text: &str) {
        self.out.push('"');
        for c in text.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                '\0'..='\u{1f}' => {
                    let _ = write!(self.out, "\\u{:04x}", c as u32);
                }
                _ => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    fn number(&mut self, n: impl std::fmt::Display) {
        let _ = write!(self.out, "{n}");
    }
}

/// Refuses a kind of value our replies never hold.
fn unsupported<T>() -> Result<T, Error> {
    Err(ser::Error::custom("unsupported value"))
}

/// A list or struct being written.
struct Members<'w> {
    writer: &'w mut Writer,
    first: bool,
}

impl Members<'_> {
    fn separate(&mut self) {
        if !self.first {
            self.writer.out.push(',');
        }
        self.first = false;
        self.writer.line();
    }
}

impl<'w> ser::Serializer for &'w mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Members<'w>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Members<'w>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }

    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }

    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }

    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.number(v);
        Ok(())
    }

    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }

    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }

    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }

    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.number(v);
        Ok(())
    }

    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        unsupported()
    }

    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        unsupported()
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v);
        Ok(())
    }

    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        unsupported()
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Error> {
        v.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.out.push_str("null");
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        v.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        unsupported()
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Members<'w>, Error> {
        self.open('[');
        Ok(Members {
            writer: self,
            first: true,
        })
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        unsupported()
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        unsupported()
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        unsupported()
    }

    fn serialize_map(
        self,
        _: Option<usize>,
    ) -> Result<Self::SerializeMap, Error> {
        unsupported()
    }

    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Members<'w>, Error> {
        self.open('{');
        Ok(Members {
            writer: self,
            first: true,
        })
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        unsupported()
    }
}

impl ser::SerializeSeq for Members<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(
        &mut self,
        v: &T,
    ) -> Result<(), Error> {
        self.separate();
        v.serialize(&mut *self.writer)
    }

    fn end(self) -> Result<(), Error> {
        self.writer.close(']', self.first);
        Ok(())
    }
}

impl ser::SerializeStruct for Members<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.separate();
        self.writer.string(key);
        self.writer.out.push(':');
        if self.writer.pretty {
            self.writer.out.push(' ');
        }
        v.serialize(&mut *self.writer)
    }

    fn end(self) -> Result<(), Error> {
        self.writer.close('}', self.first);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Sample<'a> {
        text: &'a str,
        size: Option<u32>,
        none: Option<u32>,
        list: Vec<i32>,
        empty: Vec<i32>,
        flag: bool,
    }

    const SAMPLE: Sample = Sample {
        text: "a\"\\\n\u{1}é🎨/",
        size: Some(1080),
        none: None,
        list: Vec::new(),
        empty: Vec::new(),
        flag: true,
    };

    #[test]
    fn writes_what_json_parse_reads_back() {
        let sample = Sample {
            list: vec![-1, 2],
            ..SAMPLE
        };
        let text = to_string(&sample).unwrap();
        assert_eq!(
            text,
            concat!(
                r#"{"text":"a\"\\\n\u0001é🎨/","size":1080,"none":null,"#,
                r#""list":[-1,2],"empty":[],"flag":true}"#
            )
        );
    }

    #[test]
    fn indents_like_json_stringify() {
        let sample = Sample {
            text: "x",
            list: vec![1],
            ..SAMPLE
        };
        let want = "{\n  \"text\": \"x\",\n  \"size\": 1080,\n  \
            \"none\": null,\n  \"list\": [\n    1\n  ],\n  \"empty\": [],\n  \
            \"flag\": true\n}";
        assert_eq!(to_string_pretty(&sample).unwrap(), want);
    }

    #[test]
    fn refuses_floats() {
        assert!(to_string(&1.5f64).is_err());
    }
}
