// axe-core (WCAG 2.0, 2.1 and 2.2 A and AA rules) on our button and live
// region, inside their shadow roots, on the real profile page in TikTok's
// light and dark themes: before saving, after saving (the docked status
// line), and after a failure spoken where there is no button to dock under.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  describeViolations, ourButton, runAxe, settledStatus, startProfile,
} from './a11y-helpers.mjs';

for (const theme of ['light', 'dark']) {
  describe(`axe on our UI, ${theme} theme`, () => {
    let run;
    before(async () => {
      run = await startProfile({ theme });
    });
    after(async () => {
      await run?.close();
    });

    test('the button and the region, before and after saving', async () => {
      const page = await run.open();
      assert.equal(await page.getAttribute('html', 'data-theme'), theme);

      const before = await runAxe(page);
      assert.deepEqual(before.violations, [],
        describeViolations(before.violations));
      // The scan reached into our shadow root: these rules only apply to a
      // button, and they passed.
      const passed = before.passes.map((rule) => rule.id);
      for (const id of ['button-name', 'color-contrast', 'target-size',
        'label-content-name-mismatch']) {
        assert.ok(passed.includes(id), `axe did not check ${id}`);
      }

      await ourButton(page).click();
      const { polite } = await settledStatus(page, 'Saving…');
      assert.match(polite, /^Saved @sample\.creator's profile picture/);
      const saved = await runAxe(page);
      assert.deepEqual(saved.violations, [],
        describeViolations(saved.violations));
      const contrastChecked = saved.passes
        .find((rule) => rule.id === 'color-contrast');
      assert.ok(contrastChecked, 'axe did not check any contrast');
      await page.close();
    });

    test('a failure where there is no profile, floating', async () => {
      const page = await run.open('/foryou');
      await page.locator('avatar-saver-status').waitFor({ state: 'attached' });
      // What the shortcut and the toolbar icon send to the tab.
      await run.browser.worker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true });
        await chrome.tabs.sendMessage(tab.id, { type: 'saveShown' });
      });
      const { assertive } = await settledStatus(page, 'Saving…');
      assert.equal(assertive, 'Open a TikTok profile to save its picture');

      const result = await runAxe(page);
      assert.deepEqual(result.violations, [],
        describeViolations(result.violations));
      assert.ok(result.passes.some((rule) => rule.id === 'color-contrast'),
        'axe did not check the message\'s contrast');
      await page.close();
    });
  });
}
