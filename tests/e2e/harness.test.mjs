// Proves the harness itself with a throwaway probe extension, so a failure
// in the real extension's tests points at the extension, not the plumbing.

import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import {
  avatarUrlsOf, cdnImage, fixturePage, launchBrowser, listFiles,
  routeJson, routeTikTok, startCdn, targetOf, waitForFile,
} from './harness.mjs';

const PROBE_MANIFEST = {
  manifest_version: 3,
  name: 'harness probe',
  version: '1.0',
  permissions: ['downloads'],
  background: { service_worker: 'worker.js', type: 'module' },
  commands: {
    'probe-save': {
      suggested_key: { default: 'Alt+Shift+Y' },
      description: 'probe command',
    },
  },
};

/** Writes the probe extension; its worker only needs to exist. */
async function writeProbe(dir) {
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(PROBE_MANIFEST));
  await writeFile(join(dir, 'worker.js'),
    '// Driven from the test through worker.evaluate.\n');
}

let cdn, browser, probeDir, urls, large;

before(async () => {
  probeDir = await mkdtemp(join(tmpdir(), 'probe-ext-'));
  await writeProbe(probeDir);

  const html = await readFile(fixturePage('profile-2025-eu.html'), 'utf8');
  urls = avatarUrlsOf(html);
  large = await readFile(cdnImage('creator-1080.jpeg'));

  cdn = await startCdn();
  cdn.serve(targetOf(urls.avatarLarger), { body: large });

  browser = await launchBrowser({ extensionDir: probeDir, cdnPort: cdn.port });
  await routeTikTok(browser.context, {
    '/@sample.creator': { file: fixturePage('profile-2025-eu.html') },
  });
});

after(async () => {
  await browser?.close();
  await cdn?.close();
  await rm(probeDir, { recursive: true, force: true });
});

test('serves the saved profile page with its CSP', async () => {
  const page = await browser.context.newPage();
  const response = await page.goto('https://www.tiktok.com/@sample.creator');

  assert.equal(await page.title(), 'Sample Creator (@sample.creator) | TikTok');
  assert.equal(response.headers()['content-security-policy'],
    "script-src 'self'");

  // The policy is in force: an inline script added to the page never runs.
  const inlineRan = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.head.append(script);
    return window.inlineRan === true;
  });
  assert.equal(inlineRan, false);
  await page.close();
});

test('download keeps the extension\'s name and the CDN bytes', async () => {
  const id = await browser.worker.evaluate((url) => chrome.downloads.download(
    { url, filename: 'probe_name.jpeg', conflictAction: 'uniquify' },
  ), urls.avatarLarger);
  assert.equal(typeof id, 'number');

  const file = await waitForFile(browser.downloadsDir);
  assert.equal(file.name, 'probe_name.jpeg');
  assert.ok(file.bytes.equals(large), 'saved bytes differ from the 1080 image');

  const seen = cdn.requests.map((r) => [r.host, r.url]);
  assert.deepEqual(seen, [[
    'p16-pu-sign-no.tiktokcdn-eu.com', targetOf(urls.avatarLarger),
  ]]);
  assert.deepEqual(await listFiles(browser.downloadsDir), ['probe_name.jpeg']);
});

test('a refused CDN request saves nothing', async () => {
  const target = targetOf(urls.avatarMedium);
  cdn.serve(target, { body: large });
  cdn.setStatus(target, 403);

  const state = await browser.worker.evaluate(async (url) => {
    const id = await chrome.downloads.download({ url });
    for (let i = 0; i < 100; i += 1) {
      const [item] = await chrome.downloads.search({ id });
      if (item.state !== 'in_progress') return item.error ?? item.state;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return 'timeout';
  }, urls.avatarMedium);

  assert.equal(state, 'SERVER_FORBIDDEN');
  assert.deepEqual(await listFiles(browser.downloadsDir), ['probe_name.jpeg']);
});

test('JSON routes answer the page', async () => {
  await routeJson(browser.context, '/api/user/detail/', (url) => ({
    uniqueId: url.searchParams.get('uniqueId'),
  }));
  const page = await browser.context.newPage();
  await page.goto('https://www.tiktok.com/@sample.creator');

  // The page's own CSP allows same-origin fetches from evaluate.
  const body = await page.evaluate(() =>
    fetch('/api/user/detail/?uniqueId=sample.creator').then((r) => r.json()));
  assert.deepEqual(body, { uniqueId: 'sample.creator' });
  await page.close();
});

test('other TikTok requests from the page are stopped', async () => {
  const page = await browser.context.newPage();
  const failed = [];
  page.on('requestfailed', (r) => {
    // The saved DOM also holds dead blob: URLs; only the network counts.
    if (r.url().startsWith('https:')) failed.push(r.failure().errorText);
  });

  // Its own avatar images and scripts, and a call nobody registered.
  await page.goto('https://www.tiktok.com/@sample.creator');
  const [other] = await Promise.all([
    page.waitForEvent('requestfailed',
      (r) => r.url() === 'https://www.tiktok.com/api/other/'),
    page.evaluate(() =>
      fetch('https://www.tiktok.com/api/other/').catch(() => null)),
  ]);

  // Playwright's abort reads ERR_BLOCKED_BY_CLIENT.Inspector; the page's
  // CSP turns away off-site scripts before any request, reading "csp".
  const routed = /^net::ERR_BLOCKED_BY_CLIENT/;
  assert.match(other.failure().errorText, routed);
  assert.ok(failed.some((text) => routed.test(text)));
  assert.deepEqual(
    failed.filter((text) => !routed.test(text) && text !== 'csp'), []);
  await page.close();
});

test('chrome.commands is reachable from the worker', async () => {
  const commands =
    await browser.worker.evaluate(() => chrome.commands.getAll());
  const probe = commands.find((c) => c.name === 'probe-save');
  assert.equal(probe?.description, 'probe command');
});
