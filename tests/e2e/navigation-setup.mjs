// What the navigation tests share: the real 2025 page at @sample.creator,
// a second person the page can fetch and navigate to, the stand-in CDN
// serving both people's pictures, and a stand-in for TikTok's React that
// redraws the header for whichever profile the address bar shows.

import { readFile } from 'node:fs/promises';

import {
  cdnImage, fixturePage, launchBrowser, routeJson, routeTikTok,
  serveOwnerAvatars, startCdn, targetOf,
} from './harness.mjs';
import { DIST } from './extension.mjs';

export const FIRST = 'sample.creator';
export const SECOND = 'second.person';
const PAGE = 'profile-2025-eu.html';
// Signed like the real CDN, expiring in 2100 so nothing ranks them last.
const SECOND_ID = 'c0ffee5ec0d0a11ce0b0e5f0a1b2c3d4';
const secondUrl = (size) => 'https://p16-sign-va.tiktokcdn.com/' +
  `tos-maliva-avt-0068/${SECOND_ID}~tplv-tiktokx-cropcenter:` +
  `${size}:${size}.jpeg?dr=14579&x-expires=4102444800` +
  `&x-signature=Zm9v${size}YmFy%2Fc2ln%3D&idc=maliva`;

/** The user-detail API's answer about the second person. */
export const SECOND_DETAIL = {
  extra: { now: 1765000000000 },
  statusCode: 0,
  statusMsg: '',
  userInfo: {
    user: {
      id: '7000000000000000002',
      uniqueId: SECOND,
      nickname: 'Second Person',
      avatarLarger: secondUrl(1080),
      avatarMedium: secondUrl(720),
      avatarThumb: secondUrl(100),
    },
    stats: { followerCount: 2 },
  },
};

/** Starts the CDN and the browser, and routes both profiles and /foryou. */
export async function startNavigation() {
  const html = await readFile(fixturePage(PAGE), 'utf8');
  const cdn = await startCdn();
  const owner = await serveOwnerAvatars(cdn, html);
  const first = owner.urls;
  const images = { [FIRST]: owner.images, [SECOND]: {} };
  for (const size of [1080, 720]) {
    const body = await readFile(cdnImage(`second-${size}.jpeg`));
    images[SECOND][size] = body;
    cdn.serve(targetOf(secondUrl(size)), { body });
  }
  // There is no second-100 picture; the creator's stands in, never saved.
  cdn.serve(targetOf(secondUrl(100)), { body: images[FIRST][100] });

  const browser = await launchBrowser({ extensionDir: DIST,
    cdnPort: cdn.port });
  await routeTikTok(browser.context, {
    [`/@${FIRST}`]: { file: fixturePage(PAGE) },
    '/foryou': { body: '<!doctype html><title>For You</title><main></main>' },
  });
  await routeJson(browser.context, '/api/user/detail/', (url) =>
    url.searchParams.get('uniqueId') === SECOND
      ? SECOND_DETAIL
      : { statusCode: 10221, statusMsg: '', userInfo: {} });

  const headers = {
    [FIRST]: { src: first.avatarLarger },
    // TikTok's header shows a smaller variant than the API lists.
    [SECOND]: { src: secondUrl(720) },
  };
  return { cdn, browser, images, headers };
}

/**
 * Installs the stand-in for TikTok's React: `show(handle)` redraws the
 * header's title and image (building the header on a page without one),
 * and back and forward redraw it for the profile they return to.
 */
export async function installApp(page, headers) {
  await page.evaluate((headers) => {
    globalThis.show = (handle) => {
      let title = document.querySelector('h1[data-e2e="user-title"]');
      if (!title) {
        const box = document.createElement('div');
        box.setAttribute('data-e2e', 'user-avatar');
        box.append(document.createElement('img'));
        title = document.createElement('h1');
        title.setAttribute('data-e2e', 'user-title');
        document.querySelector('main').append(box, title);
      }
      const image = document.querySelector('[data-e2e="user-avatar"] img');
      image.src = headers[handle].src;
      title.textContent = handle;
    };
    addEventListener('popstate', () => {
      const handle = location.pathname.slice(2);
      if (headers[handle]) {
        globalThis.show(handle);
      }
    });
  }, headers);
}

/** Goes to a profile in-app, as TikTok does, and redraws the header. */
export async function goTo(page, handle, { redraw = true } = {}) {
  await page.evaluate(({ handle, redraw }) => {
    history.pushState({}, '', `/@${handle}`);
    if (redraw) {
      globalThis.show(handle);
    }
  }, { handle, redraw });
}

/** The page fetches the second person's details, as TikTok's app does. */
export function fetchSecond(page) {
  return page.evaluate(async (handle) => {
    const response = await fetch(`/api/user/detail/?uniqueId=${handle}`);
    return response.json();
  }, SECOND);
}

/** The button with the accessible name a person hears for `handle`. */
export function buttonFor(page, handle, size) {
  const sized = size ? `, ${size} by ${size} pixels` : '';
  return page.getByRole('button', {
    name: `Download profile picture of @${handle}${sized}`,
    exact: true,
  });
}
