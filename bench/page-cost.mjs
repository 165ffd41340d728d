// Figure 3: the main-thread time the content script adds to the real page
// while it loads: Performance.getMetrics of the page with the extension
// against the same page in a browser whose extension does nothing.
// https://chromedevtools.github.io/devtools-protocol/tot/Performance/

import { setTimeout as sleep } from 'node:timers/promises';

import { buttonLabelled, PROFILE_URL } from './lib/browsers.mjs';
import { median, round } from './lib/stats.mjs';

/** How long after the button is labelled (or, off, after load) to wait. */
const SETTLE_MS = 1000;

/** Loads the page once; returns its main-thread task and script ms. */
async function loadOnce(browser, withExtension) {
  const page = await browser.context.newPage();
  const session = await browser.context.newCDPSession(page);
  await session.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(PROFILE_URL, { waitUntil: 'load' });
  if (withExtension) await buttonLabelled(page);
  await sleep(SETTLE_MS);
  const { metrics } = await session.send('Performance.getMetrics');
  await page.close();
  const value = (name) => metrics.find((m) => m.name === name).value;
  return {
    taskMs: value('TaskDuration') * 1000,
    scriptMs: value('ScriptDuration') * 1000,
  };
}

/**
 * Alternates loads between the two browsers, `loads` each, so that the
 * machine's load weighs on both alike; reports medians and their deltas.
 */
export async function pageCostFigure(on, off, { loads = 10 } = {}) {
  await loadOnce(on, true); // Warm both caches and code alike.
  await loadOnce(off, false);
  const samples = { on: [], off: [] };
  for (let i = 0; i < loads; i += 1) {
    samples.on.push(await loadOnce(on, true));
    samples.off.push(await loadOnce(off, false));
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
