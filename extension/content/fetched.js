// The user-detail responses the page fetched for itself, as handed over by
// content/main-world.js. The page can write the same event, so anything may
// arrive: only well-formed messages about the detail API are kept, a few
// and small enough that the core will read them beside the page's state.

const DETAIL_EVENT = 'avatar-saver:detail';
const DETAIL_REPLAY = 'avatar-saver:replay';
// The newest responses kept: enough for back and forward between the last
// few profiles; older ones describe pages long gone.
const FETCHED_KEPT = 4;

/**
 * Starts listening; `onAdded` is called after each response kept. Returns
 * the list of kept responses, newest first, as the core's facts want them.
 */
function collectFetched(onAdded, signal) {
  const { detailApiPath, maxFactBytes } = globalThis.AVATAR_SAVER;
  // The responses share the core's limit with the page's embedded state.
  const budget = Math.floor(maxFactBytes / 2);
  const kept = [];
  const encoder = new TextEncoder();

  /** `{url, text}` from an event, or `null` when it is not one of ours. */
  function read(event) {
    const detail = event instanceof CustomEvent ? event.detail : null;
    // UTF-8 is never shorter than UTF-16 code units: a cheap first bound.
    if (typeof detail !== 'string' || detail.length > maxFactBytes) {
      return null;
    }
    let message;
    try {
      message = JSON.parse(detail);
    } catch {
      return null;
    }
    const { url, text } = message ?? {};
    if (typeof url !== 'string' || typeof text !== 'string') {
      return null;
    }
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      return null;
    }
    const onApi = parsed.origin === location.origin &&
      parsed.pathname.startsWith(detailApiPath);
    const bytes = encoder.encode(url).length + encoder.encode(text).length;
    return onApi && bytes <= budget ? { url, text, bytes } : null;
  }

  function onDetail(event) {
    const fact = read(event);
    if (!fact) {
      return;
    }
    const same = kept.findIndex(
      (f) => f.url === fact.url && f.text === fact.text);
    if (same !== -1) {
      kept.splice(same, 1);
    }
    kept.unshift(fact);
    let total = 0;
    const within = kept.findIndex((f) => (total += f.bytes) > budget);
    kept.length = Math.min(kept.length, FETCHED_KEPT,
      within === -1 ? kept.length : within);
    onAdded();
  }

  document.addEventListener(DETAIL_EVENT, onDetail, { signal });

  return {
    /** Asks for the responses that came before this script started. */
    catchUp() {
      document.dispatchEvent(new CustomEvent(DETAIL_REPLAY));
    },
    /** The kept responses, newest first, without their byte counts. */
    list() {
      return kept.map(({ url, text }) => ({ url, text }));
    },
  };
}
