// Turns the figures into rows: each measure beside its baseline and its
// budget, with a word on whether the budget held. It reports; it never
// fails the run, since a busy machine can blow any budget.

import { round } from './lib/stats.mjs';

const KB = 1024;

/** One row; `ok` is null when the measure has no budget. */
function row(figure, measure, value, unit, { baseline = '', budget = '',
  ok = null } = {}) {
  return { figure, measure, value: round(value), unit, baseline, budget,
    verdict: ok === null ? '' : ok ? 'within' : 'OVER' };
}

/** The report's rows from the collected figures (missing ones skipped). */
export function rows({ decision, growth, pageCost, keypress, size }) {
  const out = [];
  if (decision) {
    const m = decision.medianMs;
    const base = `JSON.parse ${m.baseline} ms`;
    out.push(
      row(1, 'core plan() in the worker', m.core, 'ms', { baseline: base,
        budget: '<= 1.0x (goal 0.5x)', ok: decision.coreToBaseline <= 1 }),
      row(1, 'core / baseline', decision.coreToBaseline, 'x',
        { budget: '<= 1.0 (goal 0.5)', ok: decision.coreToBaseline <= 1 }),
      row(1, 'of which taking the texts apart', m.apart, 'ms'),
      row(1, 'apart + plan + parse reply', m.whole, 'ms',
        { baseline: base, budget: '(as the worker does it)' }));
  }
  if (growth) {
    const perByte = Object.fromEntries(growth.rows.map((r) =>
      [r.label, r.nsPerByte]));
    for (const r of growth.rows.slice(1)) { // [0] is the real page.
      const big = r.label === '4096 KB';
      out.push(row(2, `native decision, ${r.label}`, r.medianNs / 1e6, 'ms',
        big ? { budget: '< 10 ms', ok: r.medianNs < 10e6 } : {}));
    }
    const slope = perByte['4096 KB'] / perByte['64 KB'];
    out.push(row(2, 'ns/byte at 4 MB / at 64 KB', slope, 'x',
      { budget: '<= 1.5 (linear)', ok: slope <= 1.5 }));
    out.push(row(2, 'native, real page', growth.rows[0].medianNs / 1e6,
      'ms', { baseline: `serde_json tree ${round(growth.baselineRealNs /
        1e6)} ms` }));
  }
  if (pageCost) {
    out.push(
      row(3, 'main-thread task time added', pageCost.addedTaskMs, 'ms', {
        baseline: `off ${pageCost.offTaskMs} ms`, budget: '<= 2 ms',
        ok: pageCost.addedTaskMs <= 2 }),
      row(3, 'script time added', pageCost.addedScriptMs, 'ms',
        { baseline: `off ${pageCost.offScriptMs} ms` }));
  }
  if (keypress) {
    const { awake, cold, memory } = keypress;
    out.push(
      row(4, 'Enter to CDN request, awake', awake.medianMs, 'ms',
        { budget: '<= 25 ms', ok: awake.medianMs <= 25 }),
      row(4, 'Enter to CDN request, stopped', cold.medianMs, 'ms',
        { budget: '<= 150 ms', ok: cold.medianMs <= 150 }),
      row(6, `worker heap growth, ${memory.saves} saves`, memory.grewKb,
        'KB', { baseline: `before ${memory.heapBeforeKb} KB`,
          budget: '< 1024 KB', ok: memory.grewKb < 1024 }));
  }
  if (size) {
    const { wasm, js, zipBytes } = size;
    out.push(
      row(5, '.wasm raw', wasm.raw / KB, 'KB', { budget: '<= 120 (goal 64)',
        ok: wasm.raw <= 120 * KB }),
      row(5, '.wasm gzip', wasm.gzip / KB, 'KB',
        { budget: '<= 50', ok: wasm.gzip <= 50 * KB }),
      row(5, `shipped JS (${js.files} files) raw`, js.raw / KB, 'KB',
        { baseline: `gzip ${round(js.gzip / KB)} KB` }),
      row(5, 'store zip', zipBytes / KB, 'KB'));
  }
  return out;
}

/** The rows as a fixed-width text table. */
export function render(table) {
  const head = ['#', 'measure', 'value', 'baseline', 'budget', ''];
  const cells = table.map((r) => [String(r.figure), r.measure,
    `${r.value} ${r.unit}`, r.baseline, r.budget, r.verdict]);
  const widths = head.map((h, i) =>
    Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => c.map((x, i) => x.padEnd(widths[i])).join('  ')
    .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))),
    ...cells.map(line)].join('\n');
}
