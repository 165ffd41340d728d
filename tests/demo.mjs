// `./build.sh demo`: the main job on the bundled real page, offline and
// without a TikTok account. Loads dist/ into Chromium (headless when there
// is no display), opens the saved Nov 2025 profile page, presses the button
// and prints where the picture was saved and its pixel size.

import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import {
  fixturePage, launchBrowser, routeTikTok, serveOwnerAvatars, startCdn,
  waitForFile,
} from './e2e/harness.mjs';
import { DIST, openProfile, statusText } from './e2e/extension.mjs';

const PAGE = 'profile-2025-eu.html';
const OUT = resolve('demo-output');

/** Width and height from a JPEG's start-of-frame marker. */
function jpegSize(bytes) {
  for (let at = 2; at + 9 < bytes.length;) {
    const marker = bytes[at + 1];
    const length = bytes.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc]
      .includes(marker)) {
      return [bytes.readUInt16BE(at + 7), bytes.readUInt16BE(at + 5)];
    }
    at += 2 + length;
  }
  return null;
}

const cdn = await startCdn();
await serveOwnerAvatars(cdn, await readFile(fixturePage(PAGE), 'utf8'));
const headless = !process.env.DISPLAY;
const browser = await launchBrowser({
  extensionDir: DIST, cdnPort: cdn.port, headless,
});
try {
  await routeTikTok(browser.context,
    { '/@sample.creator': { file: fixturePage(PAGE) } });
  const page = await openProfile(browser.context, '/@sample.creator');
  const button = page.getByRole('button', { name: /^Download profile/ });
  await button.focus();
  await page.keyboard.press('Enter');
  const file = await waitForFile(browser.downloadsDir);
  await mkdir(OUT, { recursive: true });
  const kept = join(OUT, file.name);
  await copyFile(file.path, kept);
  const [width, height] = jpegSize(file.bytes) ?? ['?', '?'];
  console.log(`\nChromium (${headless ? 'headless' : 'on your display'}) ` +
    'pressed "Download profile picture" on the saved page.');
  console.log(`The page said: ${await statusText(page)}`);
  console.log(`Saved: ${kept}`);
  console.log(`Pixel size: ${width} x ${height} (a stand-in picture from ` +
    'tests/cdn/, served at the page\'s exact avatar URL)');
} finally {
  await browser.close();
  await cdn.close();
}
