// Figure 3: the main-thread time the content script adds to the real page
// while it loads: Performance.getMetrics of the page with the extension
// against the same page in a browser whose extension does nothing.
// https://chromedevtools.github.io/devtools-protocol/tot/Performance/

import { setTimeout as sleep } from 'node:timers/promises';

import { PROFILE_URL } from './lib/browsers.mjs';
import { median, round } from './lib/stats.mjs';

/**
 * How long after load both sides wait, untouched, before the metrics are
 * read: long enough for the worker's answer to label the button on a busy
 * machine. Both sides wait the same, so that the page's own work in that
 * time (images decoding, frames) weighs alike.
 */
export const SETTLE_MS = 2500;

/** Whether our button on `page` has been labelled by the worker. */
function labelled(page) {
  return page.evaluate(() => Boolean(document
    .querySelector('avatar-saver-button')?.shadowRoot
    ?.querySelector('button')?.getAttribute('aria-label')));
}

/**
 * Loads the page once; returns its main-thread task and script ms, or
 * null when, with the extension, the button was not labelled within
 * SETTLE_MS (our work was then not all counted). Nothing runs in the page
 * before the metrics are read: a waitForFunction polls on every animation
 * frame, and those frames and its script would count as ours.
 */
async function loadOnce(browser, withExtension) {
  const page = await browser.context.newPage();
  const session = await browser.context.newCDPSession(page);
  await session.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(PROFILE_URL, { waitUntil: 'load' });
  await sleep(SETTLE_MS);
  const { metrics } = await session.send('Performance.getMetrics');
  const complete = !withExtension || (await labelled(page));
  await page.close();
  const value = (name) => metrics.find((m) => m.name === name).value;
  return complete ? {
    taskMs: value('TaskDuration') * 1000,
    scriptMs: value('ScriptDuration') * 1000,
  } : null;
}

/** A complete sample, loading again (up to 3 times) if one was not. */
async function sample(browser, withExtension) {
  for (let tries = 0; tries < 3; tries += 1) {
    const result = await loadOnce(browser, withExtension);
    if (result) return result;
  }
  throw new Error(`the button was not labelled ${SETTLE_MS} ms after load`);
}

/**
 * Alternates loads between the two browsers, `loads` each, so that the
 * machine's load weighs on both alike; reports medians and their deltas.
 */
export async function pageCostFigure(on, off, { loads = 10 } = {}) {
  await sample(on, true); // Warm both caches and code alike.
  await sample(off, false);
  const samples = { on: [], off: [] };
  for (let i = 0; i < loads; i += 1) {
    samples.on.push(await sample(on, true));
    samples.off.push(await sample(off, false));
  }
  const med = (side, key) => median(samples[side].map((s) => s[key]));
  return {
    loads,
    onTaskMs: round(med('on', 'taskMs')),
    offTaskMs: round(med('off', 'taskMs')),
    addedTaskMs: round(med('on', 'taskMs') - med('off', 'taskMs')),
    onScriptMs: round(med('on', 'scriptMs')),
    offScriptMs: round(med('off', 'scriptMs')),
    addedScriptMs: round(med('on', 'scriptMs') - med('off', 'scriptMs')),
  };
}
