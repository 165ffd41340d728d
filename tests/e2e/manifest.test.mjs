// Least privilege, reviewed: the built dist/manifest.json must ask for
// exactly what is listed here. A new permission, host, world, resource,
// CSP source or command fails this test until someone reviews it and
// writes it down below, with the reason it is needed.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';

import { DIST } from './extension.mjs';

const TIKTOK = ['https://www.tiktok.com/*'];

/** Every top-level key the manifest may have. */
const KEYS = [
  'manifest_version', 'name', 'short_name', 'description', 'version',
  'default_locale', 'minimum_chrome_version', 'permissions', 'background',
  'content_scripts', 'action', 'icons', 'commands',
  'content_security_policy', 'options_ui',
];

const REVIEWED = {
  // downloads: the one thing the extension does. storage: the person's
  // options (issue 6). No tabs, no scripting, no host permissions: the
  // content script's matches are all the page access it needs.
  permissions: ['downloads', 'storage'],
  background: { service_worker: 'worker.js', type: 'module' },
  // Where our code meets page code: TikTok's www host only, top frame
  // only, in the isolated world; plus one MAIN-world observer of the
  // page's own detail responses (issue 5), which decides nothing.
  contentScripts: [
    { matches: TIKTOK, world: 'ISOLATED', run_at: 'document_idle' },
    {
      matches: TIKTOK, world: 'MAIN', run_at: 'document_start',
      js: ['content/main-world.js'],
    },
  ],
  // Extension pages run only our own files; WebAssembly is compiled, never
  // evaluated from strings.
  csp: {
    extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
  },
  commands: {
    'save-avatar': {
      suggested_key: { default: 'Alt+Shift+D' },
      description: '__MSG_command_description__',
    },
  },
  optionsUi: { page: 'options/options.html', open_in_tab: false },
};

const manifest = JSON.parse(
  await readFile(join(DIST, 'manifest.json'), 'utf8'));

test('asks for exactly the reviewed permissions and nothing else', () => {
  const want = REVIEWED;
  assert.equal(manifest.manifest_version, 3);
  assert.deepEqual(manifest.permissions, want.permissions);
  for (const key of Object.keys(manifest)) {
    assert.ok(KEYS.includes(key), `unreviewed manifest key: ${key}`);
  }
  // Spelled out, because these are the ones that widen what we can reach
  // or who can reach us.
  for (const key of ['host_permissions', 'optional_permissions',
    'optional_host_permissions', 'externally_connectable',
    'web_accessible_resources', 'sandbox', 'key', 'update_url']) {
    assert.equal(manifest[key], undefined, `${key} must stay absent`);
  }
  assert.deepEqual(manifest.background, want.background);
});

test('content scripts run only on TikTok, in the reviewed worlds', () => {
  const want = REVIEWED.contentScripts;
  const got = manifest.content_scripts.map((entry) => ({
    matches: entry.matches,
    world: entry.world ?? 'ISOLATED',
    run_at: entry.run_at,
    ...(entry.world === 'MAIN' ? { js: entry.js } : {}),
  }));
  assert.deepEqual(got, want);
  for (const entry of manifest.content_scripts) {
    for (const key of ['all_frames', 'match_about_blank',
      'match_origin_as_fallback', 'include_globs', 'css']) {
      assert.equal(entry[key], undefined, `content script ${key}`);
    }
    for (const file of entry.js) {
      assert.ok(existsSync(join(DIST, file)), `${file} is not in dist/`);
    }
  }
});

test('the CSP allows only our own scripts and WebAssembly', () => {
  assert.deepEqual(manifest.content_security_policy, REVIEWED.csp);
});

test('one command, and an options page that is ours', () => {
  const want = REVIEWED;
  assert.deepEqual(manifest.commands, want.commands);
  assert.deepEqual(manifest.options_ui, want.optionsUi);
  if (manifest.options_ui) {
    assert.ok(existsSync(join(DIST, manifest.options_ui.page)));
  }
});
