// The button beside the profile's name: a native <button> in an open shadow
// root, so that our styles and TikTok's cannot reach each other. It is
// placed after the header's title, so Tab reaches it in the header's order.

const BUTTON_TAG = 'avatar-saver-button';
const SVG_NS = 'http://www.w3.org/2000/svg';
// A tray with a downward arrow, drawn on a 24 px grid.
const ICON_PATH = 'M11 4h2v8.2l3.3-3.3 1.4 1.4-5.7 5.7-5.7-5.7 1.4-1.4' +
  'L11 12.2zM5 18h14v2H5z';

/** Creates the button (not yet on the page) and returns its handle. */
function createButton(pressed) {
  // The shadow root is open, so a page script can find this button and
  // call click(); only the person's own click, key or tap is trusted.
  // https://developer.mozilla.org/docs/Web/API/Event/isTrusted
  const onPress = (event) => {
    if (event.isTrusted) {
      pressed();
    }
  };
  const t = chrome.i18n.getMessage;
  const host = document.createElement(BUTTON_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = globalThis.AVATAR_SAVER_CSS.button;

  const button = document.createElement('button');
  button.type = 'button';
  button.append(icon(), document.createTextNode(t('button_text')));
  const hint = document.createElement('span');
  hint.id = 'hint';
  hint.className = 'hint';
  button.setAttribute('aria-describedby', hint.id);
  button.addEventListener('click', onPress);
  root.append(style, button, hint);

  return {
    /** Puts the button right after `anchor`, unless it is there already. */
    place(anchor) {
      if (anchor.nextElementSibling !== host) {
        anchor.after(host);
      }
    },
    /** Names the button for a profile, and the size it will save. */
    label({ handle, width, height, shortcut }) {
      const name = width && height
        ? t('button_label', [handle, String(width), String(height)])
        : t('button_label_unsized', [handle]);
      button.setAttribute('aria-label', name);
      hint.textContent = shortcut
        ? t('button_hint', [shortcut])
        : t('button_hint_unset');
    },
    /** Takes the button off the page. */
    remove() {
      host.remove();
    },
    get connected() {
      return host.isConnected;
    },
  };
}

/** The decorative download icon, hidden from assistive technology. */
function icon() {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', ICON_PATH);
  svg.append(path);
  return svg;
}
