// One profile page per era TikTok has served, each saved through the
// shortcut's path (the older pages have no header the button can sit in):
// the owner's 1080 picture lands in the downloads folder, the live region
// says so, and no other account's picture is ever requested.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import {
  avatarUrlsOf, fixturePage, launchBrowser, routeTikTok, startCdn,
  targetOf, waitForFile,
} from './harness.mjs';
import { DIST, openProfile, statusText } from './extension.mjs';
import {
  contentScriptReady, loadImages, ownPage, pressShortcut, serveAll,
} from './own-pages.mjs';

const EXPIRES = 'x-expires=1893456000';
const SIGI = 'https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/' +
  '5a1c0d9e7b2f4c3a8e6d1f0b9a7c5e3d';
const SIGI_OTHER = 'https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/' +
  '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b~c5_1080x1080.jpeg?' + EXPIRES +
  '&x-signature=Sg1%2FothL%3D';
const PERSISTED = 'https://p19-sign.tiktokcdn-us.com/tos-useast5-avt-0068-tx/' +
  '3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f';
// The logged-in viewer's avatar on the real 2021 page (webp and jpeg).
const VIEWER = 'https://p16-sign-va.tiktokcdn.com/musically-maliva-obj/' +
  '1681fd33028697e2dc78e6c15dbd66af~c5_720x720.';
const VIEWER_URLS = [
  ['webp', '7VJJwwPplc1MlITBoGByhdSeUg4%3D'],
  ['jpeg', '37oclfAnUORoOZM5oQwtEjVoYNQ%3D'],
].map(([ext, sig]) =>
  `${VIEWER}${ext}?x-expires=1610028000&x-signature=${sig}`);

/** The three sizes of a hand-made page's owner, with their signatures. */
function sizes(base, tag) {
  return [1080, 720, 100].map((n) => [n,
    `${base}~c5_${n}x${n}.jpeg?${EXPIRES}&x-signature=` +
    `${tag}${{ 1080: 'L', 720: 'M', 100: 'T' }[n]}%3D`]);
}

let cdn, browser, images;
const saved = [];

before(async () => {
  images = await loadImages();
  cdn = await startCdn();
  const owner = (n) => images[`creator-${n}`];
  const real2025 = avatarUrlsOf(
    await readFile(fixturePage('profile-2025-eu.html'), 'utf8'));
  const real2021 = avatarUrlsOf(
    await readFile(fixturePage('profile-2021-next-data.html'), 'utf8'));
  serveAll(cdn, [
    ...sizes(SIGI, 'Sg1%2Fsigi').map(([n, url]) => [url, owner(n)]),
    ...sizes(PERSISTED, 'Sg2%2Fpers').map(([n, url]) => [url, owner(n)]),
    [real2025.avatarLarger, owner(1080)],
    [real2025.avatarMedium, owner(720)],
    [real2021.avatarLarger, owner(1080)],
    [real2021.avatarMedium, owner(720)],
    // Other people's pictures are served too, in other colours, so that
    // saving one would show in the bytes and not only as a failure.
    [SIGI_OTHER, images['second-1080']],
    ...VIEWER_URLS.map((url) => [url, images['second-720']]),
  ]);
  browser = await launchBrowser({ extensionDir: DIST, cdnPort: cdn.port });
  await routeTikTok(browser.context, {
    '/@sample.creator': { file: fixturePage('profile-2025-eu.html') },
    '/@sample.sigi': { file: ownPage('sigi-state-2022.html') },
    '/@sample.persisted': { file: ownPage('sigi-persisted-2021.html') },
    '/@tiktok': { file: fixturePage('profile-2021-next-data.html') },
  });
});

after(async () => {
  await browser?.close();
  await cdn?.close();
});

/** Opens the page, presses the shortcut, returns the file and speech. */
async function saveFrom(path) {
  const page = await openProfile(browser.context, path);
  await contentScriptReady(page);
  cdn.requests.length = 0;
  await pressShortcut(browser);
  const file = await waitForFile(browser.downloadsDir, { skip: saved });
  saved.push(file.name);
  const spoken = await statusText(page);
  await page.close();
  return { file, spoken, hosts: cdn.requests.map((r) => r.host),
    targets: cdn.requests.map((r) => r.url) };
}

test('late 2023 to now: __UNIVERSAL_DATA_FOR_REHYDRATION__', async () => {
  const { file, spoken, hosts } = await saveFrom('/@sample.creator');
  assert.ok(file.bytes.equals(images['creator-1080']), 'not the 1080');
  assert.equal(spoken,
    "Saved @sample.creator's profile picture, 1080 by 1080 pixels");
  assert.deepEqual(hosts, ['p16-pu-sign-no.tiktokcdn-eu.com']);
});

test('2022 to 2023: SIGI_STATE, never the other user in its map',
  async () => {
    const { file, spoken, targets } = await saveFrom('/@sample.sigi');
    assert.ok(file.bytes.equals(images['creator-1080']), 'not the 1080');
    assert.equal(spoken,
      "Saved @sample.sigi's profile picture, 1080 by 1080 pixels");
    assert.ok(!targets.includes(targetOf(SIGI_OTHER)));
  });

test('late 2021 to 2022: sigi-persisted-data assignment', async () => {
  const { file, spoken, hosts } = await saveFrom('/@sample.persisted');
  assert.ok(file.bytes.equals(images['creator-1080']), 'not the 1080');
  assert.equal(spoken,
    "Saved @sample.persisted's profile picture, 1080 by 1080 pixels");
  assert.deepEqual(hosts, ['p19-sign.tiktokcdn-us.com']);
});

test('2019 to 2021: __NEXT_DATA__, tiktok\'s picture, never the viewer\'s',
  async () => {
    // Every link on this page expired in Jan 2021: still tried, largest
    // first, because the download is what tells.
    const { file, spoken, targets } = await saveFrom('/@tiktok');
    assert.ok(file.bytes.equals(images['creator-1080']), 'not the 1080');
    assert.equal(spoken,
      "Saved @tiktok's profile picture, 1080 by 1080 pixels");
    for (const url of VIEWER_URLS) {
      assert.ok(!targets.includes(targetOf(url)), 'asked for the viewer');
    }
  });
