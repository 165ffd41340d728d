// One save as a person makes it (Enter on the focused button), timed from
// the key press in the page to the image request reaching the stand-in CDN.

import { buttonLabelled, PROFILE_URL } from './browsers.mjs';

/** Opens the profile page and focuses our button, ready for Enter. */
export async function readyPage(browser) {
  const page = await browser.context.newPage();
  await page.goto(PROFILE_URL);
  await buttonLabelled(page);
  await page.getByRole('button', { name: /^Download profile picture/ })
    .focus();
  // Bench-only listener in the page's world: when the key went down, on
  // the same wall clock as the CDN server's log.
  await page.evaluate(() => {
    window.addEventListener('keydown', () => {
      globalThis.benchKeyAt = Date.now();
    }, { capture: true });
  });
  return page;
}

/** The live region's words now (its paragraphs, not its stylesheet). */
function statusNow() {
  const host = document.querySelector('avatar-saver-status');
  const lines = host?.shadowRoot?.querySelectorAll('p') ?? [];
  return [...lines].map((p) => p.textContent).join('');
}

/**
 * Presses Enter, waits until the live region says the picture was saved,
 * and returns the ms from the key press to the CDN's log of the request.
 */
export async function timedSave(page, cdn) {
  const before = cdn.requests.length;
  // Empty the region so that this save's words are the ones awaited.
  await page.evaluate(() => {
    const host = document.querySelector('avatar-saver-status');
    for (const p of host.shadowRoot.querySelectorAll('p')) {
      p.textContent = '';
    }
  });
  await page.keyboard.press('Enter');
  // A function, not a string: the page's CSP forbids eval.
  await page.waitForFunction(() => {
    const host = document.querySelector('avatar-saver-status');
    const lines = host?.shadowRoot?.querySelectorAll('p') ?? [];
    return [...lines].some((p) => p.textContent.startsWith('Saved'));
  }, null, { timeout: 30_000, polling: 20 })
    .catch(async (error) => {
      throw new Error(`no "Saved" in the live region (${error.message}); ` +
        `it says: ${await page.evaluate(statusNow)}`);
    });
  const request = cdn.requests[before];
  const keyAt = await page.evaluate(() => globalThis.benchKeyAt);
  if (!request) throw new Error('the save made no request to the CDN');
  return request.time - keyAt;
}
