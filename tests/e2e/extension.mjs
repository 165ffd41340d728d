// Helpers for tests of our own extension: where it is built, and how a
// person reaches its button and hears its status.

import { fileURLToPath } from 'node:url';

/** The unpacked extension that `./build.sh` assembles. */
export const DIST = process.env.AVATAR_SAVER_DIST ??
  fileURLToPath(new URL('../../dist', import.meta.url));

/** Opens a routed TikTok page in a new tab. */
export async function openProfile(context, path) {
  const page = await context.newPage();
  await page.goto(`https://www.tiktok.com${path}`);
  await page.bringToFront();
  return page;
}

/**
 * Presses Tab from the top of the page until `locator` has focus, as a
 * keyboard user would; fails after `limit` presses.
 */
export async function tabTo(page, locator, limit = 200) {
  await page.evaluate(() => document.activeElement?.blur());
  for (let presses = 1; presses <= limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await locator.evaluate((el) => el.matches(':focus'))) {
      return presses;
    }
  }
  throw new Error(`Tab did not reach the button in ${limit} presses`);
}

/** The text the live region holds now (what a screen reader was told). */
export async function statusText(page, { wait = true } = {}) {
  const region = page.locator('avatar-saver-status')
    .locator('[role=status], [role=alert]');
  if (wait) {
    await page.waitForFunction(() => {
      // Only the regions: the root's own text includes its <style>.
      const root = document.querySelector('avatar-saver-status')?.shadowRoot;
      const text = [...root?.querySelectorAll('[aria-live]') ?? []]
        .map((region) => region.textContent).join('');
      return text && text !== 'Saving…';
    }, null, { timeout: 10_000 });
  }
  const texts = await region.allTextContents();
  return texts.join('').trim();
}
