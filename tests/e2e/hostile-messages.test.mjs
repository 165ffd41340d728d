// Forged requests to save: from a script of the page, and from another
// extension's page in the same browser. None of them may start a download
// or reach the CDN. And the privacy promises of a normal save: one
// request, nothing stored, nothing in the page's console.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';

import {
  launchBrowser, listFiles, routeTikTok, startCdn, targetOf, waitForFile,
} from './harness.mjs';
import { DIST } from './extension.mjs';
import {
  GOOD, NAME, pressAndHear, profileHtml, serveGood, universalState,
} from './hostile-setup.mjs';

const HANDLE = 'sample.creator';
const PATH = `/@${HANDLE}`;
// How long a forged request is given to start a download it must not.
const SETTLE_MS = 1500;

let cdn, browser, images, otherDir;
const pageConsole = [];
const workerConsole = [];

/** A request as our content script would send it, for the owner's 1080. */
const FORGED = {
  type: 'save',
  facts: {
    url: `https://www.tiktok.com${PATH}`,
    header: { src: GOOD[1080], title: HANDLE },
  },
};

/**
 * Chromium names an unpacked extension after its folder: the first 32 hex
 * digits of SHA-256 of the path, each written as a letter from a to p.
 */
function unpackedId(dir) {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + parseInt(d, 16)))
    .join('');
}

/** A second extension with one page and no worker of its own. */
async function writeOtherExtension(dir) {
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3, name: 'forger', version: '1.0',
  }));
  await writeFile(join(dir, 'forge.html'),
    '<!doctype html><title>forge</title>');
}

before(async () => {
  otherDir = await mkdtemp(join(tmpdir(), 'forger-ext-'));
  await writeOtherExtension(otherDir);
  cdn = await startCdn();
  images = await serveGood(cdn);
  browser = await launchBrowser({
    extensionDir: DIST, cdnPort: cdn.port, otherExtensions: [otherDir],
  });
  await browser.context.route(() => true,
    (route) => route.abort('blockedbyclient'));
  const html = profileHtml({ title: HANDLE, headerSrc: GOOD[1080],
    state: universalState({ uniqueId: HANDLE, avatarLarger: GOOD[1080],
      avatarMedium: GOOD[720] }) });
  await routeTikTok(browser.context, { [PATH]: { body: html } });
  browser.context.on('console', (message) => pageConsole.push(message));
  browser.worker.on('console', (message) => workerConsole.push(message));
});

after(async () => {
  await browser?.close();
  await cdn?.close();
  await rm(otherDir, { recursive: true, force: true });
});

/** Opens the profile and waits for our button to be labelled. */
async function openProfile() {
  const page = await browser.context.newPage();
  await page.goto(`https://www.tiktok.com${PATH}`);
  await page.getByRole('button', { name: /1080 by 1080 pixels$/ }).waitFor();
  return page;
}

/** Nothing new in Downloads and no request at the CDN after a while. */
async function assertNothingHappened(before) {
  await sleep(SETTLE_MS);
  assert.deepEqual(await listFiles(browser.downloadsDir), before);
  assert.deepEqual(cdn.requests, []);
}

test('a page script cannot reach the worker or press our button',
  async () => {
    cdn.requests.length = 0;
    const before = await listFiles(browser.downloadsDir);
    const page = await openProfile();
    const tried = await page.evaluate(async (forged) => {
      const said = [];
      // Without externally_connectable, pages get no chrome.runtime.
      said.push(typeof globalThis.chrome?.runtime?.sendMessage);
      window.postMessage(forged, '*');
      window.postMessage({ type: 'saveShown' }, '*');
      document.dispatchEvent(new CustomEvent('saveShown'));
      // Our button is in an open shadow root: a script can find it and
      // click it, but a click the person did not make must not save.
      const button = document.querySelector('avatar-saver-button')
        ?.shadowRoot?.querySelector('button');
      said.push(button ? 'found' : 'missing');
      button?.click();
      button?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
      return said;
    }, FORGED);
    assert.deepEqual(tried, ['undefined', 'found']);
    await assertNothingHappened(before);
    await page.close();
  });

