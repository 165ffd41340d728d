// The button beside the profile's name: a native <button> in an open shadow
// root, so that our styles and TikTok's cannot reach each other. It is
// placed after the header's title, so Tab reaches it in the header's order.
// Its accessible name starts with its visible text (WCAG 2.5.3) and its
// description tells the keyboard shortcut; the status line docks under it.

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
  // The page's lang is TikTok's; ours is that of the messages we show, so
  // that a screen reader speaks them with the right voice (WCAG 3.1.2).
  button.lang = t('lang');
  button.append(icon(), document.createTextNode(t('button_text')));
  const hint = document.createElement('span');
  hint.id = 'hint';
  hint.className = 'hint';
  hint.lang = button.lang;
  button.setAttribute('aria-describedby', hint.id);
  button.addEventListener('click', onPress);
  // Whatever is docked here (the status line) shows under the button.
  const slot = document.createElement('slot');
  root.append(style, button, hint, slot);

  return {
    /** Puts the button right after `anchor`, unless it is there already. */
    place(anchor) {
      if (anchor.nextElementSibling === host) {
        return;
      }
      // Moving a node drops its focus; the person's focus stays where it
      // was, so give it back to the button without scrolling.
      const focused = root.activeElement === button;
      anchor.after(host);
      if (focused) {
        button.focus({ preventScroll: true });
      }
    },
    /** Names the button for a profile, and the size it will save. */
    label({ handle, width, height, shortcut }) {
      const name = width && height
        ? t('button_label', [handle, String(width), String(height)])
        : t('button_label_unsized', [handle]);
      button.setAttribute('aria-label', name);
      this.describe(shortcut);
    },
    /** Tells the keyboard shortcut, or how to set one, in the description. */
    describe(shortcut) {
      hint.textContent = shortcut
        ? t('button_hint', [shortcut])
        : t('button_hint_unset');
    },
    /** Names the button for no one, until the core says who is shown. */
    unlabel() {
      button.removeAttribute('aria-label');
    },
    /** Takes the button off the page. */
    remove() {
      host.remove();
    },
    get connected() {
      return host.isConnected;
    },
    /** The element on the page, for the status line to dock in. */
    get host() {
      return host;
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
