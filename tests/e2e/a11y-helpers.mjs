// Helpers for the accessibility tests (a11y-*.test.mjs, shortcut-*): the
// real Nov 2025 profile page in TikTok's dark theme as saved, or made light
// the way TikTok serves it to people who chose light; axe-core run on our
// own elements only; what Chromium's accessibility tree says about them;
// colours and contrast as WCAG computes them.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import {
  fixturePage, launchBrowser, routeTikTok, serveOwnerAvatars, startCdn,
} from './harness.mjs';
import { DIST, openProfile } from './extension.mjs';

export const PROFILE = '/@sample.creator';
const PAGE = 'profile-2025-eu.html';
// Our two elements on TikTok's page; TikTok's own nodes are not ours to
// judge (its saved page has violations of its own).
export const OURS = ['avatar-saver-button', 'avatar-saver-status'];
const AXE = new URL('../../node_modules/axe-core/axe.min.js',
  import.meta.url);
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// The saved page is dark: TikTok bakes the theme into <html> and into the
// global styles it renders on the server. Light is the same page with
// TikTok's light values in those places.
const LIGHT = [
  ['data-tux-color-scheme="dark"', 'data-tux-color-scheme="light"'],
  ['data-theme="dark"', 'data-theme="light"'],
  ['body{background:rgba(18,18,18,1);}', 'body{background:#ffffff;}'],
  ['body{font-size:14px;color:rgba(255, 255, 255, .9);' +
    'background-color:rgba(18, 18, 18, 1);',
  'body{font-size:14px;color:rgba(22, 24, 35, 1);' +
    'background-color:rgba(255, 255, 255, 1);'],
];

/** The profile page's HTML in `theme` ('dark' as saved, or 'light'). */
export async function profileHtml(theme) {
  let html = await readFile(fixturePage(PAGE), 'utf8');
  if (theme === 'light') {
    for (const [dark, light] of LIGHT) {
      assert.ok(html.includes(dark), `the fixture no longer has ${dark}`);
      html = html.replaceAll(dark, light);
    }
  }
  return html;
}

/**
 * Starts the stand-in CDN with the owner's three avatar sizes and Chromium
 * with our extension, serving the profile in `theme` at PROFILE and, at
 * /foryou, a TikTok page that is not a profile. Returns {browser, cdn,
 * picture (the 1080 bytes), open(), close()}.
 */
export async function startProfile({
  theme = 'dark', lang = 'en', headless = true,
} = {}) {
  const html = await profileHtml(theme);
  const cdn = await startCdn();
  const { images: pictures } = await serveOwnerAvatars(cdn, html);
  let browser;
  try {
    browser = await launchBrowser({
      extensionDir: DIST, cdnPort: cdn.port, lang, headless,
    });
    await routeTikTok(browser.context, {
      [PROFILE]: { body: html },
      '/foryou': { body: '<!doctype html><title>For You</title><p>feed' },
    });
  } catch (error) {
    await cdn.close();
    throw error;
  }
  return {
    browser,
    cdn,
    picture: pictures[1080],
    /** Opens `path` and waits until our button is labelled, if it has one. */
    async open(path = PROFILE) {
      const page = await openProfile(browser.context, path);
      if (path === PROFILE) {
        await page.locator('avatar-saver-button button[aria-label]')
          .waitFor();
      }
      return page;
    },
    async close() {
      await browser.close();
      await cdn.close();
    },
  };
}

/** Our button, through its open shadow root. */
export function ourButton(page) {
  return page.locator('avatar-saver-button button');
}

/**
 * Waits until the live region says something other than `saving` (the
 * "Saving…" of the language in use) and returns {polite, assertive}.
 */
export async function settledStatus(page, saving) {
  await page.waitForFunction((busy) => {
    // Only the regions: the root's own textContent includes the <style>.
    const root = document.querySelector('avatar-saver-status')?.shadowRoot;
    const text = [...root?.querySelectorAll('[aria-live]') ?? []]
      .map((region) => region.textContent).join('');
    return text !== '' && text !== busy;
  }, saving, { timeout: 10_000 });
  return page.evaluate(() => {
    const root = document.querySelector('avatar-saver-status').shadowRoot;
    return {
      polite: root.querySelector('[aria-live=polite]').textContent,
      assertive: root.querySelector('[aria-live=assertive]').textContent,
    };
  });
}

