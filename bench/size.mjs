// Figure 5: what a person downloads and what the worker compiles: the
// .wasm raw and gzipped, the JS the extension ships, and the store zip.

import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Raw and gzip -9 sizes of one file, in bytes. */
async function sizes(path) {
  const bytes = await readFile(path);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** Every file under `dir` whose name ends with `suffix`. */
async function filesUnder(dir, suffix) {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((name) => name.endsWith(suffix))
    .map((name) => join(dir, name));
}

/** Measures figure 5 for the built `dist` and the store zip `zip`. */
export async function sizeFigure(dist, zip) {
  const wasm = await sizes(join(dist, 'core/avatar_saver_bg.wasm'));
  const js = { raw: 0, gzip: 0, files: 0 };
  for (const path of await filesUnder(dist, '.js')) {
    const one = await sizes(path);
    js.raw += one.raw;
    js.gzip += one.gzip;
    js.files += 1;
  }
  return { wasm, js, zipBytes: (await stat(zip)).size };
}