test('another extension\'s page cannot make us save', async () => {
  const otherId = unpackedId(otherDir);
  assert.notEqual(otherId, browser.extensionId);
  cdn.requests.length = 0;
  const before = await listFiles(browser.downloadsDir);
  const profile = await openProfile();
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${otherId}/forge.html`);
  const outcomes = await page.evaluate(async ({ ourId, forged }) => {
    const outcome = async (promise) => {
      try {
        return `answered ${JSON.stringify(await promise)}`;
      } catch (error) {
        return `refused: ${error.message}`;
      }
    };
    const port = chrome.runtime.connect(ourId);
    port.postMessage(forged);
    const tabs = await chrome.tabs.query({});
    return [
      await outcome(chrome.runtime.sendMessage(ourId, forged)),
      await outcome(chrome.runtime.sendMessage(ourId, { type: 'inspect',
        facts: forged.facts })),
      ...await Promise.all(tabs.map((tab) => outcome(
        chrome.tabs.sendMessage(tab.id, { type: 'saveShown' })))),
    ];
  }, { ourId: browser.extensionId, forged: FORGED });
  assert.ok(outcomes.length >= 3, 'the profile tab was seen');
  for (const said of outcomes) {
    assert.match(said, /^refused: Could not establish connection/);
  }
  await assertNothingHappened(before);
  await page.close();
  await profile.close();
});

test('our own options page, not a content script, cannot make us save',
  async () => {
    cdn.requests.length = 0;
    const before = await listFiles(browser.downloadsDir);
    const profile = await openProfile();
    const page = await browser.context.newPage();
    // An extension page gets through Chromium's own checks (same id), so
    // only the worker's check of the sender stands between it and a save.
    await page.goto(
      `chrome-extension://${browser.extensionId}/options/options.html`);
    const answers = await page.evaluate(async (forged) => {
      const outcome = async (message) => {
        try {
          return JSON.stringify(await chrome.runtime.sendMessage(message))
            ?? 'no answer';
        } catch (error) {
          return `refused: ${error.message}`;
        }
      };
      return [
        await outcome(forged),
        await outcome({ type: 'inspect', facts: forged.facts }),
      ];
    }, FORGED);
    for (const said of answers) {
      assert.doesNotMatch(said, /"type"/, 'the worker answered');
    }
    await assertNothingHappened(before);
    await page.close();
    await profile.close();
  });

test('a save makes one request, stores nothing and logs nothing',
  async () => {
    cdn.requests.length = 0;
    const before = await listFiles(browser.downloadsDir);
    pageConsole.length = 0;
    workerConsole.length = 0;
    const page = await openProfile();
    const storageBefore = await page.evaluate(() => [
      localStorage.length, sessionStorage.length, document.cookie,
    ]);
    const { text } = await pressAndHear(page);
    assert.equal(text,
      "Saved @sample.creator's profile picture, 1080 by 1080 pixels");
    const file = await waitForFile(browser.downloadsDir, { skip: before });
    assert.equal(file.name, NAME[1080]);
    assert.ok(file.bytes.equals(images[1080]));
    assert.deepEqual(cdn.requests.map((r) => r.url),
      [targetOf(GOOD[1080])]);

    // The page's own storage is as it was; the extension keeps nothing
    // but the person's options, none of which were set here
    // (chrome.storage exists once issue 6 adds them), and no cache or
    // database of its own.
    assert.deepEqual(await page.evaluate(() => [
      localStorage.length, sessionStorage.length, document.cookie,
    ]), storageBefore);
    const kept = await browser.worker.evaluate(async () => ({
      sync: await chrome.storage?.sync.get(null) ?? {},
      local: await chrome.storage?.local.get(null) ?? {},
      session: await chrome.storage?.session.get(null) ?? {},
      caches: await caches.keys(),
      databases: (await indexedDB.databases()).map((d) => d.name),
    }));
    assert.deepEqual(kept, { sync: {}, local: {}, session: {}, caches: [],
      databases: [] });
    await page.close();
    // The page's own failed image load may log; nothing of ours may.
    const ours = pageConsole.filter((m) =>
      m.location().url.startsWith('chrome-extension://') ||
      m.text().includes('avatar-saver'));
    assert.deepEqual(ours.map((m) => m.text()), []);
    assert.deepEqual(workerConsole.map((m) => m.text()), []);
  });
