//! The decision: which pictures of the profile's owner, best first.
//!
//! Owner first: a URL counts only when the page ties it to the handle in the
//! address bar (a user object with that `uniqueId`, or the header image under
//! a title with that handle). Then largest first, the preferred format first
//! among equals, and links whose signature has expired last: an expired link
//! is still worth one try, and the download tells. `og:image` names no user,
//! so it is used only when nothing else is left and the page's own data say
//! the page is this owner's.

use std::cmp::Reverse;

use crate::cdn::CdnUrl;
use crate::error::{Error, Result};
use crate::facts::{PageFacts, MAX_CANDIDATES};
use crate::node::Node;
use crate::profile::handle_of;
use crate::sites::{
    Encoding, DEFAULT_AVATAR_ID, FETCHED_SHAPES, STATE_SCRIPTS,
    STATUS_NOT_FOUND, STATUS_UNAVAILABLE,
};
use crate::user::User;
use crate::variant::{avatar_id_of, format_of, size_of, Format};
use crate::walk;

/// Where a candidate came from, most trusted first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// A user-detail response the page fetched for itself.
    Fetched,
    /// The state embedded in the page when it loaded.
    State,
    /// The profile header's image.
    Header,
    /// The page's `og:image`.
    OgImage,
}

/// One picture that could be saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The URL, exactly as the page gave it.
    pub url: String,
    /// Edge lengths in pixels, when the URL or its field says.
    pub size: Option<(u32, u32)>,
    /// The format the path names.
    pub format: Format,
    /// The picture's object id, if the path has one.
    pub avatar_id: Option<String>,
    /// Whether the signed link's `x-expires` is in the past.
    pub expired: bool,
    /// Where it was found.
    pub source: Source,
}

/// The owner's pictures, best first, and what is known about the owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The handle, as the page's data writes it (the address bar's when
    /// the page has no user data).
    pub handle: String,
    /// The display name, if known.
    pub nickname: Option<String>,
    /// The numeric user id, if known.
    pub user_id: Option<String>,
    /// At least one picture, best first.
    pub candidates: Vec<Candidate>,
}

impl Choice {
    /// Whether the best picture is TikTok's default avatar.
    pub fn is_default_avatar(&self) -> bool {
        let first = self.candidates.first();
        first.and_then(|c| c.avatar_id.as_deref()) == Some(DEFAULT_AVATAR_ID)
    }
}

/// What one page says about the profile in the address bar.
#[derive(Default)]
struct Findings {
    owner: Option<(Source, User)>,
    /// Status codes of page data about this profile.
    statuses: Vec<i64>,
    /// Page data about this profile held an empty user holder
    /// (`userInfo: {}`).
    empty_user: bool,
    /// The embedded state described some other user, or could not be
    /// read: either way the page held something, not nothing.
    something_else: bool,
    urls: Vec<(Source, Option<u32>, String)>,
}

