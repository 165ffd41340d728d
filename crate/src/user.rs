//! Reads a TikTok user object, in any of its shapes, into one form.

use crate::node::Node;

use crate::sites::{
    FieldShape, AVATAR_FIELDS, HANDLE_FIELDS, ID_FIELDS, NICKNAME_FIELDS,
};

/// How many URLs one `url_list` may contribute.
const MAX_URLS_PER_FIELD: usize = 4;

/// A user as the page describes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// The handle (`uniqueId`), as written.
    pub handle: String,
    /// The display name, if any.
    pub nickname: Option<String>,
    /// The numeric id, if any.
    pub id: Option<String>,
    /// Avatar URLs with the nominal size of the field they came from.
    pub avatars: Vec<(u32, String)>,
}

impl User {
    /// Reads a user object; `None` if it has no handle.
    pub fn read(value: &Node) -> Option<User> {
        let handle = first_text(value, HANDLE_FIELDS)?;
        if handle.is_empty() {
            return None;
        }
        let mut avatars = Vec::new();
        for field in AVATAR_FIELDS {
            let Some(held) = value.get(field.name) else {
                continue;
            };
            match field.shape {
                FieldShape::Url => {
                    if let Some(url) = held.as_str() {
                        avatars.push((field.nominal, url.to_owned()));
                    }
                }
                FieldShape::UrlList => {
                    let list = held.get("url_list").and_then(Node::as_list);
                    let urls = list.into_iter().flatten();
                    let urls = urls.filter_map(Node::as_str);
                    for url in urls.take(MAX_URLS_PER_FIELD) {
                        avatars.push((field.nominal, url.to_owned()));
                    }
                }
            }
        }
        Some(User {
            handle,
            nickname: first_text(value, NICKNAME_FIELDS),
            id: first_text(value, ID_FIELDS),
            avatars,
        })
    }

    /// Whether this is the profile with `handle` (TikTok handles compare
    /// without regard to ASCII case).
    pub fn is(&self, handle: &str) -> bool {
        self.handle.eq_ignore_ascii_case(handle)
    }
}

/// The first of `keys` holding a string or a number, as text.
fn first_text(value: &Node, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|key| match value.get(key)? {
        Node::Str(s) => Some(s.to_string()),
        Node::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::Reader;

    /// Reads the user object written in `text`.
    fn read(text: &str) -> Option<User> {
        let node = Node::read(&mut Reader::new(text)).expect("valid JSON");
        User::read(&node)
    }

    #[test]
    fn reads_the_web_shape() {
        let user = read(
            r#"{"id": "7", "uniqueId": "Me", "nickname": "N",
            "avatarLarger": "L", "avatarMedium": "M", "avatarThumb": "T"}"#,
        )
        .expect("has a handle");
        assert_eq!(user.handle, "Me");
        assert!(user.is("me"));
        assert_eq!(user.id.as_deref(), Some("7"));
        let want = [(1080, "L"), (720, "M"), (100, "T")];
        let want: Vec<_> =
            want.iter().map(|(n, u)| (*n, u.to_string())).collect();
        assert_eq!(user.avatars, want);
    }

    #[test]
    fn reads_the_app_shape_and_ignores_its_sizes() {
        let user = read(
            r#"{"uid": 7, "unique_id": "me",
            "avatar_300x300": {"uri": "x", "url_list": ["W", "J"],
                "width": 720, "height": 720},
            "avatar_thumb": {"url_list": [1, "T"]}}"#,
        )
        .expect("has a handle");
        assert_eq!(user.id.as_deref(), Some("7"));
        let want = [(300, "W"), (300, "J"), (100, "T")];
        let want: Vec<_> =
            want.iter().map(|(n, u)| (*n, u.to_string())).collect();
        assert_eq!(user.avatars, want);
    }

    #[test]
    fn needs_a_handle() {
        assert_eq!(read(r#"{"avatarLarger": "L"}"#), None);
        assert_eq!(read(r#"{"uniqueId": ""}"#), None);
        assert_eq!(read(r#""text""#), None);
    }
}
