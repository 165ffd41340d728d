// Where the test inputs live, found from this file rather than from /work,
// because CI clones the repo elsewhere with shared/ beside it.

import { fileURLToPath } from 'node:url';

const repoRoot = new URL('../../../', import.meta.url);

/** Path of a saved TikTok page in the shared fixtures beside the repo. */
export function fixturePage(name) {
  return fileURLToPath(new URL(`../shared/fixtures/real/${name}`, repoRoot));
}

/** Path of one of our stand-in avatar images in tests/cdn/. */
export function cdnImage(name) {
  return fileURLToPath(new URL(`tests/cdn/${name}`, repoRoot));
}