/// Picks the owner's pictures from the page facts. `now` is Unix seconds;
/// `prefer` is the format to take first when two share a size.
pub fn choose(facts: &PageFacts, now: u64, prefer: Format) -> Result<Choice> {
    let handle = handle_of(&facts.url).ok_or(Error::NotAProfile)?;
    let mut found = Findings::default();
    read_fetched(facts, &handle, &mut found);
    // After in-app navigation the embedded state, the `og:image` and their
    // status describe the first page the tab loaded: never this profile.
    let same_document = match &facts.document_url {
        Some(first) => {
            handle_of(first).is_some_and(|h| h.eq_ignore_ascii_case(&handle))
        }
        None => true,
    };
    if same_document {
        read_state(facts, &handle, &mut found)?;
    }
    let header_is_owner = read_header(facts, &handle, &mut found)?;

    let bad_status =
        |codes: &[i64]| found.statuses.iter().any(|code| codes.contains(code));
    let not_found = bad_status(STATUS_NOT_FOUND);
    let unavailable = bad_status(STATUS_UNAVAILABLE);
    let owner_known = found.owner.is_some() || header_is_owner;

    let mut candidates = rank(&found.urls, now, prefer)?;
    // `og:image` is a last resort: TikTok sends one on every page, even a
    // default picture on a not-found page, and it names no user. It counts
    // only when this document's data or header say the page is this
    // owner's and no status says otherwise.
    let og_trusted = same_document && owner_known && !not_found && !unavailable;
    if candidates.is_empty() && og_trusted {
        if let Some(og) = &facts.og_image {
            candidates =
                rank(&[(Source::OgImage, None, og.clone())], now, prefer)?;
        }
    }
    if candidates.is_empty() {
        if found.owner.is_none() && not_found {
            return Err(Error::AccountNotFound);
        }
        if unavailable {
            return Err(Error::ProfileUnavailable);
        }
        if found.owner.is_none() && found.empty_user {
            return Err(Error::AccountNotFound);
        }
        if same_document && says_nothing(facts, &found) {
            // A login wall or a challenge: TikTok sent no profile at all.
            return Err(Error::ProfileUnavailable);
        }
        return Err(Error::NoAvatar);
    }
    candidates.truncate(MAX_KEPT);
    let (handle, nickname, user_id) = match found.owner {
        Some((_, user)) => (user.handle, user.nickname, user.id),
        None => (handle, None, None),
    };
    Ok(Choice {
        handle,
        nickname,
        user_id,
        candidates,
    })
}

/// Whether the page holds nothing about any user: no user or status in
/// its state, no header, no fetched data. A profile page like that is a
/// login wall or a challenge, not a profile without a picture.
fn says_nothing(facts: &PageFacts, found: &Findings) -> bool {
    found.owner.is_none()
        && found.statuses.is_empty()
        && !found.empty_user
        && !found.something_else
        && facts.header.is_none()
        && facts.fetched.is_empty()
}

/// How many candidates a choice keeps: enough to fall back through every
/// size after refusals, few enough to bound the downloads one press makes.
const MAX_KEPT: usize = 8;

/// Reads the user-detail responses the page fetched, newest first.
fn read_fetched(facts: &PageFacts, handle: &str, found: &mut Findings) {
    for fetched in &facts.fetched {
        let asked_here = asked_about(&fetched.url, handle);
        for shape in FETCHED_SHAPES {
            let paths = [shape.user, shape.status];
            // A response that is not JSON tells nothing: skip it.
            let Ok(values) = walk::find(&fetched.text, &paths, handle) else {
                break;
            };
            let user = values[0].as_ref().and_then(User::read);
            let is_owner = user.as_ref().is_some_and(|u| u.is(handle));
            if let Some(code) = values[1].as_ref().and_then(Node::as_i64) {
                if is_owner || asked_here {
                    found.statuses.push(code);
                }
            }
            if let Some(user) = user.filter(|_| is_owner) {
                add_owner(found, Source::Fetched, user);
            }
        }
    }
}

/// Whether an API request URL asks about `handle` (`uniqueId=` in its
/// query).
fn asked_about(url: &str, handle: &str) -> bool {
    let query = url.split_once('?').map_or("", |(_, q)| q);
    query.split('&').any(|pair| {
        pair.strip_prefix("uniqueId=")
            .is_some_and(|v| v.eq_ignore_ascii_case(handle))
    })
}

