// The npm package (npm/, built by scripts/build-npm) where apps run it besides Node: as an ES
// module in a web page served over HTTP, and in a Chrome extension's service worker (Manifest
// V3), in Debian's headless Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const npm = path.join(root, 'npm');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

before(() => {
  assert.ok(
    fs.existsSync(path.join(npm, 'dist', 'contactguard_wasm_bg.wasm')),
    'npm/dist is missing: run scripts/build-npm first',
  );
});

test('in a web page, as an ES module served over HTTP', async () => {
  const server = await serve(npm);
  const { url } = server;
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${url}/README.md`);
    const got = await page.evaluate(async (base) => {
      const { Checker } = await import(`${base}/index.js`);
      const checker = await Checker.builtin();
      return {
        homoglyph: checker.check('tokenp0cket.pro').status,
        official: checker.check('https://tokenpocket.pro').status,
        scan: checker.scan('TP钱包客服热线：400-123-4567').items.length,
        version: checker.registry.version,
      };
    }, url);
    assert.deepEqual(
      { ...got, version: got.version > 0 },
      { homoglyph: 'impersonation', official: 'official', scan: 1, version: true },
    );
  } finally {
    await browser.close();
    server.stop();
  }
});

test("in a Chrome extension's service worker (Manifest V3)", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contactguard-extension-'));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'contactguard-profile-'));
  try {
    fs.copyFileSync(path.join(npm, 'index.js'), path.join(dir, 'index.js'));
    fs.cpSync(path.join(npm, 'dist'), path.join(dir, 'dist'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'manifest.json'),
      JSON.stringify({
        manifest_version: 3,
        name: 'contactguard test',
        version: '1.0',
        background: { service_worker: 'worker.js', type: 'module' },
        content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
      }),
    );
    fs.writeFileSync(
      path.join(dir, 'worker.js'),
      `import { Checker } from './index.js';
self.answer = Checker.builtin().then((c) => ({
  homoglyph: c.check('tokenp0cket.pro').status,
  phone: c.checkWith('400-123-4567', { brand: 'tokenpocket', region: 'CN' }).findings[0].technique,
}));
`,
    );
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: ['--no-sandbox', `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
    });
    try {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30000 }));
      const got = await worker.evaluate(() => self.answer);
      assert.deepEqual(got, { homoglyph: 'impersonation', phone: 'no_such_channel' });
    } finally {
      await context.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
});
