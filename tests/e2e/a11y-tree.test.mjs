// What a screen reader is told, read from Chromium's own accessibility
// tree (CDP Accessibility.getFullAXTree) in English and in Spanish: the
// button's role, full name and description (the shortcut), the live
// regions that exist before anything is said, each message said once in
// the right region, and the shortcut's and toolbar icon's own words.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { uiLocaleAvailable } from './harness.mjs';
import {
  ourAxNodes, ourAxNodesWhen, ourButton, settledStatus, startProfile,
} from './a11y-helpers.mjs';

const WORDS = {
  en: {
    name: 'Download profile picture of @sample.creator, 1080 by 1080 ' +
      'pixels',
    visible: 'Download profile picture',
    hint: 'Keyboard shortcut: Alt+Shift+D. Change it at ' +
      'chrome://extensions/shortcuts.',
    saving: 'Saving…',
    saved: "Saved @sample.creator's profile picture, 1080 by 1080 pixels",
    notProfile: 'Open a TikTok profile to save its picture',
    command: 'Save the profile picture of the TikTok profile on screen',
  },
  es: {
    name: 'Descargar foto de perfil de @sample.creator, 1080 por 1080 ' +
      'píxeles',
    visible: 'Descargar foto de perfil',
    // Chromium names the keys in its own UI language.
    hint: 'Atajo de teclado: Alt+Mayús+D. Cámbialo en ' +
      'chrome://extensions/shortcuts.',
    saving: 'Guardando…',
    saved: 'Foto de perfil de @sample.creator guardada, 1080 por 1080 ' +
      'píxeles',
    notProfile: 'Abre un perfil de TikTok para guardar su foto',
    command: 'Guardar la foto del perfil de TikTok que estás viendo',
  },
};

/** Records every text each live region is given, from now on. */
async function recordMessages(page) {
  await page.evaluate(() => {
    const root = document.querySelector('avatar-saver-status').shadowRoot;
    const said = { polite: [], assertive: [] };
    for (const region of root.querySelectorAll('[aria-live]')) {
      new MutationObserver(() => {
        if (region.textContent) {
          said[region.getAttribute('aria-live')].push(region.textContent);
        }
      }).observe(region, { childList: true, characterData: true,
        subtree: true });
    }
    globalThis.avatarSaverSaid = said;
  });
}

for (const [lang, words] of Object.entries(WORDS)) {
  describe(`the accessibility tree in ${lang}`, {
    skip: lang !== 'en' && !uiLocaleAvailable(lang) &&
      `Chromium has no ${lang} UI: apt-get install chromium-l10n`,
  }, () => {
    let run;
    before(async () => {
      run = await startProfile({ lang });
    });
    after(async () => {
      await run?.close();
    });

    test('the button is named and described, the regions wait', async () => {
      const page = await run.open();
      const { button, status, alert } = await ourAxNodes(page);
      assert.deepEqual(button, {
        role: 'button', name: words.name, description: words.hint,
        focused: false,
      });
      assert.ok(button.name.startsWith(words.visible), 'label in name');
      assert.equal(await ourButton(page).innerText(), words.visible);
      assert.deepEqual(status, { live: 'polite', text: '' });
      assert.deepEqual(alert, { live: 'assertive', text: '' });
      // A screen reader picks its voice by the language of the text.
      assert.ok(await ourButton(page).evaluate(
        (el, tag) => el.matches(`:lang(${tag})`), lang));
      await page.close();
    });

    test('saving is said politely, once each, then read back',
      async () => {
        const page = await run.open();
        await recordMessages(page);
        await ourButton(page).click();
        await settledStatus(page, words.saving);

        const { status, alert } = await ourAxNodesWhen(page,
          (nodes) => nodes.status?.text !== words.saving);
        assert.deepEqual(status, { live: 'polite', text: words.saved });
        assert.deepEqual(alert, { live: 'assertive', text: '' });
        const said = await page.evaluate(() => globalThis.avatarSaverSaid);
        assert.deepEqual(said, {
          polite: [words.saving, words.saved], assertive: [],
        });
        await page.close();
      });

    test('a failure is assertive and replaces what was said', async () => {
      const page = await run.open('/foryou');
      await page.locator('avatar-saver-status')
        .waitFor({ state: 'attached' });
      await recordMessages(page);
      await run.browser.worker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true });
        await chrome.tabs.sendMessage(tab.id, { type: 'saveShown' });
      });
      await settledStatus(page, words.saving);

      const { status, alert } = await ourAxNodesWhen(page,
        (nodes) => nodes.alert?.text !== '');
      assert.deepEqual(alert, { live: 'assertive', text: words.notProfile });
      assert.deepEqual(status, { live: 'polite', text: '' });
      const said = await page.evaluate(() => globalThis.avatarSaverSaid);
      assert.deepEqual(said, { polite: [], assertive: [words.notProfile] });
      await page.close();
    });

    test('the shortcut and the toolbar icon say what they do', async () => {
      const [commands, title] = await run.browser.worker.evaluate(
        async () => [await chrome.commands.getAll(),
          await chrome.action.getTitle({})]);
      const save = commands.find((c) => c.name === 'save-avatar');
      assert.equal(save.description, words.command);
      assert.equal(title, words.command);
    });
  });
}
