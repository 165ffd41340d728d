// Saves that never fail silently and never overwrite, on the real Nov 2025
// page: the CDN refuses sizes (403) or drops the connection, the person
// presses twice, or saves the same picture again. What is checked is what
// a person would find: the files in Downloads, their bytes, and what the
// live region said.

import assert from 'node:assert/strict';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, afterEach, before, test } from 'node:test';

import {
  avatarUrlsOf, cdnImage, fixturePage, launchBrowser, listFiles,
  routeTikTok, startCdn, targetOf, waitForFile,
} from './harness.mjs';
import { DIST, openProfile } from './extension.mjs';

const PAGE = 'profile-2025-eu.html';
// A nickname in four scripts with an emoji, for the pattern test.
const NICKNAME = 'Ελένη 山田 مريم ✨';
const BUSY = 'Still saving the profile picture…';
const EXPIRED =
  "The picture's link has expired. Reload the page and try again.";
const saved = (size) =>
  `Saved @sample.creator's profile picture, ${size} by ${size} pixels`;

let cdn, browser, images, targets;

before(async () => {
  const html = await readFile(fixturePage(PAGE), 'utf8');
  // The header image is the 1080 URL and og:image the 720 one.
  const urls = avatarUrlsOf(html);
  cdn = await startCdn();
  images = {};
  targets = {
    1080: targetOf(urls.avatarLarger),
    720: targetOf(urls.avatarMedium),
    100: targetOf(urls.avatarThumb),
  };
  for (const [key, target] of Object.entries(targets)) {
    images[key] = await readFile(cdnImage(`creator-${key}.jpeg`));
    cdn.serve(target, { body: images[key] });
  }
  browser = await launchBrowser({ extensionDir: DIST, cdnPort: cdn.port });
  const body = html.replace('"nickname":"Sample Creator"',
    `"nickname":${JSON.stringify(NICKNAME)}`);
  assert.notEqual(body, html, 'the fixture names its nickname');
  await routeTikTok(browser.context, { '/@sample.creator': { body } });
});

afterEach(async () => {
  for (const [key, target] of Object.entries(targets)) {
    cdn.serve(target, { body: images[key] });
  }
  cdn.requests.length = 0;
  await browser.worker.evaluate(() => chrome.storage.sync.clear());
  for (const name of await readdir(browser.downloadsDir)) {
    await rm(join(browser.downloadsDir, name), { recursive: true });
  }
});

after(async () => {
  await browser?.close();
  await cdn?.close();
});

/**
 * Opens the profile, starts recording everything the live region says,
 * and returns {page, button, heard}: heard() lists the messages so far.
 */
async function profile() {
  const page = await openProfile(browser.context, '/@sample.creator');
  const button = page.getByRole('button', {
    name: /^Download profile picture/,
  });
  await button.waitFor();
  await page.evaluate(() => {
    const root = document.querySelector('avatar-saver-status').shadowRoot;
    const regions = root.querySelectorAll('[role=status], [role=alert]');
    const heard = (globalThis.heardByTest = []);
    new MutationObserver(() => {
      for (const region of regions) {
        const text = region.textContent;
        if (text && heard.at(-1) !== text) heard.push(text);
      }
    }).observe(root, { subtree: true, childList: true, characterData: true });
  });
  const heard = () => page.evaluate(() => globalThis.heardByTest.slice());
  return { page, button, heard };
}

/** Waits until the live region has said how the save ended. */
async function outcome(page, timeout = 15_000) {
  await page.waitForFunction((busy) => {
    const last = globalThis.heardByTest.at(-1);
    return last && last !== 'Saving…' && last !== busy;
  }, BUSY, { timeout });
  return page.evaluate(() => globalThis.heardByTest.at(-1));
}

/** The CDN targets requested so far, named by their key in `targets`. */
function requested() {
  const names = Object.fromEntries(
    Object.entries(targets).map(([key, target]) => [target, key]));
  return cdn.requests.map((r) => names[r.url] ?? r.url);
}

test('1080 refused (403): the 720 picture is saved and the status says 720',
  async () => {
    cdn.setStatus(targets[1080], 403);
    const { page, button } = await profile();

    await button.press('Enter');

    const file = await waitForFile(browser.downloadsDir);
    assert.equal(file.name, 'sample.creator_720x720_b5a9de7c.jpeg');
    assert.ok(file.bytes.equals(images[720]), 'not the 720 bytes');
    assert.equal(await outcome(page), saved(720));
    assert.deepEqual(requested(), ['1080', '720']);
    assert.deepEqual(await listFiles(browser.downloadsDir), [file.name]);
    await page.close();
  });

