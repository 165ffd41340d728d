// The content script's wiring: shows the button on profile pages, follows
// TikTok's in-app navigation, and asks the service worker to save when the
// person presses the button, the shortcut or the toolbar icon.

(() => {
  const { request, reply, trigger, selectors } = globalThis.AVATAR_SAVER;
  const t = chrome.i18n.getMessage;
  const life = new AbortController();
  // The longest the question about a new profile waits for an idle page.
  const IDLE_WAIT_MS = 1000;

  // An older copy of this script (before an update) may have left its UI.
  for (const old of document.querySelectorAll(`${STATUS_TAG}, ${BUTTON_TAG}`)) {
    old.remove();
  }
  const status = createStatus();
  const button = createButton(save);
  // What the button was last labelled for: the route and the header.
  let shownKey = '';
  let shownPath = '';
  // Numbers the questions to the worker; an answer counts only while its
  // number is the newest, so one about an earlier view is dropped.
  let asked = 0;
  const fetched = collectFetched(onFetched, life.signal);

  chrome.runtime.onMessage.addListener(onWorkerMessage);
  life.signal.addEventListener('abort', () => {
    chrome.runtime.onMessage.removeListener(onWorkerMessage);
  });

  followPage(refresh, life.signal);
  fetched.catchUp();
  refresh();

  /** A new response may tell more about the person shown: ask again. */
  function onFetched() {
    if (shownKey) {
      inspect();
    }
  }

  /** Shows, relabels or removes the button for the page as it is now. */
  function refresh() {
    if (!chrome.runtime?.id) {
      teardown(); // The extension was updated or removed.
      return;
    }
    const anchor = document.querySelector(selectors.anchor);
    if (!onProfilePage() || !anchor) {
      button.remove();
      status.undock();
      shownKey = '';
      asked++;
      return;
    }
    button.place(anchor);
    status.dock(button.host);
    const image = document.querySelector(selectors.headerAvatar);
    const key = [location.pathname, anchor.textContent,
      image?.getAttribute('src')].join('\n');
    if (key !== shownKey) {
      shownKey = key;
      // Never name the previous person while the worker is asked, nor
      // let an answer about them that is still on its way do so.
      button.unlabel();
      asked++;
      whenIdle(inspect);
    }
    if (location.pathname !== shownPath) {
      shownPath = location.pathname;
      // "Saved @a's picture" would read as news about the next person.
      status.clear();
    }
  }

  /**
   * Runs `job` once the page's main thread is idle, within a second: the
   * question copies the page's state to the worker, which should not
   * compete with the page's own start (or its in-app navigation).
   * https://developer.mozilla.org/docs/Web/API/Window/requestIdleCallback
   */
  function whenIdle(job) {
    requestIdleCallback(() => {
      if (!life.signal.aborted) {
        job();
      }
    }, { timeout: IDLE_WAIT_MS });
  }

  /** Asks the worker whose picture the button would save, to label it. */
  async function inspect() {
    // Only the newest question counts: an older answer may know less.
    const ticket = ++asked;
    const answer = await ask(request.inspect);
    if (ticket !== asked) {
      return;
    }
    if (answer?.type === reply.inspected) {
      button.label(answer);
    } else if (typeof answer?.shortcut === 'string') {
      // Nobody to name yet, but the shortcut is worth knowing already.
      button.describe(answer.shortcut);
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
        // Extra sentences end with their own period; the first has none.
        const extra = [];
        if (answer.defaultAvatar) {
          extra.push(t('status_default_avatar'));
        }
        if (answer.metadataSaved === false) {
          extra.push(t('status_metadata_failed'));
        }
        const text = [t(key, args) + (extra.length ? '.' : ''), ...extra]
          .join(' ');
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
    // The state is read once: its text is the page's largest string.
    const facts = gatherFacts(fetched.list());
    if (stateTooLarge(facts.scripts)) {
      return { type: reply.failed, key: 'error_too_large' };
    }
    try {
      return await chrome.runtime.sendMessage({ type, facts });
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
