// Follows TikTok's in-app navigation without polling. The Navigation API
// reports every pushState, replaceState, back and forward, even those the
// page's own world makes; on profile pages a MutationObserver also notices
// when the header renders or changes person. Work is batched to at most
// one call per frame, and the observer is off on every other page (the
// For You feed changes all the time).
// https://developer.mozilla.org/docs/Web/API/Navigation/currententrychange_event

/** Calls `onChange` after the route or a profile page's content changes. */
function followPage(onChange, signal) {
  let queued = false;
  let observing = false;
  const observer = new MutationObserver(schedule);

  function schedule() {
    if (!queued) {
      queued = true;
      requestAnimationFrame(run);
    }
  }

  function run() {
    queued = false;
    if (signal.aborted) {
      return;
    }
    watchContent();
    onChange();
  }

  /** Observes the page's content only while it is a profile page. */
  function watchContent() {
    const wanted = onProfilePage();
    if (wanted && !observing) {
      observer.observe(document.body, {
        childList: true,
        subtree: true,
        characterData: true,
        attributeFilter: ['src', 'srcset'],
      });
    } else if (!wanted && observing) {
      observer.disconnect();
    }
    observing = wanted;
  }

  navigation.addEventListener('currententrychange', schedule, { signal });
  signal.addEventListener('abort', () => observer.disconnect());
  watchContent();
}
