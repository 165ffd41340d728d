// Reads the owner's avatar URLs out of a saved profile page, so a test can
// register exactly those targets on the stand-in CDN.
//
// This is test-side knowledge of the fixtures, not the extension's parser:
// if the two ever disagree, the test is the one that says what TikTok sent.

import { readFile } from 'node:fs/promises';

import { cdnImage } from './paths.mjs';

/** Page shapes seen in the fixtures: the JSON script and the owner in it. */
const SHAPES = [
  // profile-2025-eu.html, captured Nov 2025.
  {
    scriptId: '__UNIVERSAL_DATA_FOR_REHYDRATION__',
    owner: (data) =>
      data.__DEFAULT_SCOPE__['webapp.user-detail'].userInfo.user,
  },
  // profile-2021-next-data.html, captured Jan 2021. The viewer's own
  // avatar sits at props.initialProps.$user: never the one to pick.
  {
    scriptId: '__NEXT_DATA__',
    owner: (data) => data.props.pageProps.userInfo.user,
  },
];

function scriptText(html, id) {
  const open = new RegExp(`<script[^>]*\\bid="${id}"[^>]*>`).exec(html);
  if (!open) return null;
  const start = open.index + open[0].length;
  return html.slice(start, html.indexOf('</script>', start));
}

/** {avatarLarger, avatarMedium, avatarThumb} of the profile's owner. */
export function avatarUrlsOf(html) {
  for (const shape of SHAPES) {
    const text = scriptText(html, shape.scriptId);
    if (text === null) continue;

    const { avatarLarger, avatarMedium, avatarThumb } =
      shape.owner(JSON.parse(text));
    return { avatarLarger, avatarMedium, avatarThumb };
  }
  throw new Error('avatarUrlsOf: no known page data script in this html');
}

/**
 * The raw path and query of an absolute URL, as the browser will send it
 * to the CDN: sliced from the string, so no escape is decoded or added.
 */
export function targetOf(url) {
  const pathStart = url.indexOf('/', url.indexOf('//') + 2);
  // A fragment never leaves the browser.
  return url.slice(pathStart).split('#')[0];
}

/** Owner fields and the stand-in picture of each size in tests/cdn/. */
const SIZES = [['avatarLarger', 1080], ['avatarMedium', 720],
  ['avatarThumb', 100]];

/**
 * Serves the three stand-in pictures `${person}-{1080,720,100}.jpeg` at the
 * exact targets of the owner's avatar URLs in `html`. Returns the URLs and
 * the bytes by size, so a test can compare what lands on disk.
 */
export async function serveOwnerAvatars(cdn, html, person = 'creator') {
  const urls = avatarUrlsOf(html);
  const images = {};
  for (const [field, size] of SIZES) {
    images[size] = await readFile(cdnImage(`${person}-${size}.jpeg`));
    cdn.serve(targetOf(urls[field]), { body: images[size] });
  }
  return { urls, images };
}
