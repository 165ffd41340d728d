// The main job, end to end, on the real Nov 2025 profile page served under
// a strict CSP: Tab to the button, press Enter, and the 1080 picture lands
// in the downloads folder under its name while the live region says so.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import {
  fixturePage, launchBrowser, listFiles, routeTikTok, serveOwnerAvatars,
  startCdn, waitForFile,
} from './harness.mjs';
import { DIST, openProfile, statusText, tabTo } from './extension.mjs';

const PAGE = 'profile-2025-eu.html';
const NAME = 'sample.creator_1080x1080_b5a9de7c.jpeg';
let cdn, browser, images;

before(async () => {
  cdn = await startCdn();
  const html = await readFile(fixturePage(PAGE), 'utf8');
  ({ images } = await serveOwnerAvatars(cdn, html));
  browser = await launchBrowser({ extensionDir: DIST, cdnPort: cdn.port });
  await routeTikTok(browser.context,
    { '/@sample.creator': { file: fixturePage(PAGE) } });
});

after(async () => {
  await browser?.close();
  await cdn?.close();
});

test('Tab reaches the named button and Enter saves the 1080 picture',
  async () => {
    const page = await openProfile(browser.context, '/@sample.creator');
    const button = page.getByRole('button', {
      name: 'Download profile picture of @sample.creator, 1080 by 1080 ' +
        'pixels',
    });
    await button.waitFor();

    await tabTo(page, button);
    await page.keyboard.press('Enter');

    const file = await waitForFile(browser.downloadsDir);
    assert.equal(file.name, NAME);
    assert.ok(file.bytes.equals(images[1080]), 'not the 1080 image');
    assert.equal(await statusText(page),
      "Saved @sample.creator's profile picture, 1080 by 1080 pixels");
    assert.deepEqual(cdn.requests.map((r) => r.host),
      ['p16-pu-sign-no.tiktokcdn-eu.com']);
    await page.close();
  });

test('the shortcut\'s command saves it too, without overwriting',
  async () => {
    const page = await openProfile(browser.context, '/@sample.creator');
    await page.getByRole('button', { name: /^Download profile picture/ })
      .waitFor();
    const commands =
      await browser.worker.evaluate(() => chrome.commands.getAll());
    const save = commands.find((c) => c.name === 'save-avatar');
    assert.ok(save?.shortcut, 'the shortcut is bound');

    // CDP key presses never reach chrome.commands: send what the command
    // handler sends to the tab (the real keys are tested under Xvfb).
    await browser.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true });
      await chrome.tabs.sendMessage(tab.id, { type: 'saveShown' });
    });

    const file = await waitForFile(browser.downloadsDir, { skip: [NAME] });
    assert.equal(file.name, 'sample.creator_1080x1080_b5a9de7c (1).jpeg');
    assert.ok(file.bytes.equals(images[1080]));
    const first = await readFile(`${browser.downloadsDir}/${NAME}`);
    assert.ok(first.equals(images[1080]), 'the first file changed');
    assert.equal((await listFiles(browser.downloadsDir)).length, 2);
    await page.close();
  });
