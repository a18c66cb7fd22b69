// The answers and their types: every verdict on the vector tables and every scan of the scan
// corpus validates against the JSON Schemas the Rust types give (docs/schema/); types.d.ts is
// what those schemas give; and the types compile against an app's use of the API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import Ajv2020 from 'ajv/dist/2020.js';
import { Checker } from '../index.js';
import { generate } from '../scripts/types.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const schema = (name) => JSON.parse(fs.readFileSync(path.join(root, 'docs', 'schema', name), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validVerdict = ajv.compile(schema('verdict.schema.json'));
const validScan = ajv.compile(schema('scan-report.schema.json'));
const checker = await Checker.builtin();

test('every verdict on the vector tables fits the verdict schema', () => {
  const wrong = [];
  let count = 0;
  for (const file of ['domains.tsv', 'phones.tsv', 'handles.tsv', 'emails.tsv', 'adversarial.tsv']) {
    for (const line of fs.readFileSync(path.join(root, 'tests', 'data', file), 'utf8').split('\n')) {
      if (line.startsWith('#') || !line.trim()) continue;
      const input = line.split('\t')[0].replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, h) => String.fromCodePoint(parseInt(h, 16)));
      const v = checker.check(input);
      count++;
      if (!validVerdict(v)) wrong.push(`${file} ${JSON.stringify(input)}: ${ajv.errorsText(validVerdict.errors)}`);
    }
  }
  assert.ok(count > 500, `${count} verdicts`);
  assert.deepEqual(wrong.slice(0, 10), []);
});

test('every scan of the scan corpus fits the scan-report schema', () => {
  const dir = path.join(root, 'tests', 'data', 'scan');
  const files = fs.readdirSync(dir).filter((f) => /\.(txt|html)$/.test(f));
  assert.ok(files.length > 50);
  for (const f of files) {
    const r = checker.scan(fs.readFileSync(path.join(dir, f), 'utf8'));
    assert.ok(validScan(r), `${f}: ${ajv.errorsText(validScan.errors)}`);
  }
  // The schema is not a rubber stamp: a wrong status is refused.
  assert.equal(validScan({ ...checker.scan('tokenp0cket.pro'), status: 'safe' }), false);
});

test('types.d.ts is what the schemas give', async () => {
  const committed = fs.readFileSync(path.join(import.meta.dirname, '..', 'types.d.ts'), 'utf8');
  assert.ok(committed === (await generate()), 'run: node scripts/types.mjs');
});

test('the types compile against an app using the API (tsc --strict)', () => {
  const require = createRequire(import.meta.url);
  const tsc = require.resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext',
    '--moduleResolution', 'nodenext', '--skipLibCheck', 'false', path.join(import.meta.dirname, 'usage.ts')], {
    stdio: 'pipe',
  });
});
