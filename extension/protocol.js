// Generated from crate/src/protocol.rs by `BLESS=1 cargo test`: do not edit.
// Names the content script and the worker share with the Rust core.
globalThis.AVATAR_SAVER = Object.freeze({
  request: Object.freeze({ inspect: "inspect", save: "save" }),
  reply: Object.freeze({
    inspected: "inspected",
    saved: "saved",
    failed: "failed",
    busy: "busy",
  }),
  trigger: Object.freeze({ saveShown: "saveShown" }),
  stateScriptIds: Object.freeze([
    "__UNIVERSAL_DATA_FOR_REHYDRATION__",
    "SIGI_STATE",
    "sigi-persisted-data",
    "__NEXT_DATA__",
  ]),
  selectors: Object.freeze({
    headerAvatar: "[data-e2e=\"user-avatar\"] img",
    headerTitle: "h1[data-e2e=\"user-title\"]",
    ogImage: "meta[property=\"og:image\"]",
    anchor: "h1[data-e2e=\"user-title\"]",
  }),
  detailApiPath: "/api/user/detail/",
  maxFactBytes: 8388608,
});