/**
 * Runs axe-core on our elements and their open shadow roots. The page's
 * CSP blocks addScriptTag; evaluating the source over CDP is not subject
 * to it. Returns axe's results.
 */
export async function runAxe(page) {
  const source = await readFile(AXE, 'utf8');
  await page.evaluate(source);
  return page.evaluate(({ ours, tags }) => globalThis.axe.run(
    { include: ours.filter((tag) => document.querySelector(tag))
      .map((tag) => [tag]) },
    { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
  ), { ours: OURS, tags: AXE_TAGS });
}

/** axe's violations as readable lines, for assertion messages. */
export function describeViolations(violations) {
  return violations.map((v) => `${v.id}: ${v.help} at ` +
    v.nodes.map((n) => JSON.stringify(n.target)).join(', ')).join('\n');
}

/**
 * What Chromium's accessibility tree (CDP Accessibility.getFullAXTree)
 * holds for us: {button: {role, name, description, focused}, status,
 * alert} where status and alert are {live, text}.
 */
export async function ourAxNodes(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const prop = (node, name) =>
      node.properties?.find((p) => p.name === name)?.value.value;
    const text = (node) => (node.childIds ?? []).map((id) => byId.get(id))
      .map((child) => child?.role?.value === 'StaticText'
        ? child.name?.value ?? '' : text(child ?? {})).join('');
    const live = (role) => {
      const node = nodes.find((n) => n.role?.value === role &&
        prop(n, 'live') !== undefined);
      return node && { live: prop(node, 'live'), text: text(node) };
    };
    const button = nodes.find((n) => n.role?.value === 'button' &&
      !n.ignored && /^(Download|Descargar)/.test(n.name?.value ?? ''));
    return {
      button: button && {
        role: button.role.value,
        name: button.name.value,
        description: button.description?.value ?? '',
        focused: prop(button, 'focused') === true,
      },
      status: live('status'),
      alert: live('alert'),
    };
  } finally {
    await cdp.detach();
  }
}

/** [r, g, b, a] of a computed CSS colour (rgb/rgba, as getComputedStyle). */
export function parseColor(css) {
  const m = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/
    .exec(css.trim());
  assert.ok(m, `not a computed rgb colour: ${css}`);
  return [Number(m[1]), Number(m[2]), Number(m[3]),
    m[4] === undefined ? 1 : Number(m[4])];
}

/** `top` laid over `bottom` (opaque) by its alpha. */
export function over(top, bottom) {
  const a = top[3] ?? 1;
  return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1);
}

/** WCAG 2 relative luminance of an sRGB colour. */
function luminance([r, g, b]) {
  const lin = (c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of two opaque colours, 1 to 21. */
export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The opaque colour of the page behind the element `selector` (in the
 * main document): every ancestor's background laid over the white canvas.
 */
export async function pageBehind(page, selector) {
  const layers = await page.evaluate((sel) => {
    const out = [];
    for (let e = document.querySelector(sel)?.parentElement; e;
      e = e.parentElement) {
      out.push(getComputedStyle(e).backgroundColor);
    }
    return out;
  }, selector);
  return layers.reverse().map(parseColor)
    .reduce((below, layer) => over(layer, below), [255, 255, 255, 1]);
}

/**
 * ourAxNodes once `ready(nodes)` holds: Chromium updates its tree a frame
 * or so after the DOM. Gives the last look after `timeout` ms.
 */
export async function ourAxNodesWhen(page, ready, timeout = 5_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const nodes = await ourAxNodes(page);
    if (ready(nodes) || Date.now() > deadline) {
      return nodes;
    }
    await page.waitForTimeout(50);
  }
}

/**
 * Decodes a PNG screenshot into {width, height, at(x, y) => [r, g, b, a]}
 * with the browser's own decoder, in a blank page of `context`.
 */
export async function decodePng(context, png) {
  const blank = await context.newPage();
  try {
    const { width, height, data } = await blank.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes]));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d');
      ctx.drawImage(bitmap, 0, 0);
      const image = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      return { width: image.width, height: image.height,
        data: Array.from(image.data) };
    }, png.toString('base64'));
    const at = (x, y) => {
      const i = (Math.round(y) * width + Math.round(x)) * 4;
      return data.slice(i, i + 4);
    };
    return { width, height, at };
  } finally {
    await blank.close();
  }
}
