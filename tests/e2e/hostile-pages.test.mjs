// The hostile page table: pages whose avatar fields, handles and state
// scripts are built to trick the extension into fetching or writing
// something else. Each row must end within a second in a safe pick (the
// owner's genuine 720 picture, named safely) or a clear message, and the
// local servers must see no request but the allowed CDN's.
//
// Every host a row names is mapped to a local server, so a request WOULD
// be seen if the extension made one: look-alike hosts and IP addresses to
// the stand-in CDN itself, plain http to a trap that records any
// connection. The page's own loads are aborted by routing, so what the
// servers see can only come from the extension.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  launchBrowser, listFiles, routeTikTok, startCdn, targetOf, waitForFile,
} from './harness.mjs';
import { startTrap } from './lib/trap.mjs';
import { DIST } from './extension.mjs';
import {
  GOOD, NAME, pressAndHear, profileHtml, serveGood, universalState,
} from './hostile-setup.mjs';

const HANDLE = 'sample.creator';
const LOOKALIKE = 'p16-sign-va.tiktokcdn.com.evil.example';
const PLAIN = 'p16-plain.tiktokcdn.com';
const ALLOWED_HOST = 'p16-sign-va.tiktokcdn.com';
const SAVED_720 = "Saved @sample.creator's profile picture, 720 by 720 pixels";
const NOT_A_PROFILE = 'Open a TikTok profile to save its picture';
const TOO_LARGE =
  'This page is too large to read safely. Reload the page and try again';
// How long a row may take from the press to the live region's answer.
const WITHIN_MS = 1000;

let cdn, trap, browser, images;
/** The 1080 path: served to anyone who asks, at any host, by any route. */
let path1080;
const consoleMessages = [];

/** Owner object with a hostile avatarLarger beside the genuine 720. */
function owner(avatarLarger, handle = HANDLE) {
  return { id: '7000', uniqueId: handle, nickname: 'Sample Creator',
    avatarLarger, avatarMedium: GOOD[720] };
}

/** A page whose largest avatar field, header and og:image are `url`. */
function hostileAvatar(url) {
  return profileHtml({
    title: HANDLE, state: universalState(owner(url)), headerSrc: url,
    og: url,
  });
}

/** Rows whose hostile picture must be skipped for the genuine 720. */
function avatarRows() {
  const port = cdn.port;
  return [
    ['javascript: URL', `javascript:fetch('${GOOD[1080]}')//${path1080}`],
    ['data: URL of a real JPEG', 'data:image/jpeg;base64,' +
      images[1080].toString('base64')],
    ['file: URL', 'file:///etc/passwd'],
    ['plain http on a CDN name', `http://${PLAIN}${path1080}`],
    ['blob: URL', 'blob:https://www.tiktok.com/0b7d5e8e-1ab2-4c3d-9e8f'],
    ['look-alike host', `https://${LOOKALIKE}${path1080}`],
    ['IP address of the CDN', `https://127.0.0.1:${port}${path1080}`],
    ['credentials in the URL',
      `https://user:secret@${ALLOWED_HOST}${path1080}`],
    ['port on a CDN name', `https://${ALLOWED_HOST}:${port}${path1080}`],
    ['backslash authority', `https://${LOOKALIKE}\\.tiktokcdn.com${path1080}`],
  ].map(([name, url]) => ({ name, html: hostileAvatar(url) }));
}

before(async () => {
  cdn = await startCdn();
  trap = await startTrap();
  images = await serveGood(cdn);
  // The 1080 picture at a second path that only hostile rows name: if any
  // of them were followed, the CDN would answer with real bytes.
  path1080 = '/tos-maliva-avt-0068/hostile~c5_1080x1080.jpeg?x=1';
  cdn.serve(path1080, { body: images[1080] });
  browser = await launchBrowser({
    extensionDir: DIST, cdnPort: cdn.port,
    extraHosts: { [LOOKALIKE]: cdn.port, [PLAIN]: trap.port },
  });
  // Newest route first: TikTok's pages below, everything else aborted, so
  // the page's own image loads never reach the servers.
  await browser.context.route(() => true,
    (route) => route.abort('blockedbyclient'));
  browser.context.on('console', (message) => consoleMessages.push(message));
});

after(async () => {
  await browser?.close();
  await cdn?.close();
  await trap?.close();
});

/** Serves `html` at `path` and presses the button there. */
async function visit(path, html, prepare) {
  await routeTikTok(browser.context, { [path]: { body: html } });
  const page = await browser.context.newPage();
  await page.goto(`https://www.tiktok.com${path}`);
  if (prepare) await page.evaluate(prepare);
  const heard = await pressAndHear(page);
  await page.close();
  return heard;
}

/** Nothing reached any server but the allowed CDN, at `wanted` targets. */
function assertOnlyAllowed(wanted) {
  assert.deepEqual(cdn.requests.map((r) => [r.host, r.url]),
    wanted.map((target) => [ALLOWED_HOST, target]));
  assert.deepEqual(trap.connections, []);
  cdn.requests.length = 0;
}

test('hostile avatar fields give the genuine 720 picture', async (t) => {
  for (const [index, row] of avatarRows().entries()) {
    await t.test(row.name, async (sub) => {
      const before = await listFiles(browser.downloadsDir);
      const { text, ms } = await visit(`/@${HANDLE}`, row.html);
      assert.equal(text, SAVED_720);
      assert.ok(ms < WITHIN_MS, `took ${ms} ms`);
      sub.diagnostic(`answered in ${ms} ms`);
      const file = await waitForFile(browser.downloadsDir, { skip: before });
      const suffix = index === 0 ? '' : ` (${index})`;
      assert.equal(file.name, NAME[720].replace('.jpeg', `${suffix}.jpeg`));
      assert.ok(file.bytes.equals(images[720]));
      assertOnlyAllowed([targetOf(GOOD[720])]);
    });
  }
});

