// Figures 4 and 6: from Enter on the button to the image request at the
// CDN, with the worker awake and after stopping it; and the worker's JS
// heap before and after a long run of saves.

import { attachToWorker, stopWorkers } from './lib/cdp.mjs';
import { readyPage, timedSave } from './lib/saves.mjs';
import { median, quantile, round } from './lib/stats.mjs';

/** The worker's used JS heap in bytes, after a full garbage collection. */
async function heapAfterGc(worker) {
  await worker.send('HeapProfiler.collectGarbage');
  const { usedSize } = await worker.send('Runtime.getHeapUsage');
  return usedSize;
}

/**
 * Measures, on one page: `cold` saves each after stopping the worker
 * through CDP, then `saves` saves in a row with the worker awake, reading
 * its heap around them.
 */
export async function keypressFigure(browser, cdn,
  { cold = 10, saves = 200, warmup = 5 } = {}) {
  const page = await readyPage(browser);
  const session = await browser.context.newCDPSession(page);

  const coldMs = [];
  for (let i = 0; i < cold; i += 1) {
    await stopWorkers(session);
    coldMs.push(await timedSave(page, cdn));
  }

  for (let i = 0; i < warmup; i += 1) await timedSave(page, cdn);
  const worker = await attachToWorker(session, browser.extensionId);
  const heapBefore = await heapAfterGc(worker);
  const awakeMs = [];
  for (let i = 0; i < saves; i += 1) {
    awakeMs.push(await timedSave(page, cdn));
  }
  const heapAfter = await heapAfterGc(worker);
  await worker.detach();
  await page.close();

  return {
    awake: { runs: saves, medianMs: median(awakeMs),
      p90Ms: quantile(awakeMs, 0.9) },
    cold: { runs: cold, medianMs: median(coldMs),
      p90Ms: quantile(coldMs, 0.9) },
    memory: {
      saves,
      heapBeforeKb: round(heapBefore / 1024),
      heapAfterKb: round(heapAfter / 1024),
      grewKb: round((heapAfter - heapBefore) / 1024),
    },
  };
}
