// Reads the page facts the core needs, as raw text, without parsing them:
// the decision is the core's, in the service worker. Reading text that is
// already in the DOM is all this costs the page's main thread.

/** Is the tab on a profile page (`/@handle`)? The core decides for sure. */
function onProfilePage() {
  return /^\/@[^/]+\/?$/.test(location.pathname);
}

/** The facts of the page as it is now; `fetched` are detail responses. */
function gatherFacts(fetched) {
  const { stateScriptIds, selectors } = globalThis.AVATAR_SAVER;
  const scripts = [];
  for (const id of stateScriptIds) {
    const element = document.getElementById(id);
    if (element instanceof HTMLScriptElement) {
      scripts.push({ id, text: element.textContent ?? '' });
    }
  }
  const image = document.querySelector(selectors.headerAvatar);
  const title = document.querySelector(selectors.headerTitle);
  const header = image || title ? {
    src: image?.getAttribute('src') ?? null,
    srcset: image?.getAttribute('srcset') ?? null,
    title: title?.textContent ?? null,
  } : null;
  const og = document.querySelector(selectors.ogImage);
  return {
    url: location.href,
    documentUrl: documentUrl(),
    scripts,
    header,
    ogImage: og?.getAttribute('content') ?? null,
    fetched,
  };
}

/**
 * The URL the document was loaded at: the embedded state describes that
 * page, not one reached later by in-app navigation.
 * https://developer.mozilla.org/docs/Web/API/PerformanceNavigationTiming
 */
function documentUrl() {
  const [entry] = performance.getEntriesByType('navigation');
  return entry?.name ?? location.href;
}

/**
 * Whether the state scripts alone (as gathered) hold more text than the
 * core reads. UTF-8 never takes fewer bytes than UTF-16 code units, so the
 * core would refuse these facts too; saying so here spares copying
 * megabytes to the worker only to hear it, and answers within the second.
 */
function stateTooLarge(scripts) {
  const { maxFactBytes } = globalThis.AVATAR_SAVER;
  let length = 0;
  for (const { text } of scripts) {
    length += text.length;
  }
  return length > maxFactBytes;
}
