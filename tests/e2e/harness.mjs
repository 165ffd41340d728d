// The end-to-end test harness: one import for every helper in lib/.
//
// A test starts the stand-in CDN, launches Chromium with an unpacked
// extension, routes saved TikTok pages into it, and reads what lands in
// the downloads folder. Nothing reaches the internet.

export { startCdn } from './lib/cdn.mjs';
export { launchBrowser, uiLocaleAvailable } from './lib/browser.mjs';
export { routeTikTok, routeJson } from './lib/routes.mjs';
export { waitForFile, listFiles } from './lib/files.mjs';
export { fixturePage, cdnImage } from './lib/paths.mjs';
export {
  avatarUrlsOf, serveOwnerAvatars, targetOf,
} from './lib/avatars.mjs';
