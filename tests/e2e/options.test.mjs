// The options page, used by keyboard alone: every option is changed with
// Tab, typing, arrows and Space, saved with Enter, and then a save on the
// real Nov 2025 page must follow them (folder, name, the saveAs request,
// the metadata file). axe-core finds nothing to fix, in English and in
// Spanish.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import {
  fixturePage, launchBrowser, routeTikTok, serveOwnerAvatars, startCdn,
  uiLocaleAvailable, waitForFile,
} from './harness.mjs';
import { DIST, openProfile, statusText } from './extension.mjs';

const PAGE = 'profile-2025-eu.html';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let cdn, browser, images, urls;

before(async () => {
  cdn = await startCdn();
  const html = await readFile(fixturePage(PAGE), 'utf8');
  ({ urls, images } = await serveOwnerAvatars(cdn, html));
  browser = await launchBrowser({ extensionDir: DIST, cdnPort: cdn.port });
  await routeTikTok(browser.context,
    { '/@sample.creator': { file: fixturePage(PAGE) } });
});

after(async () => {
  await browser?.close();
  await cdn?.close();
});

/** Opens the options page as a tab, once it shows its example name. */
async function openOptions(context, extensionId) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options/options.html`);
  await page.locator('#pattern-result').filter({ hasText: /\S/ }).waitFor();
  return page;
}

/** axe-core's violations on the page, as "rule: target" lines. */
async function axeViolations(page) {
  // Injected through the DevTools protocol, which the page's CSP allows.
  await page.evaluate(await readFile(AXE, 'utf8'));
  const results = await page.evaluate(() => globalThis.axe.run(document));
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/** The id of the focused element. */
const focused = (page) => page.evaluate(() => document.activeElement?.id);

/** Presses Tab and checks where focus went. */
async function tabTo(page, id) {
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), id, `Tab should reach #${id}`);
}

