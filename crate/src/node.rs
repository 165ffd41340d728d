//! A small JSON value kept from the page: what `walk.rs` builds at the ends
//! of its paths (a user object, a status code), and nothing larger.

use std::borrow::Cow;

use crate::json::{Error, Reader};

/// One JSON value, borrowing from the text where it can. Numbers stay as
/// written: the core only ever compares them or copies them into names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as its text.
    Number(&'a str),
    /// A string.
    Str(Cow<'a, str>),
    /// An array.
    List(Vec<Node<'a>>),
    /// An object's members in document order, repeats included.
    Map(Vec<(Cow<'a, str>, Node<'a>)>),
}

impl<'a> Node<'a> {
    /// Reads the value at the reader's position.
    pub fn read(reader: &mut Reader<'a>) -> Result<Node<'a>, Error> {
        Ok(match reader.peek()? {
            b'"' => Node::Str(reader.string()?),
            b'[' => {
                reader.begin_list()?;
                let mut items = Vec::new();
                while reader.next_item(items.is_empty())? {
                    items.push(Node::read(reader)?);
                }
                Node::List(items)
            }
            b'{' => {
                reader.begin_map()?;
                let mut members = Vec::new();
                while let Some(key) = reader.next_key(members.is_empty())? {
                    members.push((key, Node::read(reader)?));
                }
                Node::Map(members)
            }
            b't' | b'f' | b'n' => {
                let at = reader.peek()?;
                reader.skip()?;
                match at {
                    b'n' => Node::Null,
                    b => Node::Bool(b == b't'),
                }
            }
            _ => Node::Number(reader.number()?),
        })
    }

    /// The member `key` of an object; where a key repeats, the last one,
    /// as in `JSON.parse`.
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        self.find(|k| k == key)
    }

    /// The last member whose key passes `test`.
    pub fn find(&self, test: impl Fn(&str) -> bool) -> Option<&Node<'a>> {
        match self {
            Node::Map(members) => {
                members.iter().rev().find(|(k, _)| test(k)).map(|(_, v)| v)
            }
            _ => None,
        }
    }

    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Node::Str(s) => Some(s),
            _ => None,
        }
    }

    /// A whole number that fits an `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Node::Number(text) => text.parse().ok(),
            _ => None,
        }
    }

    /// The items of an array.
    pub fn as_list(&self) -> Option<&[Node<'a>]> {
        match self {
            Node::List(items) => Some(items),
            _ => None,
        }
    }

    /// Whether this is `null`, `{}` or `[]`.
    pub fn holds_nothing(&self) -> bool {
        match self {
            Node::Null => true,
            Node::Map(members) => members.is_empty(),
            Node::List(items) => items.is_empty(),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(text: &str) -> Node<'_> {
        Node::read(&mut Reader::new(text)).expect("valid JSON")
    }

    #[test]
    fn reads_values_and_keeps_the_last_repeat() {
        let value = node(r#"{"a":1,"b":[true,null,"x"],"a":-2}"#);
        assert_eq!(value.get("a").and_then(Node::as_i64), Some(-2));
        let list = value.get("b").and_then(Node::as_list).unwrap();
        assert_eq!(list[0], Node::Bool(true));
        assert!(list[1].holds_nothing());
        assert_eq!(list[2].as_str(), Some("x"));
        assert_eq!(node("1.5").as_i64(), None);
        assert!(node("{}").holds_nothing() && node("[]").holds_nothing());
    }
}
