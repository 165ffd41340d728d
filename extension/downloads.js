// Saving with chrome.downloads, following each download to its end.
// https://developer.chrome.com/docs/extensions/reference/api/downloads

import { debug } from './debug.js';

const { reply } = globalThis.AVATAR_SAVER;

/**
 * Tries the plan's downloads in order until one completes: a refused or
 * expired link (403) interrupts a download, and the next size is tried.
 */
export async function saveFirstThatWorks(plan) {
  for (const download of plan.downloads) {
    const outcome = await downloadToEnd({
      url: download.url,
      filename: download.filename,
      saveAs: plan.saveAs,
    });
    if (outcome === 'complete') {
      if (download.metadata) {
        await saveMetadata(download.metadata);
      }
      return {
        type: reply.saved,
        handle: plan.handle,
        width: download.width,
        height: download.height,
        defaultAvatar: plan.defaultAvatar,
      };
    }
    if (outcome === 'USER_CANCELED') {
      return { type: reply.failed, key: 'error_save_cancelled' };
    }
  }
  return { type: reply.failed, key: 'error_link_expired' };
}

/** Writes the metadata file beside the picture, from a `data:` URL. */
async function saveMetadata(metadata) {
  const url =
    'data:application/json;charset=utf-8,' +
    encodeURIComponent(metadata.text);
  await downloadToEnd({ url, filename: metadata.filename, saveAs: false });
}

/**
 * Starts one download and resolves with 'complete' or the reason it was
 * interrupted. An interrupted download is erased from the list, and
 * Chromium removes its partial file.
 */
function downloadToEnd(options) {
  return new Promise((resolve) => {
    let id;
    let settled = false;
    const finish = (outcome) => {
      if (settled) {
        return;
      }
      settled = true;
      chrome.downloads.onChanged.removeListener(onChanged);
      if (outcome !== 'complete' && id !== undefined) {
        chrome.downloads.erase({ id });
      }
      debug('download', id, outcome);
      resolve(outcome);
    };
    const settle = (state, error) => {
      if (state === 'complete') {
        finish('complete');
      } else if (state === 'interrupted') {
        finish(error || 'interrupted');
      }
    };
    const onChanged = (delta) => {
      if (delta.id === id && delta.state) {
        settle(delta.state.current, delta.error?.current);
      }
    };
    chrome.downloads.onChanged.addListener(onChanged);
    chrome.downloads
      .download({ ...options, conflictAction: 'uniquify' })
      .then(async (started) => {
        id = started;
        // The download may have ended before its id was known to us.
        const [item] = await chrome.downloads.search({ id });
        settle(item?.state, item?.error);
      })
      .catch((error) => finish(String(error?.message ?? error)));
  });
}
