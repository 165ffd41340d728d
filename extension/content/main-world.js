// Runs in the page's own JavaScript world, before any of TikTok's scripts,
// and only watches: when the page itself receives a user-detail response
// (by fetch or XMLHttpRequest), it hands a copy of the JSON text to our
// content script, which cannot see the page's network traffic. The page
// keeps the very same promise, response object, timing and errors; every
// other request passes straight through after one substring test.
//
// Nothing here is trusted: the page can write the same event, so the
// content script validates it (content/fetched.js) and the core treats the
// text like any other page data.

(() => {
  // The core's DETAIL_API_PATH (crate/src/sites.rs); navigation.test.mjs
  // checks that the two agree. This world cannot read protocol.js without
  // putting our names on the page's window.
  const DETAIL_PATH = '/api/user/detail/';
  const EVENT = 'avatar-saver:detail';
  const REPLAY = 'avatar-saver:replay';
  // Sent again when a content script starts late (after an update).
  const KEEP = 4;

  // The page may replace any of these later; ours stay the originals.
  const nativeFetch = globalThis.fetch;
  const nativeOpen = XMLHttpRequest.prototype.open;
  const { apply } = Reflect;
  const { stringify } = JSON;
  const clone = Response.prototype.clone;
  const readText = Response.prototype.text;
  const dispatch = EventTarget.prototype.dispatchEvent;
  const listen = EventTarget.prototype.addEventListener;
  const NativeEvent = CustomEvent;
  const NativeUrl = URL;
  const NativeRequest = Request;
  const NativeResponse = Response;
  const recent = [];

  /** The absolute URL if `raw` is a string or URL for the detail API. */
  function detailUrl(raw) {
    let text;
    if (typeof raw === 'string') {
      text = raw;
    } else if (raw instanceof NativeUrl) {
      text = raw.href;
    } else if (raw instanceof NativeRequest) {
      text = raw.url;
    } else {
      // Other objects are stringified by fetch; doing it twice could be
      // noticed, and TikTok passes strings.
      return null;
    }
    if (!text.includes(DETAIL_PATH)) {
      return null; // The cheap test every other request pays.
    }
    try {
      const url = new NativeUrl(text, document.baseURI);
      return url.pathname.startsWith(DETAIL_PATH) ? url.href : null;
    } catch {
      return null;
    }
  }

  /** Hands a response's text to the content script. */
  function forward(url, text) {
    const detail = stringify({ url, text });
    recent.unshift(detail);
    recent.length = Math.min(recent.length, KEEP);
    apply(dispatch, document, [new NativeEvent(EVENT, { detail })]);
  }

  // Same function name and length as the native one, so a page that
  // inspects or wraps fetch sees what it expects.
  function fetch(input) {
    const promise = apply(nativeFetch, this, arguments);
    const url = detailUrl(input);
    if (url !== null) {
      // Our reaction is registered first, so the copy is taken before the
      // page can start reading the body; the page's promise is untouched.
      promise.then((response) => {
        if (!(response instanceof NativeResponse)) {
          return;
        }
        apply(readText, apply(clone, response, []), [])
          .then((text) => forward(response.url || url, text), () => {});
      }).catch(() => {});
    }
    return promise;
  }

  // Only requests to the detail API get a listener; the page's own
  // listeners and handlers run as before.
  const watched = new WeakSet();
  function open(method, url) {
    const result = apply(nativeOpen, this, arguments);
    const wanted = detailUrl(url);
    if (wanted !== null && !watched.has(this)) {
      watched.add(this);
      apply(listen, this, ['load', onXhrLoad]);
    }
    return result;
  }

  /** Reads a finished detail request, in whichever type the page chose. */
  function onXhrLoad() {
    const url = detailUrl(this.responseURL);
    if (url === null) {
      return;
    }
    if (this.responseType === '' || this.responseType === 'text') {
      forward(url, this.responseText);
    } else if (this.responseType === 'json' && this.response !== null) {
      // The parsed object is cached, so the page gets the same one.
      forward(url, stringify(this.response));
    }
  }

  /** A content script that started late asks for what it missed. */
  function onReplay() {
    for (const detail of recent.slice().reverse()) {
      apply(dispatch, document, [new NativeEvent(EVENT, { detail })]);
    }
  }

  globalThis.fetch = fetch;
  XMLHttpRequest.prototype.open = open;
  apply(listen, document, [REPLAY, onReplay]);
})();
