// No code from strings, no HTML from strings, no remote code: a scan of
// every script and page we ship (extension/ and the built dist/, which
// adds wasm-bindgen's glue). Comments are skipped, so a comment may name
// what it avoids; string literals are kept, so `setTimeout('…')` is seen.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

import { DIST } from './extension.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What must never appear in our JavaScript, and why. */
const JS_RULES = [
  [/\.(innerHTML|outerHTML)\b/, 'HTML from a string: use textContent'],
  [/\b(insertAdjacentHTML|createContextualFragment)\b/, 'HTML from a string'],
  [/\b(setHTMLUnsafe|parseHTMLUnsafe)\b/, 'HTML from a string'],
  [/\bdocument\s*\.\s*write(ln)?\b/, 'document.write'],
  [/\beval\s*\(/, 'eval'],
  [/\bFunction\s*\(/, 'code from a string (Function)'],
  [/\b(setTimeout|setInterval)\s*\(\s*['"`]/, 'a timer given a string'],
  [/\bimport\s*\(\s*['"`](https?:)?\/\//, 'remote code (import)'],
  [/\bfrom\s*['"`](https?:)?\/\//, 'remote code (import)'],
  [/\bimportScripts\s*\(/, 'importScripts'],
  [/\bcreateElement\s*\(\s*['"`]script\b/i, 'a script element made by us'],
  [/\bchrome\s*\.\s*runtime\s*\.\s*onMessageExternal\b/,
    'a door for other extensions'],
];

/** What must never appear in our HTML pages. */
const HTML_RULES = [
  [/<script\b(?![^>]*\bsrc=)[^>]*>/i, 'an inline script'],
  [/<script\b[^>]*\bsrc=["']?(https?:)?\/\//i, 'a remote script'],
  [/\son[a-z]+\s*=/i, 'an inline event handler'],
  [/javascript:/i, 'a javascript: URL'],
];

/**
 * The text with comments blanked out (strings and regular expressions
 * kept), so that line numbers still match. A `/` starts a regular
 * expression after an operator or an opening bracket, as in our code.
 */
export function withoutComments(text) {
  let out = '';
  let i = 0;
  let last = '';
  while (i < text.length) {
    const two = text.slice(i, i + 2);
    const c = text[i];
    if (two === '//' || two === '/*') {
      const end = two === '//' ? text.indexOf('\n', i)
        : text.indexOf('*/', i + 2) + 2;
      const stop = end <= 1 ? text.length : end;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
      continue;
    }
    const regex = c === '/' && (last === '' || '(,=:[!&|?{};+-*%<>~^'
      .includes(last));
    if (c === '"' || c === "'" || c === '`' || regex) {
      let j = i + 1;
      let inClass = false;
      while (j < text.length) {
        if (text[j] === '\\') {
          j += 2;
          continue;
        }
        if (regex && text[j] === '[') inClass = true;
        if (regex && text[j] === ']') inClass = false;
        if (text[j] === c && !inClass) break;
        if (text[j] === '\n' && c !== '`') break;
        j += 1;
      }
      out += text.slice(i, j + 1);
      i = j + 1;
      last = 'x';
      continue;
    }
    out += c;
    if (!/\s/.test(c)) last = c;
    i += 1;
  }
  return out;
}

/** Each broken rule as `file:line: why`. */
export function findProblems(name, text) {
  const js = name.endsWith('.js') || name.endsWith('.mjs');
  const rules = js ? JS_RULES : HTML_RULES;
  const code = js ? withoutComments(text) : text;
  const problems = [];
  code.split('\n').forEach((line, index) => {
    for (const [pattern, why] of rules) {
      if (pattern.test(line)) problems.push(`${name}:${index + 1}: ${why}`);
    }
  });
  return problems;
}

/** Every .js and .html file under dir. */
async function sources(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.(m?js|html)$/.test(e.name))
    .map((e) => join(e.parentPath ?? e.path, e.name));
}

test('the scan catches each thing it looks for', () => {
  const bad = [
    'el.innerHTML = page.title;',
    'host.outerHTML = x',
    "el.insertAdjacentHTML('beforeend', s)",
    'document.write(x)',
    'const f = eval(text);',
    "new Function('return 1')",
    "setTimeout('run()', 10)",
    'await import("https://cdn.example/x.js")',
    "import x from '//cdn.example/x.js';",
    "document.createElement('SCRIPT')",
    'chrome.runtime.onMessageExternal.addListener(f)',
  ];
  for (const line of bad) {
    assert.equal(findProblems('x.js', line).length, 1, line);
  }
  for (const line of ['<script>run()</script>',
    '<script src="https://cdn.example/a.js"></script>',
    '<button onclick="go()">', '<a href="javascript:go()">']) {
    assert.ok(findProblems('x.html', line).length >= 1, line);
  }
});

test('the scan ignores comments and innocent look-alikes', () => {
  const fine = [
    '// never innerHTML or eval( here',
    '/* document.write is banned */ const a = 1;',
    "const SVG_NS = 'http://www.w3.org/2000/svg';",
    'timer = setTimeout(() => say(), 10);',
    'const re = /\\/\\/ not a comment/; el.textContent = x;',
    'isFunction(x); evaluate(y);',
    "const s = '/* not a comment */'; eval2();",
  ];
  for (const line of fine) {
    assert.deepEqual(findProblems('x.js', line), [], line);
  }
  assert.deepEqual(
    findProblems('x.html', '<script src="options.js" type="module">'), []);
});

test('no shipped script or page builds code or HTML from strings',
  async () => {
    const dirs = [join(ROOT, 'extension')];
    if (existsSync(DIST)) dirs.push(DIST);
    const problems = [];
    let scanned = 0;
    for (const dir of dirs) {
      for (const file of await sources(dir)) {
        scanned += 1;
        const name = relative(ROOT, file);
        problems.push(...findProblems(name, await readFile(file, 'utf8')));
      }
    }
    assert.ok(scanned >= 8, `only ${scanned} files found`);
    assert.deepEqual(problems, []);
  });
