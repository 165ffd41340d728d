// The content script's wiring: shows the button on profile pages, follows
// TikTok's in-app navigation, and asks the service worker to save when the
// person presses the button, the shortcut or the toolbar icon.

(() => {
  const { request, reply, trigger, selectors } = globalThis.AVATAR_SAVER;
  const t = chrome.i18n.getMessage;
  const life = new AbortController();

  // An older copy of this script (before an update) may have left its UI.
  for (const old of document.querySelectorAll(`${STATUS_TAG}, ${BUTTON_TAG}`)) {
    old.remove();
  }
  const status = createStatus();
  const button = createButton(save);
  // User-detail responses the page fetched, newest first (issue 5 fills it).
  const fetched = [];
  let shownKey = '';

  chrome.runtime.onMessage.addListener(onWorkerMessage);
  life.signal.addEventListener('abort', () => {
    chrome.runtime.onMessage.removeListener(onWorkerMessage);
  });

  // TikTok renders the header after load and after each in-app navigation;
  // a MutationObserver notices that without polling, and work is batched to
  // one check per frame.
  let queued = false;
  const observer = new MutationObserver(() => {
    if (!queued) {
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        refresh();
      });
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
  life.signal.addEventListener('abort', () => observer.disconnect());
  refresh();

  /** Shows, relabels or removes the button for the page as it is now. */
  function refresh() {
    if (!chrome.runtime?.id) {
      teardown(); // The extension was updated or removed.
      return;
    }
    const anchor = document.querySelector(selectors.anchor);
    if (!onProfilePage() || !anchor) {
      button.remove();
      shownKey = '';
      return;
    }
    button.place(anchor);
    const key = location.pathname + '\n' + anchor.textContent;
    if (key !== shownKey) {
      shownKey = key;
      inspect();
    }
  }

  /** Asks the worker whose picture the button would save, to label it. */
  async function inspect() {
    const key = shownKey;
    const answer = await ask(request.inspect);
    if (answer?.type === reply.inspected && key === shownKey) {
      button.label(answer);
    }
  }

  /** Saves the picture of the profile on screen. */
  async function save() {
    if (!onProfilePage()) {
      status.say(t('error_not_a_profile'), { failure: true });
      return;
    }
    status.say(t('status_saving'));
    const answer = await ask(request.save);
    speak(answer);
  }

  /** Says how a save ended. */
  function speak(answer) {
    switch (answer?.type) {
      case reply.saved: {
        const sized = answer.width && answer.height;
        const key = sized ? 'status_saved' : 'status_saved_unsized';
        const args = [answer.handle, String(answer.width),
          String(answer.height)];
        let text = t(key, args);
        if (answer.defaultAvatar) {
          text += ' ' + t('status_default_avatar');
        }
        status.say(text);
        break;
      }
      case reply.busy:
        status.say(t('status_busy'));
        break;
      case reply.failed:
        status.say(t(answer.key) || t('error_internal'), { failure: true });
        break;
      default:
        status.say(t('error_extension_updated'), { failure: true });
    }
  }

  /** Sends a request with the page's facts; `undefined` if unanswered. */
  async function ask(type) {
    if (stateTooLarge()) {
      return { type: reply.failed, key: 'error_too_large' };
    }
    try {
      return await chrome.runtime.sendMessage({
        type,
        facts: gatherFacts(fetched.slice()),
      });
    } catch {
      return undefined; // The extension was updated: say so, see speak().
    }
  }

  /** The worker asks us to save: the shortcut or the toolbar icon. */
  function onWorkerMessage(message, sender) {
    if (sender.id === chrome.runtime.id &&
        message?.type === trigger.saveShown) {
      save();
    }
  }

  /** Leaves the page as we found it. */
  function teardown() {
    life.abort();
    button.remove();
    status.remove();
  }
})();
