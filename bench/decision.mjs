// Figure 1: decision time on the real page's facts, inside the service
// worker, against what every other tool does there: JSON.parse of the
// whole state script, walk the path, take avatarLarger.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { loadCoreInWorker, HANDLE } from './lib/core-in-worker.mjs';
import { PROFILE_PATH } from './lib/browsers.mjs';
import { median, quantile, round } from './lib/stats.mjs';

/**
 * The facts the content script would send for the page open in `page`:
 * the shipped protocol.js and gather.js, run on the same DOM.
 */
async function factsOf(page, dist) {
  const source = async (name) => readFile(join(dist, name), 'utf8');
  const protocol = await source('protocol.js');
  const gather = await source('content/gather.js');
  return page.evaluate(`${protocol}\n${gather}\ngatherFacts([]);`);
}

/**
 * Runs in the worker: times each job `runs` times after `warmup` rounds,
 * rotating their order each round so that none always runs first. Each
 * sample is the mean of `batch` calls in a row: the worker's clock moves
 * in 0.1 ms steps, too coarse for one call of about a millisecond.
 */
async function timeInWorker({ handle, message, runs, warmup, batch }) {
  const { plan } = globalThis[handle];
  const script = message.facts.scripts
    .find((s) => s.id === '__UNIVERSAL_DATA_FOR_REHYDRATION__');
  const now = Date.now();
  // What worker.js's apart() and utf8() do: the texts travel beside the
  // JSON, as UTF-8 in a buffer that is reused.
  const encoder = new TextEncoder();
  let buffer = new Uint8Array(0);
  const apart = () => {
    const strings = [];
    const empty = (pieces) => pieces?.map((piece) => {
      strings.push(piece.text);
      return { ...piece, text: '' };
    });
    const { facts } = message;
    const scripts = empty(facts.scripts);
    const fetched = empty(facts.fetched);
    const need = strings.reduce((sum, text) => sum + 3 * text.length, 0);
    if (buffer.length < need) {
      buffer = new Uint8Array(need);
    }
    let at = 0;
    const texts = strings.map((text) => {
      const { written } = encoder.encodeInto(text, buffer.subarray(at));
      at += written;
      return buffer.subarray(at - written, at);
    });
    return [JSON.stringify({ ...message,
      facts: { ...facts, scripts, fetched } }), texts];
  };
  const jobs = {
    baseline: () => JSON.parse(script.text)
      .__DEFAULT_SCOPE__['webapp.user-detail'].userInfo.user.avatarLarger,
    // The texts are taken apart on every run, as in the worker.
    core: () => plan(...apart(), '{}', now),
    apart: () => apart()[1].length,
    whole: () => JSON.parse(plan(...apart(), '{}', now))
      .plan.downloads[0].url,
  };
  const picked = JSON.parse(jobs.core()).plan.downloads[0].url;
  if (picked !== jobs.baseline()) {
    throw new Error(`the core picked ${picked}, the baseline another`);
  }

  const names = Object.keys(jobs);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let pass = 0; pass < warmup + runs; pass += 1) {
    for (let k = 0; k < names.length; k += 1) {
      const name = names[(pass + k) % names.length];
      let result;
      const start = performance.now();
      for (let call = 0; call < batch; call += 1) {
        result = jobs[name]();
      }
      const took = (performance.now() - start) / batch;
      if (!result) throw new Error(`${name} returned nothing`);
      if (pass >= warmup) samples[name].push(took);
    }
  }
  return { samples, requestBytes: apart()[0].length, scriptBytes:
    script.text.length };
}

/** The smallest step between two distinct times: the timer's grain. */
function grain(samples) {
  const micros = Object.values(samples).flat()
    .map((ms) => Math.round(ms * 1000));
  const all = [...new Set(micros)].sort((a, b) => a - b);
  let step = Infinity;
  for (let i = 1; i < all.length; i += 1) {
    step = Math.min(step, all[i] - all[i - 1]);
  }
  return step / 1000;
}

/** Measures figure 1 in `browser` (the one with the extension). */
export async function decisionFigure(browser, dist,
  { runs = 200, warmup = 30, batch = 10 } = {}) {
  const page = await browser.context.newPage();
  await page.goto(`https://www.tiktok.com${PROFILE_PATH}`);
  const facts = await factsOf(page, dist);
  await page.close();

  const worker = browser.context.serviceWorkers()
    .find((w) => w.url().startsWith('chrome-extension://'));
  await loadCoreInWorker(worker, dist);
  const { samples, requestBytes, scriptBytes } = await worker.evaluate(
    timeInWorker,
    { handle: HANDLE, message: { type: 'save', facts }, runs, warmup,
      batch });

  const ms = (name) => round(median(samples[name]));
  const baseline = median(samples.baseline);
  return {
    runs,
    callsPerSample: batch,
    scriptBytes,
    requestBytes,
    timerGrainMs: round(grain(samples)),
    medianMs: Object.fromEntries(Object.keys(samples).map((n) =>
      [n, ms(n)])),
    p90Ms: Object.fromEntries(Object.keys(samples).map((n) =>
      [n, round(quantile(samples[n], 0.9))])),
    coreToBaseline: round(median(samples.core) / baseline),
    wholeToBaseline: round(median(samples.whole) / baseline),
  };
}