test('hostile handles give a safe name or a clear message', async (t) => {
  const rows = [
    // `..` is a handle the address bar can carry; its dots are trimmed.
    { path: '/@..', handle: '..', name: '_1080x1080_7e1f2a3b.jpeg' },
    // Characters Windows forbids, sent percent-encoded: replaced.
    { path: '/@a%3A%2A', handle: 'a:*', name: 'a___1080x1080_7e1f2a3b.jpeg' },
    { path: '/@..%2F..%2Fevil', handle: '../../evil' },
    { path: '/@a%00b', handle: 'a\u0000b' },
    { path: `/@${'a'.repeat(300)}`, handle: 'a'.repeat(300) },
  ];
  for (const row of rows) {
    await t.test(row.path.slice(0, 40), async (sub) => {
      const user = { ...owner(GOOD[1080], row.handle) };
      const html = profileHtml({ title: row.handle,
        state: universalState(user), headerSrc: GOOD[1080] });
      const before = await listFiles(browser.downloadsDir);
      const { text, ms } = await visit(row.path, html);
      assert.ok(ms < WITHIN_MS, `took ${ms} ms`);
      sub.diagnostic(`answered in ${ms} ms`);
      if (!row.name) {
        assert.equal(text, NOT_A_PROFILE);
        assertOnlyAllowed([]);
        assert.deepEqual(await listFiles(browser.downloadsDir), before);
        return;
      }
      assert.match(text, /^Saved @.*'s profile picture, 1080 by 1080/);
      const file = await waitForFile(browser.downloadsDir, { skip: before });
      assert.equal(file.name, row.name);
      assert.ok(file.bytes.equals(images[1080]));
      assertOnlyAllowed([targetOf(GOOD[1080])]);
    });
  }
});

test('oversized and deeply nested state is refused quickly', async (t) => {
  const user = owner(GOOD[1080]);
  const padding = 'x'.repeat(20 * 1024 * 1024);
  const rows = [
    ['a 20 MB state script', universalState({ ...user, padding })],
    ['JSON nested 100 000 deep', `{"a":${'['.repeat(100_000)}` +
      `${']'.repeat(100_000)},"b":${universalState(user)}}`],
  ];
  for (const [name, state] of rows) {
    await t.test(name, async (sub) => {
      const before = await listFiles(browser.downloadsDir);
      const html = profileHtml({ title: HANDLE, state });
      const { text, ms } = await visit(`/@${HANDLE}`, html);
      assert.equal(text, TOO_LARGE);
      assert.ok(ms < WITHIN_MS, `took ${ms} ms`);
      sub.diagnostic(`answered in ${ms} ms`);
      assertOnlyAllowed([]);
      assert.deepEqual(await listFiles(browser.downloadsDir), before);
    });
  }
});

test('a forged main-world message cannot choose another host or user',
  async (t) => {
    // The page writes the event our main-world observer uses (issue 5),
    // claiming a bigger picture on a look-alike host, and another user's
    // on the real CDN. The content script takes well-formed detail
    // responses only; the core still checks the owner and the host.
    const forged = (user) => JSON.stringify({
      url: `https://www.tiktok.com/api/user/detail/?uniqueId=${HANDLE}`,
      text: JSON.stringify({ userInfo: { user }, statusCode: 0 }),
    });
    const details = [
      forged({ uniqueId: HANDLE, avatarLarger:
        `https://${LOOKALIKE}/x/big~c5_2000x2000.jpeg` }),
      forged({ uniqueId: 'someone.else', avatarLarger:
        `https://${ALLOWED_HOST}${path1080}` }),
      '{"url":1}', 'not json',
    ];
    const prepare = (list) => {
      for (const detail of list) {
        document.dispatchEvent(
          new CustomEvent('avatar-saver:detail', { detail }));
        window.postMessage({ type: 'save', detail }, '*');
      }
    };
    const html = profileHtml({ title: HANDLE,
      state: universalState(owner(GOOD[1080])) });
    const before = await listFiles(browser.downloadsDir);
    await routeTikTok(browser.context, { [`/@${HANDLE}`]: { body: html } });
    const page = await browser.context.newPage();
    await page.goto(`https://www.tiktok.com/@${HANDLE}`);
    await page.evaluate(prepare, details);
    const { text, ms } = await pressAndHear(page);
    await page.close();
    assert.equal(text,
      "Saved @sample.creator's profile picture, 1080 by 1080 pixels");
    assert.ok(ms < WITHIN_MS, `took ${ms} ms`);
    t.diagnostic(`answered in ${ms} ms`);
    const file = await waitForFile(browser.downloadsDir, { skip: before });
    assert.ok(file.bytes.equals(images[1080]), 'not the owner\'s picture');
    assertOnlyAllowed([targetOf(GOOD[1080])]);
  });

test('nothing of ours was written to any page console', () => {
  const ours = consoleMessages.filter((m) =>
    m.location().url.startsWith('chrome-extension://') ||
    m.text().includes('avatar-saver'));
  assert.deepEqual(ours.map((m) => m.text()), []);
});
