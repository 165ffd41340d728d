// Keyboard only, on the real profile page: nothing of ours takes focus on
// load; Tab from the top reaches the button in the header's order (after
// the name, before Follow and long before the video grid); Enter and Space
// each save a file; focus stays on the button throughout, ring showing.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { waitForFile } from './harness.mjs';
import { tabTo } from './extension.mjs';
import { ourButton, settledStatus, startProfile } from './a11y-helpers.mjs';

const NAME = 'sample.creator_1080x1080_b5a9de7c.jpeg';
const SECOND = 'sample.creator_1080x1080_b5a9de7c (1).jpeg';
let run, page;

before(async () => {
  run = await startProfile();
  page = await run.open();
});

after(async () => {
  await run?.close();
});

/** What has focus, through shadow roots: ours, or TikTok's by role. */
function focused() {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const host = el?.getRootNode().host;
    return {
      ours: host?.localName === 'avatar-saver-button' &&
        el.localName === 'button',
      ring: el?.matches(':focus-visible') ?? false,
      e2e: el?.closest('[data-e2e]')?.getAttribute('data-e2e') ?? null,
      inGrid: Boolean(el?.closest('[data-e2e="user-post-item-list"]')),
      video: el?.closest('a')?.href?.includes('/video/') ?? false,
    };
  });
}

/** Waits for a save to finish, then checks where focus is. */
async function saveWith(key, skip) {
  await page.keyboard.press(key);
  const file = await waitForFile(run.browser.downloadsDir, { skip });
  assert.ok(file.bytes.equals(run.picture), `${key}: not the 1080 picture`);
  const { polite } = await settledStatus(page, 'Saving…');
  assert.equal(polite,
    "Saved @sample.creator's profile picture, 1080 by 1080 pixels");
  const now = await focused();
  assert.ok(now.ours && now.ring, `${key} moved focus: ${JSON.stringify(now)}`);
  return file.name;
}

test('our UI takes no focus when the page loads', async () => {
  const now = await focused();
  assert.equal(now.ours, false);
  assert.equal(await page.evaluate(() => document.activeElement.localName),
    'body');
});

test('Tab reaches the button in the header\'s order', async () => {
  const button = ourButton(page);
  const seen = [];
  await page.evaluate(() => document.activeElement?.blur());
  for (let presses = 0; presses < 200 && !seen.at(-1)?.ours; presses += 1) {
    await page.keyboard.press('Tab');
    seen.push(await focused());
  }
  assert.ok(seen.at(-1).ours, 'Tab never reached the button');
  assert.ok(seen.at(-1).ring, 'no visible focus ring');
  assert.ok(!seen.some((f) => f.inGrid || f.video),
    'the video grid came before the button');
  assert.ok(!seen.some((f) => f.e2e === 'follow-button'),
    'Follow came before the button');

  // The next stop is TikTok's own next control in the header, so focus is
  // not trapped, and Shift+Tab comes back.
  await page.keyboard.press('Tab');
  assert.equal((await focused()).e2e, 'follow-button');
  await page.keyboard.press('Shift+Tab');
  assert.ok((await focused()).ours);
  assert.ok(await button.evaluate((el) => el.matches(':focus')));
});

test('Enter saves, then Space saves again; focus stays put', async () => {
  await tabTo(page, ourButton(page));
  assert.equal(await saveWith('Enter', []), NAME);
  assert.equal(await saveWith('Space', [NAME]), SECOND);
});
