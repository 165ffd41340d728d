// Chromium itself judges our file names: every name the core makes from a
// hostile pattern must be accepted by chrome.downloads.download (which
// refuses what net::IsSafePortableRelativePath refuses) and land on disk
// under exactly that name. The unsanitised names are refused, so the test
// can fail. The characters come from V8's Unicode tables, the same ICU data
// Chromium's check uses, not from a list of ours.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { launchBrowser, startCdn } from './harness.mjs';
import { DIST } from './extension.mjs';

const DATE = '2026-12-03';
let cdn, browser, page;

before(async () => {
  cdn = await startCdn();
  browser = await launchBrowser({ extensionDir: DIST, cdnPort: cdn.port });
  page = await browser.context.newPage();
  await page.goto(
    `chrome-extension://${browser.extensionId}/options/options.html`);
  await page.locator('#pattern-result').filter({ hasText: /\S/ }).waitFor();
});

after(async () => {
  await browser?.close();
  await cdn?.close();
});

/** The core's name for `pattern`, from the options page's copy of it. */
function nameFor(pattern, subfolder = '') {
  return page.evaluate(async ([options, date]) => {
    const { exampleName } = await import('/core/avatar_saver.js');
    return exampleName(options, date);
  }, [JSON.stringify({ pattern, subfolder }), DATE]);
}

/**
 * Asks chrome.downloads to save a small text file as `filename`; resolves
 * with the path it landed at, or the API's error message.
 */
function download(filename) {
  return page.evaluate(async (name) => {
    let id;
    try {
      id = await chrome.downloads.download({
        url: 'data:image/jpeg,x', filename: name, conflictAction: 'uniquify',
      });
    } catch (error) {
      return { error: error.message };
    }
    for (;;) {
      const [item] = await chrome.downloads.search({ id });
      if (item.state !== 'in_progress') {
        return { state: item.state, path: item.filename };
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, filename);
}

let saves = 0;

/**
 * Saves `name` and checks it landed under exactly that name, each in a
 * folder of its own so that no two names meet.
 */
async function assertSavedAs(name) {
  saves += 1;
  name = `${saves}/${name}`;
  const result = await download(name);
  assert.equal(result.error, undefined, `refused: ${JSON.stringify(name)}`);
  assert.equal(result.state, 'complete', JSON.stringify(name));
  assert.equal(result.path, join(browser.downloadsDir, name));
  assert.equal(await readFile(result.path, 'utf8'), 'x');
}

test('hostile names are refused raw and accepted after the core',
  async () => {
    const table = [
      ['{handle}~evil~', 'sample.creator_evil_.jpeg'],
      ['gnp\u202Egpj.exe {handle}', 'gnpgpj.exe sample.creator.jpeg'],
      ['\u2067{nickname}\u2069\u200F', 'Sample Creator.jpeg'],
      ['👩\u200D💻 {handle}', '👩💻 sample.creator.jpeg'],
      ['CON', '_CON.jpeg'],
      ['nul.{size}', '_nul.1080x1080.jpeg'],
      ['com1', '_com1.jpeg'],
      ['{handle}. . .', 'sample.creator.jpeg'],
      ['...{handle}', 'sample.creator.jpeg'],
      ['\u3000{handle}\u00A0', '_sample.creator_.jpeg'],
      ['a/b\\c:d*e?f"g<h>i|j', 'a_b_c_d_e_f_g_h_i_j.jpeg'],
      ['Ελένη 山田 مريم שרה {date}', `Ελένη 山田 مريم שרה ${DATE}.jpeg`],
    ];
    for (const [pattern, want] of table) {
      const name = await nameFor(pattern);
      assert.equal(name, want, pattern);
      await assertSavedAs(name);
    }
    for (const raw of ['gnp\u202Egpj.jpeg', 'CON.jpeg', 'a. . .',
      '.hidden.jpeg', '\u3000a.jpeg', 'a\u200Db.jpeg', 'a"b.jpeg']) {
      assert.equal((await download(raw)).error, 'Invalid filename', raw);
    }
  });

test('hostile folders are accepted after the core', async () => {
  const name = await nameFor('{handle}', ' ../x.lnk/CON/desktop.ini/~a~ ');
  assert.equal(name, 'x.lnk_/_CON/desktop.ini_/_a_/sample.creator.jpeg');
  await assertSavedAs(name);
});

test('every control, format, space and noncharacter is handled',
  async () => {
    const odd = await page.evaluate(() => {
      const found = [];
      const re = /[\p{Cc}\p{Cf}\p{White_Space}\p{Noncharacter_Code_Point}]/u;
      for (let cp = 0; cp <= 0x10ffff; cp += 1) {
        if (cp >= 0xd800 && cp <= 0xdfff) continue;
        const c = String.fromCodePoint(cp);
        if (re.test(c)) found.push(c);
      }
      return found;
    });
    assert.ok(odd.length > 300, `only ${odd.length} characters`);

    // Inside a name, in batches within the length limit.
    for (let i = 0; i < odd.length; i += 40) {
      const batch = odd.slice(i, i + 40).join('');
      const name = await nameFor(`a${batch}b`);
      assert.match(name, /^a[_ ]*b\.jpeg$/u, `batch at ${i}`);
      await assertSavedAs(name);
    }
    // At the ends of a name, where Chromium is stricter still.
    const ends = odd.filter((c) => /\p{White_Space}/u.test(c))
      .concat(['.', '~', ' ']);
    for (const c of ends) {
      const name = await nameFor(`${c}a${c}`);
      await assertSavedAs(name);
    }
  });
