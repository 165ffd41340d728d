// Measured on the real profile page in both of TikTok's themes: target
// size, text, icon, border and focus-ring contrast from computed styles
// against what is around them, the forced-colours rendering read from a
// screenshot, no motion under prefers-reduced-motion, and reflow at 200 %
// zoom and at 320 CSS px without clipping or covering TikTok's controls.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { tabTo } from './extension.mjs';
import {
  contrast, decodePng, ourButton, over, pageBehind, parseColor,
  settledStatus, startProfile,
} from './a11y-helpers.mjs';

const ratio = (a, b) => Math.round(contrast(a, b) * 100) / 100;

/** Computed colours and ring of our button as it is now. */
function buttonStyle(page) {
  return ourButton(page).evaluate((el) => {
    const cs = getComputedStyle(el);
    return {
      color: cs.color,
      background: cs.backgroundColor,
      border: cs.borderTopColor,
      borderWidth: parseFloat(cs.borderTopWidth),
      icon: getComputedStyle(el.querySelector('svg')).fill,
      outline: cs.outlineColor,
      outlineStyle: cs.outlineStyle,
      outlineWidth: parseFloat(cs.outlineWidth),
      outlineOffset: parseFloat(cs.outlineOffset),
    };
  });
}

/**
 * The button's box in page coordinates, which TikTok's smooth scrolling
 * (html:focus-within) cannot shift between measuring and the screenshot.
 */
function pageBox(page) {
  return ourButton(page).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left + scrollX, y: r.top + scrollY, width: r.width,
      height: r.height };
  });
}

/**
 * Reads a screenshot of the button: its top border must stand out from the
 * page above it and from its own fill, and its label must be drawn.
 */
async function forcedLooksRight(page, state) {
  const box = await pageBox(page);
  const pad = 6;
  const clip = { x: Math.max(0, box.x - pad), y: box.y - pad,
    width: box.width + 2 * pad, height: box.height + 2 * pad };
  const shot = await decodePng(page.context(),
    await page.screenshot({ clip, fullPage: true }));
  // Button coordinates inside the screenshot.
  const left = box.x - clip.x;
  const top = box.y - clip.y;
  const outside = shot.at(left + box.width / 2, top - 3);
  const border = shot.at(left + box.width / 2, top + 1);
  const inside = shot.at(left + 6, top + box.height / 2);
  assert.ok(contrast(border, outside) >= 3,
    `${state}: border ${border} on page ${outside}`);
  assert.ok(contrast(border, inside) >= 3,
    `${state}: border ${border} on fill ${inside}`);
  // The label's glyphs: pixels far from the fill.
  let glyphs = 0;
  for (let x = left + 40; x < left + box.width - 16; x += 1) {
    for (let y = top + 8; y < top + box.height - 8; y += 1) {
      if (contrast(shot.at(x, y), inside) >= 4.5) glyphs += 1;
    }
  }
  assert.ok(glyphs > 100, `${state}: only ${glyphs} text pixels`);
}

