// Helpers for the era and trap tests: our hand-made pages, the stand-in
// CDN images they point at, and the ways a person asks for a save.

import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

import { cdnImage, listFiles, targetOf } from './harness.mjs';

/** Path of a hand-made page in tests/fixtures/ (see its README). */
export function ownPage(name) {
  return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
}

/** The bytes of each stand-in image, by file name without extension. */
export async function loadImages() {
  const names = ['creator-1080', 'creator-720', 'creator-100',
    'second-1080', 'second-720'];
  const images = {};
  for (const name of names) {
    images[name] = await readFile(cdnImage(`${name}.jpeg`));
  }
  return images;
}

/** Serves each [url, bytes] pair at the URL's exact path and query. */
export function serveAll(cdn, pairs) {
  for (const [url, body] of pairs) {
    cdn.serve(targetOf(url), { body });
  }
}

/**
 * What the shortcut and the toolbar icon do: the worker asks the active
 * tab's content script to save. CDP key presses never reach
 * chrome.commands, so the test sends the worker's message itself (as
 * main-job.test.mjs does); it works on pages without a button too.
 */
export async function pressShortcut(browser) {
  await browser.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true });
    await chrome.tabs.sendMessage(tab.id, { type: 'saveShown' });
  });
}

/** Waits until the content script is listening in page. */
export async function contentScriptReady(page) {
  await page.locator('avatar-saver-status').waitFor({ state: 'attached' });
}

/**
 * Asserts that nothing lands in dir for a while: a download the extension
 * should never have started would have begun by then.
 */
export async function nothingSaved(dir, skip = [], ms = 1500) {
  await sleep(ms);
  return (await listFiles(dir)).filter((name) => !skip.includes(name));
}
