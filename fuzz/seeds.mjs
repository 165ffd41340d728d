// Writes the fuzzers' starting corpus from the real saved pages in
// ../shared/fixtures/real/: the state scripts' text as TikTok sent it, and
// small documents of every shape in crate/src/sites.rs built around the
// real owner object, so that most runs reach the owner check quickly.
//
// Usage: node fuzz/seeds.mjs <fixtures dir> <corpus dir for page_facts>
// The first byte of each seed picks the shape, as in page_facts.rs.

import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const [fixtures, out] = process.argv.slice(2);
const SHAPE = {
  request: 0,
  parts: 1,
  universal: 2,
  sigi: 3,
  persisted: 4,
  next: 5,
  fetched: 6,
};
const URL = 'https://www.tiktok.com/@sample.creator';

/** The text of the <script> with this id, as the DOM would hold it. */
function scriptText(html, id) {
  const open = new RegExp(`<script[^>]*\\bid="${id}"[^>]*>`).exec(html);
  if (!open) return null;
  const start = open.index + open[0].length;
  return html.slice(start, html.indexOf('</script>', start));
}

/** Every real owner object, renamed to the handle the fuzzer's URL has. */
function owners(html) {
  const found = [];
  const universal = scriptText(html, '__UNIVERSAL_DATA_FOR_REHYDRATION__');
  if (universal) {
    const data = JSON.parse(universal);
    found.push(data.__DEFAULT_SCOPE__['webapp.user-detail'].userInfo.user);
  }
  const next = scriptText(html, '__NEXT_DATA__');
  if (next) {
    found.push(JSON.parse(next).props.pageProps.userInfo.user);
  }
  return found.map((user) => ({ ...user, uniqueId: 'sample.creator' }));
}

/** Small documents of each shape around one owner object. */
function shapes(user) {
  const userInfo = { user, stats: { followerCount: 1 } };
  const sigi = {
    UserModule: { users: { 'sample.creator': user } },
    UserPage: { statusCode: 0 },
  };
  const universal = JSON.stringify({
    __DEFAULT_SCOPE__: {
      'webapp.user-detail': { userInfo, statusCode: 0 },
    },
  });
  return [
    [SHAPE.universal, universal],
    [SHAPE.sigi, JSON.stringify(sigi)],
    [SHAPE.persisted, `window['SIGI_STATE']=${JSON.stringify(sigi)};x=1`],
    [SHAPE.next, JSON.stringify({
      props: { pageProps: { userInfo, statusCode: 0 } },
    })],
    [SHAPE.fetched, JSON.stringify({ userInfo, statusCode: 0 })],
    [SHAPE.request, JSON.stringify(request(user, universal))],
    // As the worker sends it: the text emptied, then after a NUL.
    [SHAPE.parts, `${JSON.stringify(request(user, ''))}\0${universal}`],
  ];
}

/** A save request of the fuzzer's profile with this state script. */
function request(user, text) {
  return {
    type: 'save',
    facts: {
      url: URL,
      scripts: [{ id: '__UNIVERSAL_DATA_FOR_REHYDRATION__', text }],
      header: { src: user.avatarLarger, title: '@sample.creator' },
      ogImage: user.avatarMedium,
    },
  };
}

await mkdir(out, { recursive: true });
let count = 0;
const write = async (name, shape, text) => {
  const bytes = Buffer.concat([Buffer.from([shape]), Buffer.from(text)]);
  await writeFile(join(out, name), bytes);
  count += 1;
};
const pages = (await readdir(fixtures)).filter((f) => f.endsWith('.html'));
for (const file of pages) {
  const html = await readFile(join(fixtures, file), 'utf8');
  for (const [id, shape] of [
    ['__UNIVERSAL_DATA_FOR_REHYDRATION__', SHAPE.universal],
    ['__NEXT_DATA__', SHAPE.next],
  ]) {
    // The 2021 page's owner is `tiktok`: make it the fuzzer's profile.
    const text = scriptText(html, id)
      ?.replaceAll('"uniqueId":"tiktok"', '"uniqueId":"sample.creator"');
    if (text) await write(`${file}-${id}`, shape, text);
  }
  for (const [i, user] of owners(html).entries()) {
    for (const [shape, text] of shapes(user)) {
      await write(`${file}-owner${i}-shape${shape}`, shape, text);
    }
  }
}
console.log(`wrote ${count} seeds to ${out}`);
