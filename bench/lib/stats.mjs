// Small numeric helpers for the benchmark's reports.

/** The median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? sorted[mid]
    : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The p-th quantile (0..1) of a list, nearest rank. */
export function quantile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.floor(p * sorted.length));
  return sorted[rank];
}

/** Rounds to a few significant digits for the table and the JSON. */
export function round(value, digits = 3) {
  return value === null || !Number.isFinite(value)
    ? value
    : Number(value.toPrecision(digits));
}

/** The machine's load, to read noisy figures by. */
export async function loadNow() {
  const { loadavg, cpus } = await import('node:os');
  return { loadavg: loadavg().map((l) => round(l)), cores: cpus().length };
}
