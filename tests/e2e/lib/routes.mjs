// Serves saved TikTok pages to the browser and keeps every other request
// for TikTok's hosts on this machine.
//
// Only what the PAGE asks for passes through Playwright's routing. The
// extension's chrome.downloads requests are made by the browser process
// and are caught by --host-resolver-rules instead (see browser.mjs).

import { readFile } from 'node:fs/promises';

// Sites a TikTok page loads from. The saved pages also name tiktokv and
// tiktokw hosts for telemetry; the CDN has regional names (tiktokcdn-eu).
const SITES = [
  'tiktok.com', 'tiktokv.com', 'tiktokv.eu', 'tiktokw.eu',
  'ttwstatic.com', 'ibytedtos.com',
];
const CDN_SITE = /^tiktokcdn(-[a-z]+)?\.com$/;

// Playwright hands route predicates a URL object.
function isTikTok({ hostname }) {
  const site = hostname.split('.').slice(-2).join('.');
  return SITES.includes(site) || CDN_SITE.test(site);
}

/**
 * Fulfils https://www.tiktok.com<path> for each path in pages, given as
 * {file} or {body}, with the page's CSP header (TikTok's own is strict
 * about scripts, which is what the content script has to live with).
 * Every other request to TikTok's hosts is aborted. The query string is
 * ignored when matching, as TikTok adds its own (?lang=, ?is_from_webapp=).
 */
export async function routeTikTok(context, pages) {
  const served = new Map();
  for (const [path, page] of Object.entries(pages)) {
    const body = page.body ?? (await readFile(page.file));
    served.set(path, { body, csp: page.csp ?? "script-src 'self'" });
  }

  await context.route(isTikTok, (route) => {
    const url = new URL(route.request().url());
    const page = url.hostname === 'www.tiktok.com' && served.get(url.pathname);
    if (!page) return route.abort('blockedbyclient');

    return route.fulfill({
      status: 200,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': page.csp,
      },
      body: page.body,
    });
  });
}

/**
 * Answers requests to www.tiktok.com whose path starts with prefix (such as
 * /api/user/detail/) with JSON: handler(url, request) returns the value to
 * send, or {status, json} to choose the status too. Register after
 * routeTikTok: Playwright tries the newest route first.
 */
export async function routeJson(context, prefix, handler) {
  const matches = (url) =>
    url.hostname === 'www.tiktok.com' && url.pathname.startsWith(prefix);

  await context.route(matches, async (route) => {
    const request = route.request();
    const reply = await handler(new URL(request.url()), request);
    const full = reply && typeof reply === 'object' && 'json' in reply;

    return route.fulfill({
      status: full ? reply.status ?? 200 : 200,
      contentType: 'application/json',
      body: JSON.stringify(full ? reply.json : reply),
    });
  });
}
