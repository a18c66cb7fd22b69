// The page in a real browser (Debian's headless Chromium, driven by playwright-core):
// - every scam text of tests/data/scan, pasted, shows the library's verdicts, spans and words
//   (the reference is the same Rust code run natively: `--example reports`);
// - the page speaks zh-Hans, zh-Hant and English, picked from the browser's language and
//   switchable;
// - it works opened from disk and served by `python3 -m http.server`, and makes no request
//   after it has loaded;
// - axe-core finds no WCAG 2 A/AA violation, in each language, before and after a report;
// - screenshots at 360 px and 1280 px are written to target/page/screenshots (and to
//   docs/page when UPDATE_SCREENSHOTS=1), and the load and first-report times are printed.
//
// Run: scripts/test-page (builds the page first).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..', '..');
const pageFile = path.join(root, 'target', 'page', 'index.html');
const pageUrl = pathToFileURL(pageFile).href;
const scanDir = path.join(root, 'tests', 'data', 'scan');
const shotDir = path.join(root, 'target', 'page', 'screenshots');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const files = fs
  .readdirSync(scanDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

// The browser's locale for each UI language, and the language the page must pick for it.
const LOCALES = [
  { locale: 'zh-CN', lang: 'zh-Hans' },
  { locale: 'zh-TW', lang: 'zh-Hant' },
  { locale: 'en-US', lang: 'en' },
];

/** The library's reports on every scan text, computed natively, by file name. */
function nativeReports(locale) {
  const out = execFileSync(
    'cargo',
    [
      'run', '-q', '--locked', '-p', 'contactguard-wasm', '--no-default-features', '--features', 'page',
      '--example', 'reports', '--', locale, ...files.map((f) => path.join(scanDir, f)),
    ],
    { cwd: root, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
  );
  const byFile = new Map();
  for (const line of out.split('\n').filter(Boolean)) {
    const { file, report } = JSON.parse(line);
    byFile.set(path.basename(file), report);
  }
  return byFile;
}

let browser;

before(async () => {
  assert.ok(fs.existsSync(pageFile), `${pageFile} is missing: run scripts/build-page first`);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  fs.mkdirSync(shotDir, { recursive: true });
});

after(async () => {
  await browser?.close();
});

/** A fresh page in a browser of `locale`, loaded from `url`, with every request recorded. */
async function open(locale, url = pageUrl, viewport = { width: 390, height: 844 }) {
  const context = await browser.newContext({ locale, viewport });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => document.body.dataset.ready), 'true', errors.join('\n'));
  return { page, context, requests, errors };
}

/** Pastes `text` and waits for the page's report on it. */
async function paste(page, text) {
  await page.fill('#text', text);
  await page.waitForFunction((t) => window.lastReport && window.lastReport.input === t, text, {
    timeout: 30000,
  });
}

/** What the page shows: the summary, the cards, the marks, the steps and places. */
function shown(page) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    summary: document.getElementById('summary')?.textContent ?? null,
    cards: [...document.querySelectorAll('#report .card')].map((c) => ({
      role: c.dataset.role,
      status: c.dataset.status,
      span: c.dataset.span ?? null,
      text: c.querySelector('.what').textContent,
      why: c.querySelector('.why')?.textContent ?? null,
    })),
    marks: [...document.querySelectorAll('#pasted mark')].map((m) => ({
      status: m.dataset.status,
      text: m.textContent,
    })),
    bullets: [...document.querySelectorAll('#report ul.steps li')].map((l) => l.textContent),
    headings: [...document.querySelectorAll('#report h2')].map((h) => h.textContent),
  }));
}

/** The cards the native report says the page must show. */
function expectedCards(report) {
  const cards = [];
  for (const part of report.parts) {
    if (part.role === 'contact' || part.role === 'claim') {
      cards.push({
        role: part.role,
        status: part.status,
        span: part.span ? part.span.join('-') : null,
        text: part.text,
        why: null,
      });
    } else if (part.role === 'explanation' && cards.length) {
      cards[cards.length - 1].why = part.text;
    }
  }
  return cards;
}