for (const theme of ['light', 'dark']) {
  describe(`measured in the ${theme} theme`, () => {
    let run, page, behind;
    before(async () => {
      run = await startProfile({ theme });
      page = await run.open();
      behind = await pageBehind(page, 'avatar-saver-button');
    });
    after(async () => {
      await run?.close();
    });

    test('the target is at least 44 by 44 CSS px', async () => {
      const box = await ourButton(page).boundingBox();
      assert.ok(box.width >= 44 && box.height >= 44, JSON.stringify(box));
    });

    test('text 4.5:1, icon and border 3:1, at rest and hovered',
      async () => {
        for (const state of ['rest', 'hover']) {
          if (state === 'hover') await ourButton(page).hover();
          const s = await buttonStyle(page);
          const fill = over(parseColor(s.background), behind);
          const text = over(parseColor(s.color), fill);
          assert.ok(contrast(text, fill) >= 4.5,
            `${state} text ${ratio(text, fill)}:1`);
          const icon = over(parseColor(s.icon), fill);
          assert.ok(contrast(icon, fill) >= 3,
            `${state} icon ${ratio(icon, fill)}:1`);
          const border = over(parseColor(s.border), behind);
          assert.ok(s.borderWidth >= 1 && contrast(border, behind) >= 3,
            `${state} border ${ratio(border, behind)}:1 on the page`);
        }
        await page.mouse.move(0, 0);
      });

    test('the focus ring is 2 px or more and 3:1 on both sides',
      async () => {
        await tabTo(page, ourButton(page));
        const s = await buttonStyle(page);
        assert.equal(s.outlineStyle, 'solid');
        assert.ok(s.outlineWidth >= 2, `ring ${s.outlineWidth} px`);
        const ring = over(parseColor(s.outline), behind);
        // Outside, the ring meets the page; inside, the page again across
        // the offset gap, or the button's border when there is no gap.
        const inner = s.outlineOffset > 0
          ? behind : over(parseColor(s.border), behind);
        for (const [side, next] of [['outside', behind], ['inside', inner]]) {
          assert.ok(contrast(ring, next) >= 3,
            `ring ${side} ${ratio(ring, next)}:1`);
        }
        // All of the ring lies inside the box TikTok gave us, so no edge or
        // overflow of theirs cuts it off.
        const [ringBox, room] = await ourButton(page).evaluate((el) => {
          const cs = getComputedStyle(el);
          const out = parseFloat(cs.outlineOffset) +
            parseFloat(cs.outlineWidth);
          const r = el.getBoundingClientRect();
          const host = el.getRootNode().host;
          const p = host.parentElement.getBoundingClientRect();
          return [[r.left - out, r.top - out, r.right + out, r.bottom + out],
            [Math.max(p.left, 0), p.top,
              Math.min(p.right, document.documentElement.clientWidth),
              p.bottom]];
        });
        assert.ok(ringBox[0] >= room[0] && ringBox[1] >= room[1] &&
          ringBox[2] <= room[2] && ringBox[3] <= room[3],
        `ring ${ringBox} outside ${room}`);
        await page.evaluate(() => document.activeElement?.blur());
      });

    test('the docked status line has 4.5:1 text', async () => {
      await ourButton(page).click();
      await settledStatus(page, 'Saving…');
      const [color, background] = await page.locator('avatar-saver-status')
        .locator('[role=status]').evaluate((el) => {
          const cs = getComputedStyle(el);
          return [cs.color, cs.backgroundColor];
        });
      const fill = over(parseColor(background), behind);
      const text = over(parseColor(color), fill);
      assert.ok(contrast(text, fill) >= 4.5, `${ratio(text, fill)}:1`);
    });

    test('forced colours keep a visible border and text, hovered too',
      async () => {
        await page.emulateMedia({ forcedColors: 'active' });
        try {
          assert.ok(await page.evaluate(
            () => matchMedia('(forced-colors: active)').matches));
          const button = ourButton(page);
          await button.scrollIntoViewIfNeeded();
          await page.mouse.move(0, 0);
          await forcedLooksRight(page, 'rest');
          await button.hover();
          await forcedLooksRight(page, 'hover');
        } finally {
          await page.mouse.move(0, 0);
          await page.emulateMedia({ forcedColors: 'none' });
        }
      });

    test('no motion under prefers-reduced-motion', async () => {
      const motion = () => page.evaluate(() => {
        const roots = ['avatar-saver-button', 'avatar-saver-status']
          .map((tag) => document.querySelector(tag).shadowRoot);
        const styled = roots.flatMap((r) => [...r.querySelectorAll('*')]);
        return {
          running: roots.flatMap((r) => r.getAnimations()).length,
          declared: styled.filter((el) => {
            const cs = getComputedStyle(el);
            return cs.animationName !== 'none' || cs.transitionDuration
              .split(',').some((d) => parseFloat(d) > 0);
          }).map((el) => el.localName),
        };
      });
      const hoverAndFocus = async () => {
        await page.mouse.move(0, 0);
        await tabTo(page, ourButton(page));
        await ourButton(page).hover();
      };

      await page.emulateMedia({ reducedMotion: 'reduce' });
      await hoverAndFocus();
      assert.deepEqual(await motion(), { running: 0, declared: [] });

      // The same check sees the hover transition people get by default.
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      await hoverAndFocus();
      const moving = await motion();
      assert.ok(moving.declared.includes('button'), JSON.stringify(moving));
      await page.mouse.move(0, 0);
    });
  });
}

describe('reflow', () => {
  let run;
  before(async () => {
    run = await startProfile();
  });
  after(async () => {
    await run?.close();
  });

  // A 1280 px window at 200 % zoom, and at 400 % (WCAG 1.4.10's 320 px).
  for (const [label, width, height, scale] of [
    ['200 % zoom', 640, 360, 2], ['320 CSS px', 320, 256, 4],
  ]) {
    test(`at ${label} nothing is clipped or covers TikTok`, async () => {
      const page = await run.open();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setDeviceMetricsOverride',
        { width, height, deviceScaleFactor: scale, mobile: false });
      await ourButton(page).click();
      await settledStatus(page, 'Saving…');

      const found = await page.evaluate(() => {
        const rect = (el) => el.getBoundingClientRect().toJSON();
        const host = document.querySelector('avatar-saver-button');
        const button = host.shadowRoot.querySelector('button');
        const status = document.querySelector('avatar-saver-status');
        const line = status.shadowRoot.querySelector('[role=status]');
        const label = document.createRange();
        label.selectNodeContents(button);
        const ours = [host, status];
        const controls = [...document.querySelectorAll('a[href], button, ' +
          'input, select, textarea, [role=button], [tabindex]')]
          .filter((el) => !ours.some((o) => o.contains(el)))
          .map((el) => ({ what: el.outerHTML.slice(0, 80), ...rect(el) }))
          .filter((r) => r.width > 0 && r.height > 0);
        return {
          viewport: document.documentElement.clientWidth,
          host: rect(host),
          status: rect(status),
          button: { ...rect(button), scrollW: button.scrollWidth,
            clientW: button.clientWidth, scrollH: button.scrollHeight,
            clientH: button.clientHeight },
          label: [...label.getClientRects()].map((r) => r.toJSON()),
          line: { text: line.textContent, scrollW: line.scrollWidth,
            clientW: line.clientWidth },
          controls,
        };
      });
      await cdp.detach();

      const { button, label: glyphs, line, viewport } = found;
      assert.ok(button.scrollW <= button.clientW &&
        button.scrollH <= button.clientH, 'the button clips its text');
      for (const r of glyphs) {
        assert.ok(r.left >= button.left - 0.5 &&
          r.right <= button.right + 0.5, 'text outside the button');
      }
      assert.match(line.text, /^Saved /);
      assert.ok(line.scrollW <= line.clientW, 'the status line is clipped');
      for (const ours of [found.host, found.status]) {
        assert.ok(ours.left >= 0 && ours.right <= viewport + 0.5,
          `ours spans ${ours.left}..${ours.right} of ${viewport}`);
        const hit = found.controls.find((c) => c.left < ours.right &&
          ours.left < c.right && c.top < ours.bottom &&
          ours.top < c.bottom);
        assert.equal(hit, undefined, `we cover ${hit?.what}`);
      }
      await page.close();
    });
  }
});
