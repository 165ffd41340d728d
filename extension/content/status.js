// The live region: one per page, made when the content script starts so
// that screen readers already know it when it first speaks. Polite for
// progress and success, assertive for failures; each message replaces the
// last, so nothing is repeated or stacked.

const STATUS_TAG = 'avatar-saver-status';
// How long a message stays on screen; screen readers have read it by then.
const STATUS_VISIBLE_MS = 10000;

/** Creates the live region and returns its handle. */
function createStatus() {
  const host = document.createElement(STATUS_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = globalThis.AVATAR_SAVER_CSS.status;
  const polite = document.createElement('p');
  polite.setAttribute('role', 'status');
  polite.setAttribute('aria-live', 'polite');
  const urgent = document.createElement('p');
  urgent.setAttribute('role', 'alert');
  urgent.setAttribute('aria-live', 'assertive');
  root.append(style, polite, urgent);
  document.body.append(host);

  let timer;
  return {
    /** Says `text`; `failure` makes it assertive. */
    say(text, { failure = false } = {}) {
      clearTimeout(timer);
      (failure ? polite : urgent).textContent = '';
      (failure ? urgent : polite).textContent = text;
      timer = setTimeout(() => {
        polite.textContent = '';
        urgent.textContent = '';
      }, STATUS_VISIBLE_MS);
    },
    /** Removes the region from the page. */
    remove() {
      clearTimeout(timer);
      host.remove();
    },
  };
}