for (const { locale, lang } of LOCALES) {
  describe(`the page in a ${locale} browser`, () => {
    let native;
    let opened;
    before(async () => {
      native = nativeReports(locale);
      opened = await open(locale);
    });
    after(async () => opened?.context.close());

    test(`speaks ${lang}`, async () => {
      const { page } = opened;
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      const pressed = await page.getAttribute(`#languages button[data-lang="${lang}"]`, 'aria-pressed');
      assert.equal(pressed, 'true');
    });

    test(`shows the library's verdicts on all ${files.length} scan texts`, async () => {
      const { page } = opened;
      for (const file of files) {
        const text = fs.readFileSync(path.join(scanDir, file), 'utf8');
        const want = native.get(file);
        assert.ok(want, `no native report for ${file}`);
        await paste(page, text);
        const got = await shown(page);
        const summary = want.parts.find((p) => p.role === 'summary');
        assert.equal(got.summary, summary.text, `${file}: summary`);
        assert.deepEqual(got.cards, expectedCards(want), `${file}: contacts and claims`);
        // Each mark is the text at a card's span, with the card's verdict.
        const spans = new Map(
          got.cards.filter((c) => c.span).map((c) => [c.span, c.status]),
        );
        for (const m of got.marks) {
          assert.ok([...spans.values()].includes(m.status), `${file}: mark ${m.text}`);
        }
        if (text.length <= 20000) {
          const starts = [...spans.keys()].map((s) => Number(s.split('-')[0]));
          const covered = new Set(starts).size;
          assert.ok(got.marks.length <= covered && (covered === 0) === (got.marks.length === 0),
            `${file}: ${got.marks.length} marks for ${covered} spans`);
          for (const m of got.marks) {
            const at = [...spans.keys()].find((s) => {
              const [a, b] = s.split('-').map(Number);
              return text.slice(a, b) === m.text;
            });
            assert.ok(at, `${file}: the mark '${m.text}' is at no card's span`);
          }
        }
        const bullets = want.parts
          .filter((p) => p.role === 'step' || p.role === 'place')
          .map((p) => p.text.replace(/^\s*•\s*/, ''));
        assert.deepEqual(got.bullets, bullets, `${file}: steps and places to report`);
        assert.equal(
          got.headings.join('|'),
          want.parts.filter((p) => p.role === 'heading').map((p) => p.text).join('|'),
          `${file}: headings`,
        );
      }
    });

    test('copies the report as plain text', async () => {
      const { page } = opened;
      const file = files[0];
      const text = fs.readFileSync(path.join(scanDir, file), 'utf8');
      await paste(page, text);
      await page.click('#copy');
      await page.waitForFunction(() => document.getElementById('copy-status').textContent !== '');
      const copied = await page.evaluate(() => window.lastCopied);
      assert.ok(copied, 'the copy failed');
      assert.ok(copied.includes(native.get(file).text.trim()), 'the copied text holds the report');
      assert.ok(copied.includes(text.trim().slice(0, 200)), 'the copied text quotes what was checked');
      const clipboard = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(clipboard, copied);
    });

    test('has no WCAG 2 A/AA violations (axe-core), empty and with a report', async () => {
      const { page } = opened;
      await paste(page, '');
      await checkAccessibility(page, `${lang}, empty`);
      await paste(page, fs.readFileSync(path.join(scanDir, files[0]), 'utf8'));
      await checkAccessibility(page, `${lang}, with a report`);
    });
  });
}

async function checkAccessibility(page, what) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.evaluate(axeSource);
  }
  const result = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    }),
  );
  const violations = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  assert.deepEqual(violations, [], `${what}: accessibility violations`);
  assert.ok(result.passes.length > 10, `${what}: axe ran ${result.passes.length} rules`);
}

