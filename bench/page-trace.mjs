// A DevTools trace of one load of the real page, to see what figure 3's
// main-thread time is spent on: `node bench/page-trace.mjs [off]` after
// `./build.sh`. Prints the page thread's time by event, and every script
// task of ours with its file; writes the whole trace to a file in the
// temporary folder (open it in the DevTools Performance panel).
// https://chromedevtools.github.io/devtools-protocol/tot/Tracing/

import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { DIST } from '../tests/e2e/extension.mjs';
import {
  buttonLabelled, openBrowser, PROFILE_URL, startAvatarCdn,
} from './lib/browsers.mjs';
import { SETTLE_MS } from './page-cost.mjs';
import { round } from './lib/stats.mjs';

const CATEGORIES = [
  'devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading',
  'disabled-by-default-devtools.timeline', 'toplevel',
].join(',');
// Events worth a line: scripts, style, layout, paint, parsing, GC.
const SHOWN = new Set([
  'RunTask', 'ParseHTML', 'EvaluateScript', 'v8.compile', 'FunctionCall',
  'v8.callFunction', 'EventDispatch', 'TimerFire', 'FireAnimationFrame',
  'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize',
  'MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'ScheduleStyleRecalculation',
  'HitTest', 'ParseAuthorStyleSheet', 'Decode Image',
]);

/** Loads the page once under a trace; returns the trace's events. */
async function traceOneLoad(browser, withExtension) {
  const page = await browser.context.newPage();
  const session = await browser.context.newCDPSession(page);
  const events = [];
  session.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((resolve) =>
    session.once('Tracing.tracingComplete', resolve));
  await session.send('Tracing.start', {
    categories: CATEGORIES, transferMode: 'ReportEvents',
  });
  await page.goto(PROFILE_URL, { waitUntil: 'load' });
  await sleep(SETTLE_MS);
  await session.send('Tracing.end');
  await done;
  if (withExtension) await buttonLabelled(page);
  await page.close();
  return events;
}

/** The pid and tid of the renderer thread that parsed the page. */
function pageThread(events) {
  const parse = events.find((e) => e.name === 'ParseHTML' &&
    String(e.args?.beginData?.url).startsWith(PROFILE_URL));
  if (!parse) throw new Error('no ParseHTML of the page in the trace');
  return { pid: parse.pid, tid: parse.tid };
}

/** The script file an event ran, if it names one. */
function fileOf(event) {
  const data = event.args?.data ?? event.args?.beginData ?? {};
  return data.url || data.fileName || data.stackTrace?.[0]?.url || '';
}

const withExtension = process.argv[2] !== 'off';
const cdn = await startAvatarCdn();
const browser = await openBrowser(withExtension ? DIST : null, cdn.port);
let events;
try {
  await traceOneLoad(browser, withExtension); // Warm the caches once.
  events = await traceOneLoad(browser, withExtension);
} finally {
  await browser.close();
  await cdn.close();
}
const saved = join(tmpdir(), `avatar-page-trace-${Date.now()}.json`);
await writeFile(saved, JSON.stringify({ traceEvents: events }));
console.log(`trace: ${saved}`);

const { pid, tid } = pageThread(events);
const mine = events.filter((e) => e.pid === pid && e.tid === tid &&
  e.ph === 'X' && typeof e.dur === 'number');
const byName = new Map();
for (const e of mine) {
  if (!SHOWN.has(e.name)) continue;
  const sum = byName.get(e.name) ?? { ms: 0, count: 0 };
  sum.ms += e.dur / 1000;
  sum.count += 1;
  byName.set(e.name, sum);
}
console.log(`page thread, extension ${withExtension ? 'on' : 'off'}:`);
for (const [name, { ms, count }] of [...byName].sort((a, b) =>
  b[1].ms - a[1].ms)) {
  console.log(`  ${name.padEnd(28)} ${String(round(ms)).padStart(8)} ms` +
    `  x${count}`);
}
console.log('script events naming a chrome-extension:// file:');
for (const e of mine) {
  const file = fileOf(e);
  if (!file.startsWith('chrome-extension://')) continue;
  const at = round((e.ts - mine[0].ts) / 1000);
  console.log(`  +${at} ms ${e.name} ${round(e.dur / 1000)} ms ` +
    new URL(file).pathname);
}
