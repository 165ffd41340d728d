// The live region: one per page, made when the content script starts so
// that screen readers already know it when it first speaks. Polite for
// progress and success, assertive for failures; each message replaces the
// last, so nothing is repeated or stacked.
//
// While our button is on the page the region docks under it, in the page's
// flow, and keeps its last message; it floats at the bottom of the window
// for a few seconds only where there is no button to dock under.

const STATUS_TAG = 'avatar-saver-status';
// How long a floating message stays on screen; screen readers have read it
// by then. A docked one covers nothing and stays until the next.
const STATUS_VISIBLE_MS = 10000;

/** Creates the live region and returns its handle. */
function createStatus() {
  const lang = chrome.i18n.getMessage('lang');
  const host = document.createElement(STATUS_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = globalThis.AVATAR_SAVER_CSS.status;
  const polite = document.createElement('p');
  polite.setAttribute('role', 'status');
  polite.setAttribute('aria-live', 'polite');
  polite.lang = lang;
  const urgent = document.createElement('p');
  urgent.setAttribute('role', 'alert');
  urgent.setAttribute('aria-live', 'assertive');
  urgent.lang = lang;
  root.append(style, polite, urgent);
  document.body.append(host);

  let timer;
  const clear = () => {
    clearTimeout(timer);
    polite.textContent = '';
    urgent.textContent = '';
  };
  // A message is moved only with the region: text moved along would not be
  // read again, and would describe another page.
  const moveTo = (parent, docked) => {
    clear();
    host.toggleAttribute('docked', docked);
    parent.append(host);
  };

  return {
    /** Says `text`; `failure` makes it assertive. */
    say(text, { failure = false } = {}) {
      clearTimeout(timer);
      (failure ? polite : urgent).textContent = '';
      (failure ? urgent : polite).textContent = text;
      if (!host.hasAttribute('docked')) {
        timer = setTimeout(clear, STATUS_VISIBLE_MS);
      }
    },
    /** Shows messages under `buttonHost` (whose shadow root slots them). */
    dock(buttonHost) {
      if (host.parentNode !== buttonHost) {
        moveTo(buttonHost, true);
      }
    },
    /** Back to floating at the end of the page: there is no button. */
    undock() {
      if (host.parentNode !== document.body) {
        moveTo(document.body, false);
      }
    },
    /** Says nothing any more; the next message is read afresh. */
    clear,
    /** Removes the region from the page. */
    remove() {
      clearTimeout(timer);
      host.remove();
    },
  };
}
