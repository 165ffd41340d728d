// Saving with chrome.downloads, following each download to its end.
// https://developer.chrome.com/docs/extensions/reference/api/downloads

import { debug } from './debug.js';

const { reply } = globalThis.AVATAR_SAVER;
// A download that receives no byte for this long is given up for the next
// candidate: Chromium itself would wait on a silent connection for
// minutes, with the person hearing only "Saving…". An avatar is a few
// hundred KB at most, so even a slow link sends something every second.
const STALL_MS = 10000;
// How often a running download's progress is read (the API has no
// progress event).
const STALL_CHECK_MS = 2500;

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
    if (ended.outcome === 'complete' && !isImage(ended.mime)) {
      // An error page sent as a success, say: not what the person asked
      // for, and not to be kept under a picture's name.
      await discard(ended.id);
      continue;
    }
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
 * Whether a completed download's type is a picture. Chromium reports the
 * Content-Type header; a missing one is given the benefit of the doubt.
 */
function isImage(mime) {
  return !mime || mime.startsWith('image/');
}

/**
 * Whether a running download is waiting for bytes from the CDN, and not
 * for the person: a paused download, or one whose Save As dialog is open
 * (no file name yet, while Chromium already fetches, so all its bytes may
 * be in), must not be given up however long it waits.
 */
function waitsOnNetwork(item, saveAs) {
  const allIn = item.totalBytes > 0 && item.bytesReceived >= item.totalBytes;
  const dialog = saveAs && item.filename === '';
  return item.state === 'in_progress' && !item.paused && !allIn && !dialog;
}

/** Deletes a completed download's file and forgets it. */
async function discard(id) {
  debug('not a picture, discarded:', id);
  await chrome.downloads.removeFile(id).catch(() => {});
  await chrome.downloads.erase({ id }).catch(() => {});
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
 * id, path, mime}`: outcome is 'complete', the interrupt reason,
 * 'NETWORK_TIMEOUT' when no byte came for STALL_MS, or 'refused' when the
 * API would not start it; path is where the file landed. A download that
 * did not complete is cancelled (which deletes the partial file of one
 * still running) and erased (which deletes that of an interrupted one,
 * `DownloadItemImpl::Remove`).
 */
function downloadToEnd(options) {
  return new Promise((resolve) => {
    let id;
    let settled = false;
    let watch;
    const finish = async (outcome, item) => {
      if (settled) {
        return;
      }
      settled = true;
      clearInterval(watch);
      chrome.downloads.onChanged.removeListener(onChanged);
      if (outcome !== 'complete' && id !== undefined) {
        await chrome.downloads.cancel(id).catch(() => {});
        await chrome.downloads.erase({ id }).catch(() => {});
      }
      debug('download', id, outcome, options.filename);
      resolve({
        outcome, id, path: item?.filename ?? '', mime: item?.mime ?? '',
      });
    };
    const settle = async (state) => {
      if (state !== 'complete' && state !== 'interrupted') {
        return;
      }
      // The delta may lack the error or the final name: read the item.
      const [item] = await chrome.downloads.search({ id });
      if (state === 'complete') {
        finish('complete', item);
      } else {
        finish(item?.error || 'interrupted');
      }
    };
    const onChanged = (delta) => {
      if (delta.id === id && delta.state) {
        settle(delta.state.current).catch(() => finish('interrupted'));
      }
    };
    // Gives up on a download whose byte count has not moved for STALL_MS
    // while it waits for the network alone.
    const watchProgress = () => {
      let bytes = -1;
      let still = 0;
      watch = setInterval(async () => {
        const [item] = await chrome.downloads.search({ id }).catch(() => []);
        const waiting = item && waitsOnNetwork(item, options.saveAs);
        if (!waiting || item.bytesReceived !== bytes) {
          bytes = item?.bytesReceived;
          still = 0;
        } else if (++still * STALL_CHECK_MS >= STALL_MS) {
          finish('NETWORK_TIMEOUT');
        }
      }, STALL_CHECK_MS);
    };
    chrome.downloads.onChanged.addListener(onChanged);
    chrome.downloads
      .download({ ...options, conflictAction: 'uniquify' })
      .then(async (started) => {
        id = started;
        watchProgress();
        // The download may have ended before its id was known to us.
        const [item] = await chrome.downloads.search({ id });
        await settle(item?.state);
      })
      .catch((error) => {
        debug('download refused:', error);
        finish(id === undefined ? 'refused' : 'interrupted');
      });
  });
}
