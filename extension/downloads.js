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
    if (ended.outcome === 'complete' && notAPicture(ended.mime)) {
      // An error page sent as a success, say: not what the person asked
      // for, and not to be kept under a picture's name.
      debug('not a picture, deleted:', ended.id, ended.mime);
      await forget(ended.id);
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
 * Whether a completed download's type (Chromium reports the Content-Type
 * header) is clearly not a picture: text, HTML, JSON or XML. A generic
 * type such as application/octet-stream, or none, may still be one.
 */
function notAPicture(mime = '') {
  return !mime.startsWith('image/') && /^text\/|html|json|xml/.test(mime);
}

/**
 * Whether a running download is waiting for bytes from the CDN, and not
 * for the person: a paused download, or one whose name is not chosen yet
 * (a Save As dialog, ours or Chrome's own "ask where to save", is open
 * while Chromium already fetches, so all its bytes may be in), must not
 * be given up however long it waits.
 */
function waitsOnNetwork(item) {
  const allIn = item.totalBytes > 0 && item.bytesReceived >= item.totalBytes;
  return item.state === 'in_progress' && !item.paused && !allIn &&
    item.filename !== '';
}

/**
 * Deletes what a download left, whatever its state: a completed file is
 * removed, a running one cancelled (which deletes its partial file), and
 * the entry erased (which deletes an interrupted one's partial file,
 * `DownloadItemImpl::Remove`). `item`, when the caller has just read it,
 * spares reading it again.
 */
async function forget(id, item) {
  if (item === undefined) {
    [item] = await chrome.downloads.search({ id }).catch(() => []);
  }
  if (item?.state === 'complete') {
    await chrome.downloads.removeFile(id).catch(() => {});
  } else {
    await chrome.downloads.cancel(id).catch(() => {});
  }
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
 * 'NETWORK_TIMEOUT' when the CDN did not answer or no byte came for
 * STALL_MS, or 'refused' when the API would not start it; path is where
 * the file landed. Whatever did not complete is deleted (`forget`).
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
      clearTimeout(unanswered);
      clearInterval(watch);
      chrome.downloads.onChanged.removeListener(onChanged);
      if (outcome !== 'complete' && id !== undefined) {
        // A timeout may have raced the last bytes: keep what completed.
        const [now] = await chrome.downloads.search({ id }).catch(() => []);
        if (now?.state === 'complete') {
          [outcome, item] = ['complete', now];
        } else {
          await forget(id, now ?? null);
        }
      }
      debug('download', id, outcome, options.filename);
      resolve({
        outcome, id, path: item?.filename ?? '', mime: item?.mime ?? '',
      });
    };
    // Chromium gives the download its id only once the CDN has answered:
    // one that never answers is given up like a silent one.
    const unanswered = setTimeout(() => finish('NETWORK_TIMEOUT'), STALL_MS);
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
        const found = await chrome.downloads.search({ id }).catch(() => null);
        if (found?.length === 0) {
          finish('USER_CANCELED'); // Erased from Chrome's list meanwhile.
          return;
        }
        const item = found?.[0];
        if (!item || !waitsOnNetwork(item) || item.bytesReceived !== bytes) {
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
        if (settled) {
          await forget(started); // The CDN answered after we gave up.
          return;
        }
        id = started;
        clearTimeout(unanswered);
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
