// The two browsers the benchmark compares: one with the built extension,
// one with an empty stand-in extension (same flags, same extension
// machinery, no content script), both serving the real Nov 2025 page and
// its avatars from this machine, as the e2e tests do.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  avatarUrlsOf, cdnImage, fixturePage, launchBrowser, routeTikTok,
  startCdn, targetOf,
} from '../../tests/e2e/harness.mjs';

export const PAGE = 'profile-2025-eu.html';
export const PROFILE_PATH = '/@sample.creator';
export const PROFILE_URL = `https://www.tiktok.com${PROFILE_PATH}`;

/** Serves the page's three avatar sizes on a fresh stand-in CDN. */
export async function startAvatarCdn() {
  const urls = avatarUrlsOf(await readFile(fixturePage(PAGE), 'utf8'));
  const cdn = await startCdn();
  for (const [field, size] of [['avatarLarger', 1080],
    ['avatarMedium', 720], ['avatarThumb', 100]]) {
    const body = await readFile(cdnImage(`creator-${size}.jpeg`));
    cdn.serve(targetOf(urls[field]), { body });
  }
  return cdn;
}

/** An extension that does nothing: the "off" side of a comparison. */
async function emptyExtension() {
  const dir = await mkdtemp(join(tmpdir(), 'avatar-bench-off-'));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3,
    name: 'empty',
    version: '1.0',
    background: { service_worker: 'worker.js' },
  }));
  await writeFile(join(dir, 'worker.js'), '');
  return dir;
}

/**
 * Launches Chromium with `extensionDir` (or, when it is null, the empty
 * extension) and the real page routed. Returns the harness's browser.
 */
export async function openBrowser(extensionDir, cdnPort) {
  const empty = extensionDir ? null : await emptyExtension();
  const browser = await launchBrowser({
    extensionDir: extensionDir ?? empty, cdnPort,
  });
  await routeTikTok(browser.context,
    { [PROFILE_PATH]: { file: fixturePage(PAGE) } });
  const close = browser.close;
  browser.close = async () => {
    await close();
    if (empty) await rm(empty, { recursive: true, force: true });
  };
  return browser;
}

/** Waits until our button on `page` is labelled by the worker's answer. */
export async function buttonLabelled(page) {
  await page.waitForFunction(() => {
    const host = document.querySelector('avatar-saver-button');
    const label = host?.shadowRoot?.querySelector('button')
      ?.getAttribute('aria-label');
    return Boolean(label);
  }, null, { timeout: 30_000 });
}
