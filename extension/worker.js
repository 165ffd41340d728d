// The service worker: receives requests from the content script, asks the
// Rust core (WebAssembly) what to save, and saves it with the downloads API.
// The core runs here and not in the content script because a page's CSP
// governs WebAssembly in content scripts, and TikTok's CSP is not ours.

import './protocol.js';
import init, { plan } from './core/avatar_saver.js';
import { saveFirstThatWorks } from './downloads.js';
import { debug } from './debug.js';

const { request, reply, trigger } = globalThis.AVATAR_SAVER;
const COMMAND = 'save-avatar';
const PAGE_ORIGIN = 'https://www.tiktok.com';

// Listeners must be registered synchronously at start-up, so the core is
// instantiated lazily and every handler awaits it.
// https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/events
const core = init({
  module_or_path: chrome.runtime.getURL('core/avatar_saver_bg.wasm'),
});

const encoder = new TextEncoder();
// TikTok's state is about 250 KB, 750 KB at 3 bytes a unit; a buffer for
// a larger page is not kept.
const UTF8_KEPT = 4 << 20;
let utf8Buffer = new Uint8Array(0);

// Tabs with a save under way: one save per request of the person.
const saving = new Set();

chrome.runtime.onMessage.addListener((message, sender, respond) => {
  if (!fromOurContentScript(sender)) {
    return false;
  }
  // Whatever goes wrong, the content script gets an answer to speak.
  answer(message, sender.tab.id)
    .catch(failed)
    .then(respond);
  return true; // The answer comes asynchronously.
});

chrome.commands.onCommand.addListener((command, tab) => {
  if (command === COMMAND) {
    saveShown(tab);
  }
});

chrome.action.onClicked.addListener(saveShown);

/**
 * Accepts messages only from this extension's content script in the top
 * frame of a TikTok tab; pages and other extensions cannot reach us.
 */
function fromOurContentScript(sender) {
  return (
    sender.id === chrome.runtime.id &&
    sender.tab?.id !== undefined &&
    sender.frameId === 0 &&
    sender.origin === PAGE_ORIGIN
  );
}

/** Answers one request of the content script. */
async function answer(message, tabId) {
  let planned;
  try {
    await core;
    const options = JSON.stringify(await loadOptions());
    const [small, texts] = apart(message);
    planned = JSON.parse(plan(small, texts, options, Date.now()));
  } catch (error) {
    if (message?.type === request.inspect) {
      // The button names no one, but its description tells the shortcut.
      return { ...failed(error), shortcut: await shortcut() };
    }
    return failed(error);
  }
  const first = planned.plan.downloads[0];
  if (planned.request === request.inspect) {
    return {
      type: reply.inspected,
      handle: planned.plan.handle,
      width: first.width,
      height: first.height,
      shortcut: await shortcut(),
    };
  }
  if (saving.has(tabId)) {
    return { type: reply.busy };
  }
  saving.add(tabId);
  try {
    return await saveFirstThatWorks(planned.plan);
  } finally {
    saving.delete(tabId);
  }
}

/**
 * The request as the core takes it: JSON with the texts of the state
 * scripts and fetched responses emptied, and those texts apart as UTF-8,
 * scripts first. The ~250 KB state script is then neither escaped here
 * nor unescaped in the core (crate/src/parts.rs), and crosses into it in
 * one copy (crate/src/wasm.rs). Whatever is not a string stays where it
 * was, for the core to refuse.
 */
function apart(message) {
  const strings = [];
  const empty = (pieces) => !Array.isArray(pieces) ? pieces : pieces.map(
    (piece) => {
      if (typeof piece?.text !== 'string') {
        return piece;
      }
      strings.push(piece.text);
      return { ...piece, text: '' };
    });
  const facts = message?.facts;
  if (typeof facts !== 'object' || facts === null) {
    return [JSON.stringify(message), []];
  }
  const scripts = empty(facts.scripts);
  const fetched = empty(facts.fetched);
  const small = { ...message, facts: { ...facts, scripts, fetched } };
  return [JSON.stringify(small), utf8(strings)];
}

/**
 * Each string's UTF-8, as views into one buffer that is kept for the next
 * request (up to UTF8_KEPT bytes): `encodeInto` then allocates nothing,
 * and the core copies the views before anything can write them again.
 */
function utf8(strings) {
  // encodeInto writes at most 3 bytes for each UTF-16 code unit.
  const need = strings.reduce((sum, text) => sum + 3 * text.length, 0);
  let buffer = utf8Buffer;
  if (buffer.length < need) {
    buffer = new Uint8Array(need);
    if (need <= UTF8_KEPT) {
      utf8Buffer = buffer;
    }
  }
  let at = 0;
  return strings.map((text) => {
    const { written } = encoder.encodeInto(text, buffer.subarray(at));
    at += written;
    return buffer.subarray(at - written, at);
  });
}

/** Turns an error of the core into a reply naming the sentence to show. */
function failed(error) {
  const known = typeof error?.name === 'string' &&
    error.name.startsWith('error_');
  debug('request failed:', error);
  return { type: reply.failed, key: known ? error.name : 'error_internal' };
}

/**
 * The person's options as the options page stored them, read on every
 * request so that a change applies to the next save; the core fills in
 * defaults for what was never set.
 * https://developer.chrome.com/docs/extensions/reference/api/storage
 */
async function loadOptions() {
  return chrome.storage.sync.get(null);
}

/** The key combination bound to our command, or '' if none. */
async function shortcut() {
  const commands = await chrome.commands.getAll();
  return commands.find((c) => c.name === COMMAND)?.shortcut ?? '';
}

/**
 * The shortcut or the toolbar icon: the content script of the tab saves the
 * profile on screen. Outside TikTok there is no content script to speak, so
 * the icon's badge and title say what to do instead.
 */
async function saveShown(tab) {
  if (tab?.id === undefined) {
    return;
  }
  try {
    await chrome.tabs.sendMessage(tab.id, { type: trigger.saveShown });
  } catch {
    // No content script answered: not a TikTok page, or one opened before
    // the extension was installed or updated, which a reload mends.
    const title = chrome.i18n.getMessage('error_no_content_script');
    await chrome.action.setTitle({ tabId: tab.id, title });
    await chrome.action.setBadgeText({ tabId: tab.id, text: '?' });
  }
}
