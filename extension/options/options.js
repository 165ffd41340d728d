// The options page: reads and writes the person's choices in
// chrome.storage.sync, and shows the file name the pattern would give as
// they type, computed by the same Rust core the worker saves with.
// https://developer.chrome.com/docs/extensions/develop/ui/options-page

import init, { defaultOptions, exampleName } from '../core/avatar_saver.js';

const t = chrome.i18n.getMessage;
// Screen readers hear the example once typing pauses, not at each key.
const ANNOUNCE_AFTER_MS = 300;

const form = document.getElementById('options');
const fields = {
  subfolder: form.elements.subfolder,
  pattern: form.elements.pattern,
  preferFormat: form.elements.preferFormat,
  saveAs: form.elements.saveAs,
  metadata: form.elements.metadata,
};
const result = document.getElementById('pattern-result');
const status = document.getElementById('status');
let timer;

translate();
await init({ module_or_path: '../core/avatar_saver_bg.wasm' });
const defaults = JSON.parse(defaultOptions());
document.getElementById('pattern-hint').textContent =
  t('options_pattern_hint', [defaults.pattern]);
show({ ...defaults, ...(await chrome.storage.sync.get(null)) });
showExample();

for (const field of [fields.subfolder, fields.pattern]) {
  field.addEventListener('input', () => {
    status.textContent = '';
    clearTimeout(timer);
    timer = setTimeout(showExample, ANNOUNCE_AFTER_MS);
  });
}
form.addEventListener('change', () => {
  status.textContent = '';
});
form.addEventListener('submit', save);

/** Writes the page's words in the person's language. */
function translate() {
  document.documentElement.lang = t('options_lang') || 'en';
  document.documentElement.dir = t('@@bidi_dir') || 'ltr';
  for (const element of document.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
}

/** Puts stored options into the form. */
function show(options) {
  fields.subfolder.value = String(options.subfolder ?? '');
  fields.pattern.value = String(options.pattern ?? defaults.pattern);
  fields.preferFormat.value = String(options.preferFormat ?? 'jpeg');
  if (!fields.preferFormat.value) {
    fields.preferFormat.value = defaults.preferFormat;
  }
  fields.saveAs.checked = options.saveAs === true;
  fields.metadata.checked = options.metadata === true;
}

/** The options as the form holds them now. */
function read() {
  return {
    subfolder: fields.subfolder.value.trim(),
    pattern: fields.pattern.value,
    preferFormat: fields.preferFormat.value,
    saveAs: fields.saveAs.checked,
    metadata: fields.metadata.checked,
  };
}

/**
 * Shows the name a sample picture would get, or why the pattern cannot
 * make one; returns whether it can.
 */
function showExample() {
  clearTimeout(timer);
  const today = new Date().toISOString().slice(0, 10);
  try {
    const name = exampleName(JSON.stringify(read()), today);
    fields.pattern.removeAttribute('aria-invalid');
    result.classList.remove('error');
    result.textContent = t('options_example', [name]);
    return true;
  } catch (error) {
    const known = String(error?.name ?? '').startsWith('pattern_');
    fields.pattern.setAttribute('aria-invalid', 'true');
    result.classList.add('error');
    result.textContent = known
      ? t(error.name, [error.message])
      : t('error_bad_pattern');
    return false;
  }
}

/** Saves the form, or takes the person to what must be fixed first. */
async function save(event) {
  event.preventDefault();
  if (!showExample()) {
    say(t('options_fix_pattern'));
    fields.pattern.focus();
    return;
  }
  try {
    await chrome.storage.sync.set(read());
    say(t('options_saved'));
  } catch {
    say(t('options_not_saved'));
  }
}

/**
 * Says `text` in the status region. Emptied first, so that saving twice
 * in a row is announced twice.
 */
function say(text) {
  status.textContent = '';
  requestAnimationFrame(() => {
    status.textContent = text;
  });
}
