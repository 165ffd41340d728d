// Pages that tempt the extension to save the wrong picture, or a picture
// from the wrong place: each test checks what a person would notice, the
// bytes saved (or that nothing was saved), the button's name and what the
// live region says. The viewer trap is in eras.test.mjs (the 2021 page).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import {
  avatarUrlsOf, fixturePage, launchBrowser, routeTikTok, startCdn,
  waitForFile,
} from './harness.mjs';
import { ourAxNodesWhen } from './a11y-helpers.mjs';
import { DIST, openProfile, statusText, tabTo } from './extension.mjs';
import {
  contentScriptReady, loadImages, nothingSaved, ownPage, pressShortcut,
  serveAll,
} from './own-pages.mjs';

const EXPIRES = 'x-expires=1893456000';
const EU = 'https://p16-pu-sign-no.tiktokcdn-eu.com/tos-no1a-avt-0068c001-no/';
const LOOKALIKE = `${EU}7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a` +
  '~tplv-tiktokx-cropcenter:';
const DEFAULT = 'https://p16-sign-va.tiktokcdn.com/musically-maliva-obj/' +
  '1594805258216454~';
// The second profile reached by in-app navigation, on the same CDN.
const SECOND_1080 = `${EU}0f1e2d3c4b5a69788796a5b4c3d2e1f0` +
  `~tplv-tiktokx-cropcenter:1080:1080.jpeg?${EXPIRES}&x-signature=Sg6%3D`;

let cdn, browser, images, real2025;
const saved = [];

before(async () => {
  images = await loadImages();
  cdn = await startCdn();
  real2025 = avatarUrlsOf(
    await readFile(fixturePage('profile-2025-eu.html'), 'utf8'));
  serveAll(cdn, [
    // The look-alike page's 1080 exists only off the CDN; served here on
    // the real host, a rewritten http: link would find it.
    [`${LOOKALIKE}1080:1080.jpeg?${EXPIRES}&x-signature=Sg3%2FlikeL%3D`,
      images['creator-1080']],
    [`${LOOKALIKE}720:720.jpeg?${EXPIRES}&x-signature=Sg3%2FlikeM%3D`,
      images['creator-720']],
    [`${LOOKALIKE}100:100.jpeg?${EXPIRES}&x-signature=Sg3%2FlikeT%3D`,
      images['creator-100']],
    [`${DEFAULT}c5_720x720.jpeg?${EXPIRES}&x-signature=Sg4%2Fdflt%3D`,
      images['second-720']],
    [`${DEFAULT}tplv-tiktokx-cropcenter:1080:1080.jpeg?${EXPIRES}` +
      '&x-signature=Sg5%2FdfL%3D', images['creator-1080']],
    [real2025.avatarLarger, images['creator-1080']],
    [real2025.avatarMedium, images['creator-720']],
    [SECOND_1080, images['second-1080']],
  ]);
  browser = await launchBrowser({ extensionDir: DIST, cdnPort: cdn.port });
  await routeTikTok(browser.context, {
    '/@sample.creator': { file: fixturePage('profile-2025-eu.html') },
    '/@sample.lookalike': { file: ownPage('lookalike-2025.html') },
    '/@sample.gone': { file: ownPage('not-found-2025.html') },
    '/@sample.default': { file: ownPage('default-avatar-2025.html') },
    // The real page sent at another handle: all it holds is someone else's.
    '/@sample.elsewhere': { file: fixturePage('profile-2025-eu.html') },
  });
});

after(async () => {
  await browser?.close();
  await cdn?.close();
});

test('look-alike host, http: and javascript: links: the real 720 is saved',
  async () => {
    const page = await openProfile(browser.context, '/@sample.lookalike');
    // The button already names the size it will save.
    const button = page.getByRole('button', {
      name: 'Download profile picture of @sample.lookalike, 720 by 720 pixels',
    });
    await button.waitFor();
    cdn.requests.length = 0;
    await tabTo(page, button);
    await page.keyboard.press('Enter');

    const file = await waitForFile(browser.downloadsDir, { skip: saved });
    saved.push(file.name);
    assert.ok(file.bytes.equals(images['creator-720']), 'not the real 720');
    assert.equal(await statusText(page),
      "Saved @sample.lookalike's profile picture, 720 by 720 pixels");
    assert.deepEqual(cdn.requests.map((r) => r.host),
      ['p16-pu-sign-no.tiktokcdn-eu.com']);
    await page.close();
  });