/** Replaces the focused text field's value by typing. */
async function retype(page, text) {
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/** What the field's live result says, once typing has paused. */
async function result(page, expected) {
  const output = page.locator('#pattern-result');
  await output.filter({ hasText: expected }).waitFor({ timeout: 5000 });
  return output.textContent();
}

test('the options page shows the defaults and passes axe', async () => {
  const page = await openOptions(browser.context, browser.extensionId);

  assert.equal(await page.title(), 'Avatar Saver options');
  assert.equal(await page.getByLabel('Folder inside Downloads').inputValue(),
    '');
  assert.equal(await page.getByLabel('File name').inputValue(),
    '{handle}_{size}_{avatar_id}');
  assert.equal(await page.locator('#pattern-result').textContent(),
    'Example: sample.creator_1080x1080_b5a9de7c.jpeg');
  assert.equal(await page.getByLabel('Preferred format').inputValue(),
    'jpeg');
  assert.equal(
    await page.getByLabel('Ask where to save each time').isChecked(), false);
  assert.equal(
    await page.getByLabel('Also save a metadata file').isChecked(), false);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('options changed by keyboard alone shape the next save', async () => {
  const page = await openOptions(browser.context, browser.extensionId);
  const today = new Date().toISOString().slice(0, 10);
  const stored = () =>
    browser.worker.evaluate(() => chrome.storage.sync.get(null));

  await tabTo(page, 'subfolder');
  await page.keyboard.type('TikTok/Archive');
  await tabTo(page, 'pattern');
  await retype(page, '{nickname} {oops}');
  assert.equal(await result(page, 'not a token'),
    '{oops} is not a token. Use {handle}, {nickname}, {id}, {size}, ' +
    '{avatar_id} or {date}');
  assert.equal(await page.locator('#pattern').getAttribute('aria-invalid'),
    'true');
  assert.deepEqual(await axeViolations(page), []);

  // Enter submits; a bad pattern is not stored and focus stays on it.
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: 'Fix' }).waitFor();
  assert.equal(await page.locator('#status').textContent(),
    'Fix the file name first: nothing was saved');
  assert.equal(await focused(page), 'pattern');
  assert.deepEqual(await stored(), {});

  await retype(page, '{nickname}_{size}_{date}');
  assert.equal(await result(page, 'Example'),
    `Example: TikTok/Archive/Sample Creator_1080x1080_${today}.jpeg`);
  assert.equal(await page.locator('#pattern').getAttribute('aria-invalid'),
    null);
  await tabTo(page, 'preferFormat');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, 'saveAs');
  await page.keyboard.press('Space');
  await tabTo(page, 'metadata');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent),
    'Save');
  await page.keyboard.press('Enter');

  await page.getByRole('status').filter({ hasText: 'saved' }).waitFor();
  assert.equal(await page.locator('#status').textContent(), 'Options saved');
  assert.deepEqual(await stored(), {
    subfolder: 'TikTok/Archive',
    pattern: '{nickname}_{size}_{date}',
    preferFormat: 'webp',
    saveAs: true,
    metadata: true,
  });
  await page.close();

  // Opened again, the page shows what was stored.
  const again = await openOptions(browser.context, browser.extensionId);
  assert.equal(await again.getByLabel('File name').inputValue(),
    '{nickname}_{size}_{date}');
  assert.equal(await again.getByLabel('Preferred format').inputValue(),
    'webp');
  assert.ok(await again.getByLabel('Ask where to save each time')
    .isChecked());
  await again.close();

  // With saveAs the browser would show a file dialog that no test can
  // answer: record the request the worker makes, and let it save without.
  await browser.worker.evaluate(() => {
    const download = chrome.downloads.download.bind(chrome.downloads);
    globalThis.requestedByTest = [];
    chrome.downloads.download = (options) => {
      globalThis.requestedByTest.push(options);
      return download({ ...options, saveAs: false });
    };
  });
  const started = new Date();
  const profile = await openProfile(browser.context, '/@sample.creator');
  const button = profile.getByRole('button', {
    name: /^Download profile picture/,
  });
  await button.press('Enter');

  const folder = join(browser.downloadsDir, 'TikTok', 'Archive');
  const base = `Sample Creator_1080x1080_${today}`;
  const picture = await waitForFile(folder, { skip: [`${base}.json`] });
  assert.equal(picture.name, `${base}.jpeg`);
  assert.ok(picture.bytes.equals(images[1080]), 'not the CDN bytes');
  assert.equal(await statusText(profile),
    "Saved @sample.creator's profile picture, 1080 by 1080 pixels");

  const requests = await browser.worker.evaluate(
    () => globalThis.requestedByTest);
  assert.equal(requests.length, 2);
  assert.equal(requests[0].url, urls.avatarLarger);
  assert.equal(requests[0].filename, `TikTok/Archive/${base}.jpeg`);
  assert.equal(requests[0].saveAs, true);
  assert.match(requests[1].url, /^data:application\/json;/);
  assert.equal(requests[1].filename, `TikTok/Archive/${base}.json`);
  assert.equal(requests[1].saveAs, false);

  const metadata = JSON.parse(
    await readFile(join(folder, `${base}.json`), 'utf8'));
  const savedAt = metadata.savedAt;
  assert.match(savedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  const when = Date.parse(savedAt);
  assert.ok(when >= started.getTime() - 1000 && when <= Date.now(), savedAt);
  assert.deepEqual({ ...metadata, savedAt: 'checked above' }, {
    pageUrl: 'https://www.tiktok.com/@sample.creator',
    handle: 'sample.creator',
    nickname: 'Sample Creator',
    id: metadata.id,
    width: 1080,
    height: 1080,
    format: 'jpeg',
    avatarId: 'b5a9de7cb7f554aa15048f2925f65487',
    avatarUrl: urls.avatarLarger.split('?')[0],
    savedAt: 'checked above',
  });
  assert.match(metadata.id, /^\d+$/);
  assert.ok(!JSON.stringify(metadata).includes('x-signature'));
  await profile.close();
});

test('the options page speaks Spanish and passes axe there too', {
  skip: !uiLocaleAvailable('es') &&
    'Chromium has no Spanish UI: apt-get install chromium-l10n',
}, async () => {
  const spanish = await launchBrowser({
    extensionDir: DIST, cdnPort: cdn.port, lang: 'es',
  });
  try {
    const page = await openOptions(spanish.context, spanish.extensionId);
    assert.equal(await page.evaluate(() => document.documentElement.lang),
      'es');
    assert.equal(await page.title(), 'Opciones de Avatar Saver');
    await page.getByLabel('Nombre del archivo').focus();
    await retype(page, '{handle} {fecha}');
    assert.equal(await result(page, 'no es una etiqueta'),
      '{fecha} no es una etiqueta. Usa {handle}, {nickname}, {id}, ' +
      '{size}, {avatar_id} o {date}');
    assert.deepEqual(await axeViolations(page), []);
    await retype(page, '{handle}');
    await page.getByRole('button', { name: 'Guardar' }).press('Enter');
    await page.getByRole('status').filter({ hasText: 'guardadas' })
      .waitFor();
  } finally {
    await spanish.close();
  }
});
