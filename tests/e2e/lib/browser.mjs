// Starts Debian's Chromium with one unpacked extension, a fresh profile and
// a downloads folder the test can read, wired to the stand-in CDN.

import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const LOCALES = '/usr/lib/chromium/locales';
const CDN_HOSTS = [
  '*.tiktokcdn-eu.com', '*.tiktokcdn.com', '*.tiktokcdn-us.com',
];

/**
 * Whether Chromium can run its UI, and so chrome.i18n, in lang. Debian
 * ships only en-US in the chromium package; the rest come with
 * chromium-l10n. Without it every lang falls back to en-US.
 */
export function uiLocaleAvailable(lang) {
  return existsSync(`${LOCALES}/${lang}.pak`);
}

/**
 * Sends TikTok's CDN hosts to the local server and every other name
 * nowhere, so no request can leave the machine even if routing misses one.
 * The first matching rule wins. Syntax: net/dns/mapped_host_resolver.h.
 */
function hostRules(cdnPort, extraHosts = {}) {
  const extra = Object.entries(extraHosts)
    .map(([host, port]) => `MAP ${host} 127.0.0.1:${port}`);
  const maps = [...extra,
    ...CDN_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${cdnPort}`)];
  const rest = 'MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost';
  return [...maps, rest].join(', ');
}

/** The profile settings a person would have chosen: no save-as prompt. */
async function writePreferences(userDataDir, downloadsDir, lang) {
  const prefs = {
    download: {
      default_directory: downloadsDir,
      prompt_for_download: false,
      directory_upgrade: true,
    },
    savefile: { default_directory: downloadsDir },
    intl: { accept_languages: lang },
  };
  await mkdir(join(userDataDir, 'Default'), { recursive: true });
  await writeFile(join(userDataDir, 'Default', 'Preferences'),
    JSON.stringify(prefs));
}

/**
 * Playwright sets the download behaviour of a persistent context itself:
 * "deny", or with acceptDownloads GUID names in its own folder, which drops
 * the name the extension chose. Hand downloads back to the browser and the
 * profile's preferences; a page session accepts this Browser command.
 * https://chromedevtools.github.io/devtools-protocol/tot/Browser/
 */
async function restoreDownloadBehavior(context) {
  const page = context.pages()[0] ?? (await context.newPage());
  const session = await context.newCDPSession(page);
  await session.send('Browser.setDownloadBehavior', { behavior: 'default' });
  await session.detach();
}

/** The extension's service worker, waiting for it if it is not up yet. */
async function extensionWorker(context, extensionDir) {
  const isOurs = (w) => w.url().startsWith('chrome-extension://') &&
    w.url().endsWith('/worker.js');
  const running = context.serviceWorkers().find(isOurs);
  if (running) return running;

  try {
    return await context.waitForEvent('serviceworker',
      { predicate: isOurs, timeout: 10_000 });
  } catch {
    // A manifest Chromium rejects fails silently; say where to look.
    throw new Error(`no service worker from ${extensionDir} in 10 s: ` +
      'does it load by hand in chrome://extensions?');
  }
}

/**
 * Launches Chromium with the unpacked extension in extensionDir. Returns
 * {context, userDataDir, downloadsDir, worker, extensionId, close()}.
 * Headed runs need a display: run them under xvfb-run. extraHosts maps
 * more host names to local ports ({host: port}, tried before the CDN's);
 * otherExtensions are loaded beside it (they must not have a worker.js).
 */
export async function launchBrowser({
  extensionDir, cdnPort, lang = 'en', headless = true, extraHosts = {},
  otherExtensions = [],
}) {
  const root = await mkdtemp(join(tmpdir(), 'avatar-e2e-'));
  const userDataDir = join(root, 'profile');
  const downloadsDir = join(root, 'downloads');
  await mkdir(downloadsDir, { recursive: true });
  await writePreferences(userDataDir, downloadsDir, lang);

  const args = [
    `--disable-extensions-except=${[extensionDir, ...otherExtensions]}`,
    `--load-extension=${[extensionDir, ...otherExtensions]}`,
    `--host-resolver-rules=${hostRules(cdnPort, extraHosts)}`,
    '--ignore-certificate-errors',
    `--lang=${lang}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
  ];
  // Chromium refuses to start sandboxed as root.
  if (process.getuid?.() === 0) args.push('--no-sandbox');

  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless,
    args,
    acceptDownloads: false,
    // On Linux the UI language, which chrome.i18n follows, comes from the
    // environment; --lang alone is ignored there.
    env: { ...process.env, LANGUAGE: lang },
  });

  try {
    await restoreDownloadBehavior(context);
    const worker = await extensionWorker(context, extensionDir);
    const extensionId = new URL(worker.url()).host;

    const close = async () => {
      await context.close();
      await rm(root, { recursive: true, force: true });
    };
    return { context, userDataDir, downloadsDir, worker, extensionId, close };
  } catch (error) {
    await context.close();
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}
