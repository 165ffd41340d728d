// The main-world observer (extension/content/main-world.js): it forwards
// the page's own user-detail responses, by fetch or XMLHttpRequest, and
// the page still gets exactly what it asked for. The channel is the page's
// to write, so forged messages must change nothing.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import { openProfile, statusText } from './extension.mjs';
import {
  FIRST, SECOND, SECOND_DETAIL, buttonFor, goTo, installApp,
  startNavigation,
} from './navigation-setup.mjs';

const DETAIL = `/api/user/detail/?uniqueId=${SECOND}`;
let cdn, browser, headers;

before(async () => {
  ({ cdn, browser, headers } = await startNavigation());
});

after(async () => {
  await browser?.close();
  await cdn?.close();
});

/**
 * Opens the creator's page and goes to @second.person without redrawing
 * the header: only a forwarded response can name the second person now.
 */
async function openAndLeave() {
  const page = await openProfile(browser.context, `/@${FIRST}`);
  await buttonFor(page, FIRST, 1080).waitFor();
  await installApp(page, headers);
  await goTo(page, SECOND, { redraw: false });
  await buttonFor(page, SECOND).or(unnamed(page)).waitFor();
  return page;
}

/** The button when it names no one. */
function unnamed(page) {
  return page.getByRole('button', { name: 'Download profile picture',
    exact: true });
}

test('a fetch response is forwarded and the page reads the same JSON',
  async () => {
    const page = await openAndLeave();
    const seen = await page.evaluate(async (path) => {
      const response = await fetch(path);
      return {
        isResponse: response instanceof Response,
        status: response.status,
        type: response.headers.get('content-type'),
        bodyUsed: response.bodyUsed,
        json: await response.json(),
      };
    }, DETAIL);
    assert.deepEqual(seen, { isResponse: true, status: 200,
      type: 'application/json', bodyUsed: false, json: SECOND_DETAIL });
    await buttonFor(page, SECOND, 1080).waitFor();
    await page.close();
  });

test('when the page wraps fetch itself, both it and we still see the ' +
  'response', async () => {
    const page = await openAndLeave();
    const seen = await page.evaluate(async (path) => {
      const inner = globalThis.fetch;
      let calls = 0;
      globalThis.fetch = function (...args) {
        calls += 1;
        return inner.apply(this, args).then((response) => response);
      };
      const json = await (await fetch(path)).json();
      return { calls, json };
    }, DETAIL);
    assert.deepEqual(seen, { calls: 1, json: SECOND_DETAIL });
    await buttonFor(page, SECOND, 1080).waitFor();
    await page.close();
  });

test('a failing fetch fails for the page as the browser\'s own does',
  async () => {
    const page = await openAndLeave();
    const errors = await page.evaluate(async (path) => {
      // A new blank frame has the browser's fetch: our script never runs
      // there.
      const frame = document.createElement('iframe');
      document.body.append(frame);
      const native = frame.contentWindow.fetch;
      const url = new URL(path, location.href).href;
      const cases = [
        (f) => f.call(window, url, { signal: AbortSignal.abort() }),
        (f) => f.call(window, url, { method: 'GET', body: 'x' }),
        (f) => f.call({}, url),
      ];
      const outcome = async (call) => {
        try {
          await call();
          return 'resolved';
        } catch (e) {
          return `${e.name}: ${e.message}`;
        }
      };
      const out = [];
      for (const make of cases) {
        out.push([await outcome(() => make(fetch)),
          await outcome(() => make(native))]);
      }
      frame.remove();
      return out;
    }, DETAIL);
    for (const [ours, theirs] of errors) {
      assert.notEqual(ours, 'resolved');
      assert.equal(ours, theirs);
    }
    await page.close();
  });

for (const responseType of ['', 'json']) {
  test(`an XMLHttpRequest response (responseType "${responseType}") is ` +
    'forwarded and the page reads the same JSON', async () => {
    const page = await openAndLeave();
    const json = await page.evaluate(({ path, responseType }) =>
      new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('GET', path);
        xhr.responseType = responseType;
        xhr.onload = () => resolve(responseType === 'json'
          ? xhr.response : JSON.parse(xhr.responseText));
        xhr.onerror = reject;
        xhr.send();
      }), { path: DETAIL, responseType });
    assert.deepEqual(json, SECOND_DETAIL);
    await buttonFor(page, SECOND, 1080).waitFor();
    await page.close();
  });
}

test('forged messages on the channel are dropped; a well-formed one is ' +
  'weighed like any page data', async () => {
    const page = await openAndLeave();
    const text = JSON.stringify(SECOND_DETAIL);
    const send = (detail) => page.evaluate((detail) => document.dispatchEvent(
      new CustomEvent('avatar-saver:detail', { detail })), detail);

    await send({ url: `https://www.tiktok.com${DETAIL}`, text });
    await send(JSON.stringify({ url: 42, text }));
    await send(JSON.stringify({ url: `https://www.tiktok.com${DETAIL}`,
      text: SECOND_DETAIL }));
    await send(JSON.stringify({ url: 'https://www.tiktok.com/api/other/',
      text }));
    await send(JSON.stringify({ url: `https://evil.example${DETAIL}`,
      text }));
    await send(`{"url": "https://www.tiktok.com${DETAIL}", "text": "`);
    await page.evaluate((url) => {
      // Over the core's 8 MB limit for all page text together.
      const text = JSON.stringify({ pad: 'x'.repeat(9 * 1024 * 1024) });
      document.dispatchEvent(new CustomEvent('avatar-saver:detail',
        { detail: JSON.stringify({ url, text }) }));
    }, `https://www.tiktok.com${DETAIL}`);

    await unnamed(page).press('Enter');
    assert.equal(await statusText(page), "Couldn't find this profile's " +
      'picture on the page. Reload the page and try again');

    await send(JSON.stringify({ url: `https://www.tiktok.com${DETAIL}`,
      text }));
    await buttonFor(page, SECOND, 1080).waitFor();
    await page.close();
  });

test('the observer watches the path the core knows as the detail API',
  async () => {
    const source = await readFile(new URL(
      '../../extension/content/main-world.js', import.meta.url), 'utf8');
    await import('../../extension/protocol.js');
    const { detailApiPath } = globalThis.AVATAR_SAVER;
    assert.ok(source.includes(`const DETAIL_PATH = '${detailApiPath}';`),
      `main-world.js does not watch ${detailApiPath}`);
  });