test('not found: TikTok\'s default og:image is not saved, and it says why',
  async () => {
    const page = await openProfile(browser.context, '/@sample.gone');
    await contentScriptReady(page);
    cdn.requests.length = 0;
    await pressShortcut(browser);

    assert.equal(await statusText(page),
      "This account doesn't exist, so there is no picture to save");
    assert.deepEqual(await nothingSaved(browser.downloadsDir, saved), []);
    assert.deepEqual(cdn.requests, []);
    await page.close();
  });

test('a page about someone else: the button names no one, yet tells the ' +
  'shortcut, and nothing is saved', async () => {
    const page = await openProfile(browser.context, '/@sample.elsewhere');
    const button = page.getByRole('button', {
      name: 'Download profile picture', exact: true,
    });
    await button.waitFor();
    // The worker's answer, though a failure, carries the bound shortcut,
    // which a screen reader reads as the button's description.
    const ax = await ourAxNodesWhen(page,
      (nodes) => nodes.button?.description.includes('Alt+Shift+D'));
    assert.equal(ax.button.name, 'Download profile picture');
    assert.match(ax.button.description, /^Keyboard shortcut: Alt\+Shift\+D\./);
    cdn.requests.length = 0;
    await button.press('Enter');

    assert.equal(await statusText(page), "Couldn't find this profile's " +
      'picture on the page. Reload the page and try again');
    assert.deepEqual(await nothingSaved(browser.downloadsDir, saved), []);
    assert.deepEqual(cdn.requests, []);
    await page.close();
  });

test('the default picture is saved, and the person is told it is TikTok\'s',
  async () => {
    const page = await openProfile(browser.context, '/@sample.default');
    await contentScriptReady(page);
    await pressShortcut(browser);

    const file = await waitForFile(browser.downloadsDir, { skip: saved });
    saved.push(file.name);
    assert.ok(file.bytes.equals(images['creator-1080']));
    const spoken = await statusText(page);
    assert.equal(spoken, "Saved @sample.default's profile picture, " +
      "1080 by 1080 pixels. This account uses TikTok's default picture.");
    await page.close();
  });

/**
 * Opens the real 2025 page, then does what TikTok's app does when the
 * person follows a link to another profile: the address changes without
 * a new document, and the header re-renders (with `src` the new avatar,
 * or none while it loads). The embedded state still describes
 * @sample.creator.
 */
async function navigateInApp(src) {
  const page = await openProfile(browser.context, '/@sample.creator');
  await page.getByRole('button', { name: /^Download profile picture/ })
    .waitFor();
  await page.evaluate((newSrc) => {
    history.pushState({}, '', '/@second.person');
    document.querySelector('h1[data-e2e="user-title"]').textContent =
      'second.person';
    const img = document.querySelector('[data-e2e="user-avatar"] img');
    if (newSrc) img.setAttribute('src', newSrc);
    else img.removeAttribute('src');
  }, src);
  return page;
}

test('stale state after in-app navigation: the new header\'s picture',
  async () => {
    const page = await navigateInApp(SECOND_1080);
    cdn.requests.length = 0;
    await pressShortcut(browser);

    const file = await waitForFile(browser.downloadsDir, { skip: saved });
    saved.push(file.name);
    assert.ok(file.bytes.equals(images['second-1080']),
      'saved the first profile\'s picture');
    assert.equal(await statusText(page),
      "Saved @second.person's profile picture, 1080 by 1080 pixels");
    await page.close();
  });

test('stale state, new header not loaded: nothing of the first profile',
  async () => {
    const page = await navigateInApp(null);
    cdn.requests.length = 0;
    await pressShortcut(browser);

    assert.equal(await statusText(page), "Couldn't find this profile's " +
      'picture on the page. Reload the page and try again');
    assert.deepEqual(await nothingSaved(browser.downloadsDir, saved), []);
    assert.deepEqual(cdn.requests, []);
    await page.close();
  });
