// Proves that launchBrowser's lang reaches the extension, which picks its
// messages by the browser's UI language, not by the page's.

import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { launchBrowser, uiLocaleAvailable } from './harness.mjs';

const MANIFEST = {
  manifest_version: 3,
  name: 'lang probe',
  version: '1.0',
  background: { service_worker: 'worker.js' },
};

test('the worker runs in the requested UI language', {
  skip: !uiLocaleAvailable('de') &&
    'Chromium has no German UI: apt-get install chromium-l10n',
}, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lang-ext-'));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(MANIFEST));
  await writeFile(join(dir, 'worker.js'), '// Only needs to exist.\n');

  // No CDN is needed here; the port is never dialled.
  const browser = await launchBrowser({
    extensionDir: dir, cdnPort: 9, lang: 'de',
  });
  try {
    const [ui, nav] = await browser.worker.evaluate(
      () => [chrome.i18n.getUILanguage(), navigator.language]);
    assert.equal(ui, 'de');
    assert.equal(nav, 'de');
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
});
