// Shared by the hostile-* tests: a minimal profile page whose every field
// the test chooses, two genuine pictures on the stand-in CDN, and the one
// step a person takes (press the button, hear the live region), timed.

import { readFile } from 'node:fs/promises';

import { cdnImage, targetOf } from './harness.mjs';
import { statusText } from './extension.mjs';

// Signed links that expire in 2100, so that no row depends on the clock.
const SIGNED = '?x-expires=4102444800&x-signature=aB3%2Fcd%3D';
const OBJECT = 'tos-maliva-avt-0068/7e1f2a3b4c5d6e7f';

/** The owner's genuine pictures, on an allowed CDN host. */
export const GOOD = {
  1080: `https://p16-sign-va.tiktokcdn.com/${OBJECT}~c5_1080x1080.jpeg` +
    SIGNED,
  720: `https://p16-sign-va.tiktokcdn.com/${OBJECT}~c5_720x720.jpeg` +
    SIGNED,
};
/** The file names those two get with the default pattern. */
export const NAME = {
  1080: 'sample.creator_1080x1080_7e1f2a3b.jpeg',
  720: 'sample.creator_720x720_7e1f2a3b.jpeg',
};

/** Loads the stand-in images and serves GOOD on the CDN. */
export async function serveGood(cdn) {
  const images = {
    1080: await readFile(cdnImage('creator-1080.jpeg')),
    720: await readFile(cdnImage('creator-720.jpeg')),
    other: await readFile(cdnImage('second-1080.jpeg')),
  };
  cdn.serve(targetOf(GOOD[1080]), { body: images[1080] });
  cdn.serve(targetOf(GOOD[720]), { body: images[720] });
  return images;
}

/** The state script's JSON for an owner object, TikTok's 2025 shape. */
export function universalState(user, statusCode = 0) {
  return JSON.stringify({
    __DEFAULT_SCOPE__: {
      'webapp.user-detail': { userInfo: { user }, statusCode },
    },
  });
}

const escapeHtml = (text) => String(text).replace(/[&<>"]/g,
  (c) => `&#${c.charCodeAt(0)};`);

/**
 * A profile page: the header with title and image, og:image, and the
 * state script holding `state` (text, used as is but for `</`).
 */
export function profileHtml({ title, state, headerSrc, og }) {
  const script = state === undefined ? '' :
    '<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" ' +
    `type="application/json">${state.replaceAll('</', '<\\/')}</script>`;
  const image = headerSrc === undefined ? '' :
    `<span data-e2e="user-avatar"><img src="${escapeHtml(headerSrc)}" ` +
    'alt=""></span>';
  const meta = og === undefined ? '' :
    `<meta property="og:image" content="${escapeHtml(og)}">`;
  return '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    `<title>profile</title>${meta}</head><body><main>${image}` +
    `<h1 data-e2e="user-title">${escapeHtml(title)}</h1></main>` +
    `${script}</body></html>`;
}

/**
 * Presses the button as a person would (a real click) and returns what
 * the live region said and how long it took to say it, in ms.
 */
export async function pressAndHear(page) {
  const button = page.getByRole('button', {
    name: /^Download profile picture/,
  });
  await button.waitFor();
  const start = Date.now();
  await button.click();
  const text = await statusText(page);
  return { text, ms: Date.now() - start };
}