describe('switching languages', () => {
  test('the buttons change the page and the report', async () => {
    const { page, context } = await open('en-US');
    await paste(page, fs.readFileSync(path.join(scanDir, files[0]), 'utf8'));
    for (const [button, lang, title] of [
      ['zh-Hans', 'zh-Hans', '这个联系方式是真的吗？'],
      ['zh-Hant', 'zh-Hant', '這個聯絡方式是真的嗎？'],
      ['en', 'en', 'Is this contact real?'],
    ]) {
      await page.click(`#languages button[data-lang="${button}"]`);
      await page.waitForFunction((l) => window.lastReport?.language === l, lang);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      assert.equal(await page.textContent('h1'), title);
      const summary = await page.textContent('#summary');
      const chinese = /[\u4e00-\u9fff]/.test(summary);
      assert.equal(chinese, lang !== 'en', `summary in ${lang}: ${summary}`);
    }
    await context.close();
  });

  test('the keyboard reaches every control, in order', async () => {
    const { page, context } = await open('en-US');
    await paste(page, 'TokenPocket客服电话 400-123-4567');
    await page.focus('#languages button[data-lang="en"]');
    const order = [await page.evaluate(() => document.activeElement.dataset.lang)];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement.id || document.activeElement.dataset.lang));
    }
    assert.deepEqual(order, ['en', 'zh-Hans', 'zh-Hant', 'text', 'pasted', 'copy']);
    await context.close();
  });
});

describe('where the page runs', () => {
  test('from disk, with no request after it loads', async () => {
    const { page, context, requests } = await open('zh-CN');
    await paste(page, 'TP钱包人工客服 400-800-1234');
    assert.deepEqual(requests, [pageUrl]);
    assert.equal(await page.evaluate(() => window.lastReport.status), 'impersonation');
    await context.close();
  });

  test('load and first-verdict times (printed, not asserted)', async () => {
    const runs = [];
    for (let i = 0; i < 7; i++) {
      const { page, context } = await open('zh-CN');
      await paste(page, fs.readFileSync(path.join(scanDir, files[0]), 'utf8'));
      runs.push(
        await page.evaluate(() => {
          const t = window.timings;
          const nav = performance.getEntriesByType('navigation')[0];
          return { ...t, load: nav.loadEventEnd };
        }),
      );
      await context.close();
    }
    const median = (f) => {
      const v = runs.map(f).sort((a, b) => a - b);
      return v[v.length >> 1].toFixed(0);
    };
    console.log(
      `# timings, median of ${runs.length} loads from disk (ms after the page started loading): ` +
        `script started ${median((t) => t.start)}, WebAssembly unpacked and compiled ${median((t) => t.compiled)}, ` +
        `registry verified and indexed ${median((t) => t.verified)}, ready ${median((t) => t.ready)}, ` +
        `load event ${median((t) => t.load)}; first report ${median((t) => t.firstReport)} ms; ` +
        `first verdict after the load event ${median((t) => Math.max(t.ready - t.load, 0) + t.firstReport)} ms`,
    );
    for (const t of runs) assert.ok(t.ready > 0 && t.firstReport > 0, JSON.stringify(t));
  });

  test('served by python3 -m http.server, with no request after it loads', async () => {
    const server = await serve(path.dirname(pageFile));
    try {
      const url = `${server.url}/`;
      const { page, context, requests } = await open('zh-TW', url);
      await paste(page, 'imToken客服熱線 400-800-1234');
      assert.equal(await page.evaluate(() => window.lastReport.status), 'impersonation');
      assert.deepEqual(requests, [url]);
      await context.close();
    } finally {
      server.stop();
    }
  });
});

describe('screenshots', () => {
  const sample = fs.readFileSync(path.join(scanDir, '13-chat-wechat-tp-zh.txt'), 'utf8');
  for (const [width, height, locale] of [
    [360, 800, 'zh-CN'],
    [1280, 900, 'zh-CN'],
    [360, 800, 'en-US'],
  ]) {
    test(`${width} px, ${locale}`, async () => {
      const { page, context } = await open(locale, pageUrl, { width, height });
      await paste(page, sample);
      // Nothing is wider than the screen: no sideways scrolling at 360 px.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
      const name = `page-${width}-${locale}.png`;
      await page.screenshot({ path: path.join(shotDir, name), fullPage: true });
      if (process.env.UPDATE_SCREENSHOTS) {
        fs.mkdirSync(path.join(root, 'docs', 'page'), { recursive: true });
        fs.copyFileSync(path.join(shotDir, name), path.join(root, 'docs', 'page', name));
      }
      await context.close();
    });
  }
});