test('every size refused: no file, the reload message, then it works',
  async () => {
    for (const target of Object.values(targets)) {
      cdn.setStatus(target, 403);
    }
    const { page, button } = await profile();

    await button.press('Enter');

    assert.equal(await outcome(page), EXPIRED);
    assert.deepEqual(requested(), ['1080', '720', '100']);
    assert.deepEqual(await listFiles(browser.downloadsDir), []);

    for (const target of Object.values(targets)) {
      cdn.setStatus(target, 200);
    }
    await page.evaluate(() => globalThis.heardByTest.splice(0));
    await button.press('Enter');

    const file = await waitForFile(browser.downloadsDir);
    assert.equal(file.name, 'sample.creator_1080x1080_b5a9de7c.jpeg');
    assert.ok(file.bytes.equals(images[1080]));
    assert.equal(await outcome(page), saved(1080));
    await page.close();
  });

// Ways the 1080 download can fail. Each time the 720 picture is saved,
// alone: no partial or wrong file is left. A silent CDN is given up after
// 10 s, so its wait is longer.
const FAILING_1080 = [
  ['the connection drops mid-picture', () => ({ cut: true })],
  ['the connection falls silent', () => ({ stall: true }), 30_000],
  ['the CDN never answers', () => ({ hang: true }), 30_000],
  ['an error page is sent as a success', () => ({
    body: Buffer.from('<!doctype html><title>Busy</title>'),
    type: 'text/html',
  })],
];

for (const [how, route, wait] of FAILING_1080) {
  test(`${how}: the next size, and no other file`, async () => {
    cdn.serve(targets[1080], { body: images[1080], ...route() });
    const { page, button } = await profile();

    await button.press('Enter');

    assert.equal(await outcome(page, wait), saved(720));
    const file = await waitForFile(browser.downloadsDir);
    assert.ok(file.bytes.equals(images[720]));
    assert.equal(requested()[0], '1080');
    assert.equal(requested().at(-1), '720');
    assert.deepEqual(await listFiles(browser.downloadsDir),
      ['sample.creator_720x720_b5a9de7c.jpeg']);
    await page.close();
  });
}

test('two quick presses: one file, and "still saving" for the second',
  async () => {
    cdn.serve(targets[1080], { body: images[1080], delay: 1500 });
    const { page, button, heard } = await profile();

    await button.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');

    assert.equal(await outcome(page), saved(1080));
    assert.ok((await heard()).includes(BUSY), (await heard()).join(' | '));
    const file = await waitForFile(browser.downloadsDir);
    assert.ok(file.bytes.equals(images[1080]));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.deepEqual(await listFiles(browser.downloadsDir), [file.name]);
    assert.deepEqual(requested(), ['1080']);
    await page.close();
  });

test('saving twice: two files, the first one untouched', async () => {
  const { page, button } = await profile();

  await button.press('Enter');
  const first = await waitForFile(browser.downloadsDir);
  assert.equal(await outcome(page), saved(1080));
  const before = await readFile(first.path);

  await page.evaluate(() => globalThis.heardByTest.splice(0));
  await button.press('Enter');
  const second = await waitForFile(browser.downloadsDir,
    { skip: [first.name] });

  assert.equal(await outcome(page), saved(1080));
  assert.equal(second.name, 'sample.creator_1080x1080_b5a9de7c (1).jpeg');
  assert.ok(second.bytes.equals(images[1080]));
  assert.ok((await readFile(first.path)).equals(before), 'first changed');
  assert.ok(before.equals(images[1080]));
  assert.equal((await listFiles(browser.downloadsDir)).length, 2);
  await page.close();
});

test('a non-Latin nickname in the pattern names the file', async () => {
  await browser.worker.evaluate(() =>
    chrome.storage.sync.set({ pattern: '{nickname} (@{handle}) {size}' }));
  const { page, button } = await profile();

  await button.press('Enter');

  const file = await waitForFile(browser.downloadsDir);
  assert.equal(file.name, `${NICKNAME} (@sample.creator) 1080x1080.jpeg`);
  assert.ok(file.bytes.equals(images[1080]));
  assert.equal(await outcome(page), saved(1080));
  await page.close();
});
