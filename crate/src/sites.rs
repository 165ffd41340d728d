//! Everything the core knows about TikTok's pages, in one place.
//!
//! TikTok has changed how a profile page carries its data several times, and
//! saved pages and slow rollouts keep every shape alive. Each entry below says
//! where the owner's user object and the page's status code live, and when
//! that shape was seen. Code elsewhere walks these tables; it never names a
//! TikTok key or selector itself.

/// One step of a JSON path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg {
    /// An object key, matched exactly.
    Key(&'static str),
    /// An object key equal to the profile's handle, ignoring ASCII case.
    Handle,
}

/// How the text of a `<script>` holds its JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// The whole text is one JSON document.
    Json,
    /// JavaScript that assigns the JSON object after this marker.
    Assignment(&'static str),
}

/// A `<script>` element that embeds the page state.
#[derive(Debug)]
pub struct StateScript {
    /// When TikTok served this shape.
    pub era: &'static str,
    /// The `id` attribute of the `<script>` element.
    pub id: &'static str,
    /// How the JSON is embedded in the script text.
    pub encoding: Encoding,
    /// Where the profile owner's user object is.
    pub user: &'static [Seg],
    /// Where the page's status code is (0 when all is well).
    pub status: &'static [Seg],
}

use Seg::{Handle, Key};

/// The `/@handle` page's embedded state, newest shape first.
pub const STATE_SCRIPTS: &[StateScript] = &[
    StateScript {
        era: "late 2023 to now (seen Nov 2025)",
        id: "__UNIVERSAL_DATA_FOR_REHYDRATION__",
        encoding: Encoding::Json,
        user: &[
            Key("__DEFAULT_SCOPE__"),
            Key("webapp.user-detail"),
            Key("userInfo"),
            Key("user"),
        ],
        status: &[
            Key("__DEFAULT_SCOPE__"),
            Key("webapp.user-detail"),
            Key("statusCode"),
        ],
    },
    StateScript {
        era: "2022 to 2023",
        id: "SIGI_STATE",
        encoding: Encoding::Json,
        user: &[Key("UserModule"), Key("users"), Handle],
        status: &[Key("UserPage"), Key("statusCode")],
    },
    StateScript {
        era: "late 2021 to 2022",
        id: "sigi-persisted-data",
        encoding: Encoding::Assignment("window['SIGI_STATE']="),
        user: &[Key("UserModule"), Key("users"), Handle],
        status: &[Key("UserPage"), Key("statusCode")],
    },
    StateScript {
        era: "2019 to 2021 (seen Jan 2021)",
        id: "__NEXT_DATA__",
        encoding: Encoding::Json,
        // `props.initialProps.$user` is the logged-in viewer: never read.
        user: &[Key("props"), Key("pageProps"), Key("userInfo"), Key("user")],
        status: &[Key("props"), Key("pageProps"), Key("statusCode")],
    },
];

/// A JSON response the page fetched for itself while navigating in-app.
#[derive(Debug)]
pub struct FetchedShape {
    /// Which API answers in this shape.
    pub era: &'static str,
    /// Where the user object is.
    pub user: &'static [Seg],
    /// Where the status code is.
    pub status: &'static [Seg],
}

/// The path of the web API the main-world observer listens to.
pub const DETAIL_API_PATH: &str = "/api/user/detail/";

/// Shapes of fetched user JSON, tried in order on each response.
pub const FETCHED_SHAPES: &[FetchedShape] = &[
    FetchedShape {
        era: "web API /api/user/detail/, 2022 to now",
        user: &[Key("userInfo"), Key("user")],
        status: &[Key("statusCode")],
    },
    // Read from the same channel as the web shape (the page's own detail
    // responses): the main-world script forwards nothing else.
    FetchedShape {
        era: "app API user objects (snake_case, url_list)",
        user: &[Key("user")],
        status: &[Key("status_code")],
    },
];

/// How an avatar field of a user object holds its URLs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldShape {
    /// A string URL.
    Url,
    /// `{ uri, url_list: [..], width, height }`; width and height are not
    /// the real size, so they are ignored.
    UrlList,
}

/// An avatar field of a user object, with the size TikTok serves under it
/// when the URL itself does not say.
#[derive(Debug)]
pub struct AvatarField {
    /// The JSON key.
    pub name: &'static str,
    /// The edge length in pixels this field has always carried.
    pub nominal: u32,
    /// How the URLs are held.
    pub shape: FieldShape,
}

/// Avatar fields of user objects in every shape above.
pub const AVATAR_FIELDS: &[AvatarField] = &[
    AvatarField {
        name: "avatarLarger",
        nominal: 1080,
        shape: FieldShape::Url,
    },
    AvatarField {
        name: "avatarMedium",
        nominal: 720,
        shape: FieldShape::Url,
    },
    AvatarField {
        name: "avatarThumb",
        nominal: 100,
        shape: FieldShape::Url,
    },
    AvatarField {
        name: "avatar_larger",
        nominal: 1080,
        shape: FieldShape::UrlList,
    },
    AvatarField {
        name: "avatar_medium",
        nominal: 720,
        shape: FieldShape::UrlList,
    },
    AvatarField {
        name: "avatar_300x300",
        nominal: 300,
        shape: FieldShape::UrlList,
    },
    AvatarField {
        name: "avatar_168x168",
        nominal: 168,
        shape: FieldShape::UrlList,
    },
    AvatarField {
        name: "avatar_thumb",
        nominal: 100,
        shape: FieldShape::UrlList,
    },
];

/// Keys that hold the user's handle, in the web and the app shapes.
pub const HANDLE_FIELDS: &[&str] = &["uniqueId", "unique_id"];
/// Keys that hold the display name.
pub const NICKNAME_FIELDS: &[&str] = &["nickname"];
/// Keys that hold the numeric user id.
pub const ID_FIELDS: &[&str] = &["id", "uid"];

/// Status codes meaning the account does not exist: 10221 since 2022;
/// 10202 in the `__NEXT_DATA__` era (scrapers of Dec 2020 called it
/// TikTok's "404" code).
pub const STATUS_NOT_FOUND: &[i64] = &[10221, 10202];
/// Status codes meaning the page holds no profile data (banned in the
/// viewer's region, login wall, rate limit); a reload may help.
pub const STATUS_UNAVAILABLE: &[i64] = &[10204, 10231];
// 10222 (a private account) is not listed: its avatar is still public.

/// The avatar object id TikTok uses for accounts without a picture.
pub const DEFAULT_AVATAR_ID: &str = "1594805258216454";

/// Host suffixes of TikTok's avatar CDN; hosts differ by the viewer's region.
/// Each needs at least one label before it.
pub const CDN_HOST_SUFFIXES: &[&str] =
    &[".tiktokcdn.com", ".tiktokcdn-eu.com", ".tiktokcdn-us.com"];

/// DOM places the content script reads, seen on the Nov 2025 page.
pub mod dom {
    /// The profile header's avatar image (not `.user-avatar`: those are the
    /// 32 px suggested accounts).
    pub const HEADER_AVATAR: &str = "[data-e2e=\"user-avatar\"] img";
    /// The profile header's handle.
    pub const HEADER_TITLE: &str = "h1[data-e2e=\"user-title\"]";
    /// The Open Graph image (the 720 variant), a last resort.
    pub const OG_IMAGE: &str = "meta[property=\"og:image\"]";
    /// Where the button goes: after the name block of the header.
    pub const ANCHOR: &str = "h1[data-e2e=\"user-title\"]";
}
