// The Rust tests' vector tables (tests/data/{domains,phones,handles,emails}.tsv), read here as
// they are, not copied: every case must get the same verdict from the npm package as from the
// library (tests/vectors.rs holds the same rules).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Checker } from '../index.js';

const data = path.resolve(import.meta.dirname, '..', '..', 'tests', 'data');
const checker = await Checker.builtin();

/** The bytes a table's escaped text stands for (tests/escapes/mod.rs), as a string. */
function unescape(text) {
  const bytes = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c !== '\\') {
      const cp = text.codePointAt(i);
      bytes.push(...encoder.encode(String.fromCodePoint(cp)));
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const e = text[i + 1];
    i += 2;
    const simple = { '\\': 0x5c, '"': 0x22, n: 0x0a, r: 0x0d, t: 0x09, 0: 0x00 };
    if (e in simple) {
      bytes.push(simple[e]);
    } else if (e === 'x') {
      bytes.push(parseInt(text.slice(i, i + 2), 16));
      i += 2;
    } else if (e === 'u') {
      const end = text.indexOf('}', i);
      bytes.push(...encoder.encode(String.fromCodePoint(parseInt(text.slice(i + 1, end), 16))));
      i = end + 1;
    } else {
      throw new Error(`unknown escape \\${e} in ${text}`);
    }
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
}

/** `kind=… brand=… region=… platform=…` as checkWith's options. */
function options(column) {
  const o = {};
  for (const pair of (column ?? '-').split(/\s+/).filter((p) => p && p !== '-')) {
    const [k, v] = pair.split('=');
    o[k] = v;
  }
  return o;
}

/** Why a verdict does not match a case, or null (tests/vectors.rs `mismatch`). */
function mismatch(c, v) {
  if (v.status !== c.status) return `status ${v.status} (expected ${c.status})`;
  const findings = v.findings ?? [];
  if (c.technique !== '-') {
    const found = findings.some(
      (f) => f.technique === c.technique && (c.target === '-' || f.target?.value === c.target),
    );
    if (!found) return `no ${c.technique} finding targeting ${c.target}`;
  } else if (c.status === 'unknown') {
    const aimed = findings.find((f) => f.target);
    if (aimed) return `${aimed.technique} finding aimed at a brand`;
  }
  if (c.status === 'official' && c.target !== '-' && findings[0]?.target?.value !== c.target) {
    return `official for ${JSON.stringify(findings[0]?.target)}`;
  }
  return null;
}

for (const file of ['domains.tsv', 'phones.tsv', 'handles.tsv', 'emails.tsv']) {
  test(`${file}: the same verdicts as the Rust library`, () => {
    const lines = fs.readFileSync(path.join(data, file), 'utf8').split('\n');
    const failures = [];
    let count = 0;
    lines.forEach((line, i) => {
      if (line.startsWith('#') || !line.trim()) return;
      const cols = line.split('\t');
      const c = { input: unescape(cols[0]), status: cols[1], technique: cols[2], target: cols[3] };
      const v = checker.checkWith(c.input, options(cols[4]));
      count++;
      const why = mismatch(c, v);
      if (why) failures.push(`${file}:${i + 1} ${JSON.stringify(c.input)}: ${why}`);
    });
    assert.ok(count > 50, `${file}: ${count} cases`);
    assert.deepEqual(failures, [], `${failures.length} of ${count} cases failed`);
  });
}
