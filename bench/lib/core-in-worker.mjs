// Gives the benchmark its own handle on the core inside the extension's
// service worker, without shipping anything for it.
//
// Service workers refuse import() (https://github.com/w3c/ServiceWorker/
// issues/1356), and worker.js keeps its import of the core to itself. So
// the benchmark takes the very glue and .wasm that dist/ ships, turns the
// ES module into a script expression, and evaluates it in the worker over
// DevTools, which sets up a second instance of the same core next to the
// one worker.js uses. Nothing is added to dist/ or to the page.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where the evaluated core's exports are kept inside the worker. */
export const HANDLE = 'avatarSaverBench';

/** The wasm-bindgen glue of dist/, rewritten as one async expression. */
async function glueExpression(dist) {
  const module = await readFile(join(dist, 'core/avatar_saver.js'), 'utf8');
  const script = module
    .replace(/^export function /gm, 'function ')
    .replace(/^export \{[^}]*\};?$/gm, '')
    .replace(/import\.meta\.url/g, 'self.location.href');
  if (/^\s*(import|export)\b/m.test(script)) {
    throw new Error('the wasm-bindgen glue changed shape: update ' +
      'bench/lib/core-in-worker.mjs');
  }
  return `(async () => {
${script}
await __wbg_init({
  module_or_path: chrome.runtime.getURL('core/avatar_saver_bg.wasm'),
});
globalThis.${HANDLE} = { plan };
return true;
})()`;
}

/** Instantiates the shipped core in `worker` (a Playwright Worker). */
export async function loadCoreInWorker(worker, dist) {
  await worker.evaluate(await glueExpression(dist));
}
