// Watching the downloads folder for the file a user would find there.

import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Chromium writes into "*.crdownload" and hidden ".org.chromium.*" files,
 * then renames to the final name once the download has finished.
 */
function isPartial(name) {
  return name.endsWith('.crdownload') || name.startsWith('.');
}

/** Names in dir, sorted; an absent dir counts as empty. */
export async function listFiles(dir) {
  try {
    return (await readdir(dir)).sort();
  } catch (error) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Resolves with {name, path, bytes} of the first finished file in dir whose
 * name is not in skip, once no partial file is left and its size held
 * still between two looks. Rejects after timeout ms, naming what it saw.
 */
export async function waitForFile(dir, { timeout = 10_000, skip = [] } = {}) {
  const deadline = Date.now() + timeout;
  let last = null;

  while (Date.now() < deadline) {
    const names = await listFiles(dir);
    const done = names.filter((n) => !isPartial(n) && !skip.includes(n));

    if (done.length > 0 && !names.some(isPartial)) {
      const path = join(dir, done[0]);
      const { size } = await stat(path);
      if (last && last.path === path && last.size === size) {
        return { name: done[0], path, bytes: await readFile(path) };
      }
      last = { path, size };
    }
    await sleep(100);
  }

  const seen = (await listFiles(dir)).join(', ') || 'nothing';
  throw new Error(`no finished download in ${dir} after ${timeout} ms; ` +
    `saw: ${seen}`);
}