/// Reads the embedded state scripts, in the order of the site table.
fn read_state(
    facts: &PageFacts,
    handle: &str,
    found: &mut Findings,
) -> Result<()> {
    for script in STATE_SCRIPTS {
        let Some(fact) = facts.scripts.iter().find(|s| s.id == script.id)
        else {
            continue;
        };
        let text = match script.encoding {
            Encoding::Json => Some(fact.text.as_str()),
            Encoding::Assignment(marker) => fact
                .text
                .find(marker)
                .map(|at| &fact.text[at + marker.len()..]),
        };
        let Some(text) = text else { continue };
        // The object that holds the user (`userInfo`, SIGI's `users`).
        let holder = &script.user[..script.user.len().saturating_sub(1)];
        let paths = [script.user, script.status, holder];
        let values = match walk::find(text, &paths, handle) {
            Ok(values) => values,
            Err(walk::WalkError::TooDeep) => {
                return Err(Error::TooLarge("JSON nested too deeply"));
            }
            // A broken script still leaves the header to read.
            Err(_) => {
                found.something_else = true;
                continue;
            }
        };
        let code = values[1].as_ref().and_then(Node::as_i64);
        let user = values[0].as_ref().and_then(User::read);
        // State about another user (left from an earlier page when the
        // document URL is unknown) says nothing about this profile.
        if user.as_ref().is_some_and(|u| !u.is(handle)) {
            found.something_else = true;
            continue;
        }
        if let Some(code) = code {
            found.statuses.push(code);
            // Only an empty holder means "no such user": a holder with
            // other keys may be a shape we have not seen, not a verdict.
            // Without a status it may be a store's default on a login
            // wall: TikTok has not said the account is missing.
            let holder = values[2].as_ref();
            if user.is_none() && holder.is_some_and(Node::holds_nothing) {
                found.empty_user = true;
            }
        }
        if let Some(user) = user {
            add_owner(found, Source::State, user);
        }
    }
    Ok(())
}

/// Keeps a user's avatars and, for the first owner found, who they are.
fn add_owner(found: &mut Findings, source: Source, user: User) {
    for (nominal, url) in &user.avatars {
        push_url(found, source, Some(*nominal), url);
    }
    if found.owner.is_none() {
        found.owner = Some((source, user));
    }
}

/// Reads the header image when its title names this profile; returns
/// whether it does.
fn read_header(
    facts: &PageFacts,
    handle: &str,
    found: &mut Findings,
) -> Result<bool> {
    let Some(header) = &facts.header else {
        return Ok(false);
    };
    let title = header.title.as_deref().unwrap_or("").trim();
    let title = title.strip_prefix('@').unwrap_or(title);
    if !title.eq_ignore_ascii_case(handle) {
        return Ok(false);
    }
    if let Some(src) = &header.src {
        push_url(found, Source::Header, None, src);
    }
    if let Some(srcset) = &header.srcset {
        for url in srcset_urls(srcset) {
            if found.urls.len() > MAX_CANDIDATES {
                return Err(Error::TooLarge("too many candidate pictures"));
            }
            push_url(found, Source::Header, None, url);
        }
    }
    Ok(true)
}

/// Notes a URL once: the same link reached through several sources (the
/// state, the header, repeated fetches) is one candidate, from the most
/// trusted source that named it first.
fn push_url(
    found: &mut Findings,
    source: Source,
    nominal: Option<u32>,
    url: &str,
) {
    if !found.urls.iter().any(|(_, _, seen)| seen == url) {
        found.urls.push((source, nominal, url.to_owned()));
    }
}

/// The URLs of a `srcset` attribute (descriptors are ignored: the URL
/// spells the size).
fn srcset_urls(srcset: &str) -> impl Iterator<Item = &str> {
    srcset
        .split(',')
        .filter_map(|item| item.split_whitespace().next())
}

/// Keeps the allowed URLs and orders them best first.
fn rank(
    urls: &[(Source, Option<u32>, String)],
    now: u64,
    prefer: Format,
) -> Result<Vec<Candidate>> {
    if urls.len() > MAX_CANDIDATES {
        return Err(Error::TooLarge("too many candidate pictures"));
    }
    let mut out: Vec<Candidate> = Vec::new();
    for (source, nominal, raw) in urls {
        let Some(url) = CdnUrl::parse(raw) else {
            continue;
        };
        let size = size_of(&url).or(nominal.map(|n| (n, n)));
        out.push(Candidate {
            size,
            format: format_of(&url),
            avatar_id: avatar_id_of(&url).map(str::to_owned),
            expired: url.expires().is_some_and(|at| at < now),
            source: *source,
            url: raw.clone(),
        });
    }
    out.sort_by_key(|c| {
        let area = c.size.map_or(0, |(w, h)| u64::from(w) * u64::from(h));
        (
            c.expired,
            Reverse(area),
            c.format != prefer,
            c.format == Format::Unknown,
            c.source,
        )
    });
    Ok(out)
}
