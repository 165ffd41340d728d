//! The one error type of the core.
//!
//! Every variant is something the person can be told about: the worker turns
//! it into a JS `Error` whose `name` is [`Error::key`], and the content script
//! reads that key from `_locales` to speak a sentence in the person's
//! language. `Display` gives the short lower-case form for logs.

use std::fmt;

/// Why the core could not choose a picture to save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The tab is not on a profile page (`/@handle`).
    NotAProfile,
    /// TikTok says the account does not exist (status 10221, empty user).
    AccountNotFound,
    /// The profile exists but this page holds no data about it (status
    /// 10204/10231, a login wall or a challenge page).
    ProfileUnavailable,
    /// The page holds no usable avatar of this profile's owner.
    NoAvatar,
    /// The page sent more than the core accepts (bytes, depth or count).
    TooLarge(&'static str),
    /// A message did not have the agreed shape.
    BadMessage(String),
    /// The file-name pattern in the options cannot make a name.
    BadPattern(&'static str),
}

impl Error {
    /// The stable key of this error in `_locales/*/messages.json`.
    pub fn key(&self) -> &'static str {
        match self {
            Error::NotAProfile => "error_not_a_profile",
            Error::AccountNotFound => "error_account_not_found",
            Error::ProfileUnavailable => "error_profile_unavailable",
            Error::NoAvatar => "error_no_avatar",
            Error::TooLarge(_) => "error_too_large",
            Error::BadMessage(_) => "error_unreadable_page",
            Error::BadPattern(_) => "error_bad_pattern",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotAProfile => f.write_str("not a profile page"),
            Error::AccountNotFound => f.write_str("account does not exist"),
            Error::ProfileUnavailable => {
                f.write_str("profile data is not on this page")
            }
            Error::NoAvatar => f.write_str("no avatar of the owner found"),
            Error::TooLarge(what) => write!(f, "page facts too large: {what}"),
            Error::BadMessage(why) => write!(f, "malformed message: {why}"),
            Error::BadPattern(why) => write!(f, "bad file-name pattern: {why}"),
        }
    }
}

impl std::error::Error for Error {}

/// The core's result type.
pub type Result<T> = std::result::Result<T, Error>;
