// The real keyboard shortcut. chrome.commands shortcuts are browser
// accelerators: CDP key events go to the page and never reach them, and
// headless Chromium has no accelerators at all. So this runs a headed
// Chromium on a private Xvfb display and presses the keys with xdotool, as
// the X server would deliver them from a keyboard.

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { after, before, test } from 'node:test';

import { waitForFile } from './harness.mjs';
import { settledStatus, startProfile } from './a11y-helpers.mjs';

const has = (tool) => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const missing = ['Xvfb', 'xdotool'].filter((tool) => !has(tool));
const skip = missing.length > 0 &&
  `needs ${missing.join(' and ')}: apt-get install xvfb xdotool`;

let xvfb, run;

/** Starts Xvfb on the first free display and returns its name (":N"). */
function startXvfb() {
  // -displayfd writes the display number it took to fd 3 once it is ready.
  xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24',
    '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    xvfb.stdio[3].on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited: ${code}`)));
    setTimeout(() => reject(new Error('Xvfb gave no display in 10 s')),
      10_000).unref();
  });
}

/** Runs xdotool on our display. */
function xdotool(...args) {
  return execFileSync('xdotool', args,
    { encoding: 'utf8', timeout: 10_000 }).trim();
}

before(async () => {
  if (skip) return;
  // launchBrowser hands process.env to Chromium.
  process.env.DISPLAY = await startXvfb();
  run = await startProfile({ headless: false });
});

after(async () => {
  await run?.close();
  xvfb?.kill();
});

test('Alt+Shift+D pressed on the keyboard saves the picture', { skip },
  async () => {
    const page = await run.open();
    const [{ shortcut }] = (await run.browser.worker.evaluate(
      () => chrome.commands.getAll()))
      .filter((command) => command.name === 'save-avatar');
    assert.equal(shortcut, 'Alt+Shift+D');

    // No window manager runs here: give Chromium's window the X input
    // focus directly, then type as a keyboard would (XTEST).
    await page.bringToFront();
    const window = xdotool('search', '--sync', '--onlyvisible', '--class',
      'chromium').split('\n').at(-1);
    xdotool('windowfocus', '--sync', window);
    xdotool('key', 'alt+shift+d');

    const file = await waitForFile(run.browser.downloadsDir);
    assert.equal(file.name, 'sample.creator_1080x1080_b5a9de7c.jpeg');
    assert.ok(file.bytes.equals(run.picture), 'not the 1080 picture');
    const { polite } = await settledStatus(page, 'Saving…');
    assert.equal(polite,
      "Saved @sample.creator's profile picture, 1080 by 1080 pixels");
    // The shortcut saves without taking focus anywhere.
    assert.equal(await page.evaluate(() => document.activeElement.localName),
      'body');
  });
