// Saving with chrome.downloads, following each download to its end.
// https://developer.chrome.com/docs/extensions/reference/api/downloads

import { debug } from './debug.js';

const { reply } = globalThis.AVATAR_SAVER;

/**
 * Tries the plan's downloads in order until one completes. A link the CDN
 * refuses (403 once expired) or a network failure interrupts a download,
 * and the next candidate is tried. The person cancelling, or a failure on
 * this machine (disk full, no permission), stops at once: the next size
 * would meet the same end.
 */
export async function saveFirstThatWorks(plan) {
  for (const download of plan.downloads) {
    const ended = await downloadToEnd({
      url: download.url,
      filename: download.filename,
      saveAs: plan.saveAs,
    });
    if (ended.outcome === 'complete') {
      const answer = {
        type: reply.saved,
        handle: plan.handle,
        width: download.width,
        height: download.height,
        defaultAvatar: plan.defaultAvatar,
      };
      if (download.metadata) {
        answer.metadataSaved =
          await saveMetadata(download.metadata, ended.path);
      }
      return answer;
    }
    const stop = stopsEverything(ended.outcome);
    if (stop) {
      return { type: reply.failed, key: stop };
    }
  }
  return { type: reply.failed, key: 'error_link_expired' };
}

/**
 * The sentence for an outcome no other candidate can mend, or '' when the
 * next candidate is worth a try (the SERVER_ and NETWORK_ reasons).
 * https://developer.chrome.com/docs/extensions/reference/api/downloads#type-InterruptReason
 */
function stopsEverything(outcome) {
  if (outcome === 'USER_CANCELED') {
    return 'error_save_cancelled';
  }
  if (outcome.startsWith('FILE_')) {
    return 'error_file_failed';
  }
  if (outcome === 'refused') {
    return 'error_internal'; // The API refused our own arguments.
  }
  return '';
}

/**
 * Writes the metadata file beside the picture, from a `data:` URL, under
 * the picture's own name as saved: `uniquify` may have added " (1)" to it.
 * Resolves with whether the file was written.
 */
async function saveMetadata(metadata, picturePath) {
  const url =
    'data:application/json;charset=utf-8,' +
    encodeURIComponent(metadata.text);
  const names = [metadata.filename];
  const saved = picturePath.split(/[\\/]/).pop() ?? '';
  const stem = saved.includes('.') ? saved.replace(/\.[^.]*$/, '') : '';
  if (stem) {
    const folder = metadata.filename.replace(/[^/]*$/, '');
    names.unshift(`${folder}${stem}.json`);
  }
  for (const filename of new Set(names)) {
    const ended = await downloadToEnd({ url, filename, saveAs: false });
    if (ended.outcome === 'complete') {
      return true;
    }
  }
  return false;
}

/**
 * Starts one download and resolves, once it has ended, with `{outcome,
 * path}`: outcome is 'complete', the interrupt reason, or 'refused' when
 * the API would not start it; path is where the file landed. An
 * interrupted download is erased, which also deletes its partial file
 * (`DownloadItemImpl::Remove`); `downloads.cancel` would not, as it acts
 * only on downloads still in progress.
 */
function downloadToEnd(options) {
  return new Promise((resolve) => {
    let id;
    let settled = false;
    const finish = async (outcome, path = '') => {
      if (settled) {
        return;
      }
      settled = true;
      chrome.downloads.onChanged.removeListener(onChanged);
      if (outcome !== 'complete' && id !== undefined) {
        await chrome.downloads.erase({ id }).catch(() => {});
      }
      debug('download', id, outcome, options.filename);
      resolve({ outcome, path });
    };
    const settle = async (state) => {
      if (state !== 'complete' && state !== 'interrupted') {
        return;
      }
      // The delta may lack the error or the final name: read the item.
      const [item] = await chrome.downloads.search({ id });
      if (state === 'complete') {
        finish('complete', item?.filename ?? '');
      } else {
        finish(item?.error || 'interrupted');
      }
    };
    const onChanged = (delta) => {
      if (delta.id === id && delta.state) {
        settle(delta.state.current);
      }
    };
    chrome.downloads.onChanged.addListener(onChanged);
    chrome.downloads
      .download({ ...options, conflictAction: 'uniquify' })
      .then(async (started) => {
        id = started;
        // The download may have ended before its id was known to us.
        const [item] = await chrome.downloads.search({ id });
        settle(item?.state);
      })
      .catch((error) => {
        debug('download refused:', error);
        finish('refused');
      });
  });
}
