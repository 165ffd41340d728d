// `./build.sh bench`: measures the built extension on this machine and
// prints every figure beside its baseline and budget, then writes them to
// bench/latest.json. Run after `./build.sh`; see README "Performance".
//
// Pass figure names to run only some: size growth decision page keypress.

import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';

import { DIST } from '../tests/e2e/extension.mjs';
import { decisionFigure } from './decision.mjs';
import { keypressFigure } from './keypress.mjs';
import { openBrowser, startAvatarCdn } from './lib/browsers.mjs';
import { loadNow } from './lib/stats.mjs';
import { pageCostFigure } from './page-cost.mjs';
import { sizeFigure } from './size.mjs';
import { render, rows } from './table.mjs';

const root = new URL('../', import.meta.url);
const wanted = new Set(process.argv.slice(2));
const want = (name) => wanted.size === 0 || wanted.has(name);
const say = (text) => process.stderr.write(`--> ${text}\n`);

/** Figure 2: the native bench's report, its last line on stdout. */
async function growthFigure() {
  const { stdout } = await promisify(execFile)('cargo',
    ['bench', '-q', '--bench', 'growth'],
    { cwd: root, maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1));
}

const figures = {};
const loadBefore = await loadNow();
if (want('size')) {
  say('size of the built files');
  const { version } = JSON.parse(
    await readFile(new URL('manifest.json', root), 'utf8'));
  const zip = new URL(`avatar-saver-${version}.zip`, root).pathname;
  figures.size = await sizeFigure(DIST, zip);
}
if (want('growth')) {
  say('native decision time as the state grows (cargo bench)');
  figures.growth = await growthFigure();
}
if (['decision', 'page', 'keypress'].some(want)) {
  const cdn = await startAvatarCdn();
  const on = await openBrowser(DIST, cdn.port);
  try {
    if (want('decision')) {
      say('decision time in the service worker');
      figures.decision = await decisionFigure(on, DIST);
    }
    if (want('page')) {
      say('cost to the page at load, extension on and off');
      const off = await openBrowser(null, cdn.port);
      try {
        figures.pageCost = await pageCostFigure(on, off);
      } finally {
        await off.close();
      }
    }
    if (want('keypress')) {
      say('keypress to request, and the worker heap over many saves');
      figures.keypress = await keypressFigure(on, cdn);
    }
  } finally {
    await on.close();
    await cdn.close();
  }
}

const table = rows(figures);
const report = {
  when: new Date().toISOString(),
  machine: { before: loadBefore, after: await loadNow() },
  table,
  figures,
};
console.log(render(table));
console.log(`\nload average before ${loadBefore.loadavg.join(' ')}, after ` +
  `${report.machine.after.loadavg.join(' ')} on ${loadBefore.cores} cores`);
if (wanted.size === 0) {
  await writeFile(new URL('bench/latest.json', root),
    JSON.stringify(report, null, 2) + '\n');
  console.log('Wrote bench/latest.json');
}
