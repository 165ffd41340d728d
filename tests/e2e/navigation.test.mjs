// In-app navigation: TikTok changes profile with pushState and redraws the
// header, while the page's embedded state still describes the first
// profile. The button must follow and save the person on screen.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { listFiles, waitForFile } from './harness.mjs';
import { openProfile, statusText } from './extension.mjs';
import {
  FIRST, SECOND, buttonFor, fetchSecond, goTo, installApp,
  startNavigation,
} from './navigation-setup.mjs';

const FIRST_FILE = `${FIRST}_1080x1080_b5a9de7c.jpeg`;
const SECOND_FILE = `${SECOND}_1080x1080_c0ffee5e.jpeg`;
let cdn, browser, images, headers;
const saved = [];

before(async () => {
  ({ cdn, browser, images, headers } = await startNavigation());
});

after(async () => {
  await browser?.close();
  await cdn?.close();
});

/** Presses Enter on the button and returns the new file. */
async function saveWith(button) {
  await button.press('Enter');
  const file = await waitForFile(browser.downloadsDir, { skip: saved });
  saved.push(file.name);
  return file;
}

test('after the page fetches @second.person, Enter saves their 1080 ' +
  'picture; back and forward restore the right person', async () => {
  const page = await openProfile(browser.context, `/@${FIRST}`);
  await buttonFor(page, FIRST, 1080).waitFor();
  await installApp(page, headers);

  await fetchSecond(page);
  await goTo(page, SECOND);
  let file = await saveWith(buttonFor(page, SECOND, 1080));
  assert.equal(file.name, SECOND_FILE);
  assert.ok(file.bytes.equals(images[SECOND][1080]), 'not second\'s 1080');
  assert.equal(await statusText(page),
    `Saved @${SECOND}'s profile picture, 1080 by 1080 pixels`);

  await page.evaluate(() => history.back());
  await buttonFor(page, FIRST, 1080).waitFor();
  // "Saved @second.person's…" is not news about this profile.
  assert.equal(await statusText(page, { wait: false }), '');
  file = await saveWith(buttonFor(page, FIRST, 1080));
  assert.equal(file.name, FIRST_FILE);
  assert.ok(file.bytes.equals(images[FIRST][1080]), 'not the creator\'s');

  await page.evaluate(() => history.forward());
  file = await saveWith(buttonFor(page, SECOND, 1080));
  assert.equal(file.name, `${SECOND}_1080x1080_c0ffee5e (1).jpeg`);
  assert.ok(file.bytes.equals(images[SECOND][1080]));
  await page.close();
});

test('without a detail fetch, the header\'s 720 picture is saved and ' +
  'the button and status say 720', async () => {
  const page = await openProfile(browser.context, `/@${FIRST}`);
  await buttonFor(page, FIRST, 1080).waitFor();
  await installApp(page, headers);

  await goTo(page, SECOND);
  const file = await saveWith(buttonFor(page, SECOND, 720));
  assert.equal(file.name, `${SECOND}_720x720_c0ffee5e.jpeg`);
  assert.ok(file.bytes.equals(images[SECOND][720]), 'not second\'s 720');
  assert.equal(await statusText(page),
    `Saved @${SECOND}'s profile picture, 720 by 720 pixels`);
  await page.close();
});

test('before the header is redrawn, the button names no one and never ' +
  'the previous person', async () => {
  const page = await openProfile(browser.context, `/@${FIRST}`);
  await buttonFor(page, FIRST, 1080).waitFor();
  await installApp(page, headers);

  await goTo(page, SECOND, { redraw: false });
  // Only the address bar changed: the header still says sample.creator.
  await page.getByRole('button', { name: 'Download profile picture',
    exact: true }).waitFor();
  assert.equal(await buttonFor(page, FIRST, 1080).count(), 0);

  await page.evaluate((handle) => globalThis.show(handle), SECOND);
  await buttonFor(page, SECOND, 720).waitFor();
  await page.close();
});

test('from the For You feed to a profile and back: the button comes and ' +
  'goes, and the shortcut says to open a profile', async () => {
  const page = await openProfile(browser.context, '/foryou');
  await installApp(page, headers);
  const before = (await listFiles(browser.downloadsDir)).length;
  const host = page.locator('avatar-saver-button');

  await fetchSecond(page);
  await goTo(page, SECOND);
  await buttonFor(page, SECOND, 1080).waitFor();

  await page.evaluate(() => history.pushState({}, '', '/foryou'));
  // The header is still in the page: the route alone removes the button.
  await host.waitFor({ state: 'detached' });
  await sendShortcut();
  assert.equal(await statusText(page),
    'Open a TikTok profile to save its picture');
  assert.equal((await listFiles(browser.downloadsDir)).length, before);

  await page.evaluate(() => history.back());
  await buttonFor(page, SECOND, 1080).waitFor();
  assert.equal(await host.count(), 1);
  await page.close();
});

/**
 * CDP key presses never reach chrome.commands: send what the command
 * handler sends to the active tab (as main-job.test.mjs does).
 */
async function sendShortcut() {
  await browser.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true });
    await chrome.tabs.sendMessage(tab.id, { type: 'saveShown' });
  });
}

test('50 navigations between two profiles: one button, one live region, ' +
  'and as many listeners as after the first two', async () => {
  const page = await openProfile(browser.context, `/@${FIRST}`);
  await buttonFor(page, FIRST, 1080).waitFor();
  await installApp(page, headers);
  await fetchSecond(page);
  const session = await browser.context.newCDPSession(page);

  const counters = async () => {
    await session.send('HeapProfiler.collectGarbage');
    return session.send('Memory.getDOMCounters');
  };
  let settled;
  for (let step = 1; step <= 50; step += 1) {
    const handle = step % 2 ? SECOND : FIRST;
    await goTo(page, handle);
    await buttonFor(page, handle, 1080).waitFor();
    if (step === 2) {
      settled = await counters();
    }
  }
  const end = await counters();

  assert.equal(await page.locator('avatar-saver-button').count(), 1);
  assert.equal(await page.locator('avatar-saver-status').count(), 1);
  assert.equal(end.jsEventListeners, settled.jsEventListeners,
    'event listeners grew');
  assert.ok(end.nodes <= settled.nodes + 50,
    `DOM nodes grew from ${settled.nodes} to ${end.nodes}`);
  await session.detach();
  await page.close();
});
