// The package's API: the JSON contract, options, scans, registry updates through the state an
// app keeps, and clear errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Checker, builtinBundle } from '../index.js';

const checker = await Checker.builtin();

test('check answers with the JSON contract', () => {
  const v = checker.check('tokenp0cket.pro');
  assert.equal(v.status, 'impersonation');
  assert.equal(v.kind, 'domain');
  assert.equal(v.brand.id, 'tokenpocket');
  assert.equal(v.findings[0].technique, 'homoglyph');
  assert.ok(v.official_channels.some((c) => c.value === 'tokenpocket.pro'));
  assert.equal(checker.check('tokenpocket.pro').status, 'official');
  assert.equal(checker.check('example.org').status, 'unknown');
});

test('checkWith takes kind, brand, region and platform, and says what is wrong', () => {
  const v = checker.checkWith('400-123-4567', { brand: 'tokenpocket', region: 'CN' });
  assert.equal(v.status, 'impersonation');
  assert.equal(v.findings[0].technique, 'no_such_channel');
  assert.equal(checker.checkWith('tokenpocket_en', { platform: 'telegram' }).status, 'official');
  assert.throws(() => checker.checkWith('x', { kind: 'fax' }), /kind/);
  assert.throws(() => checker.checkWith('x', { platform: 'myspace' }), /no platform 'myspace'/);
  assert.throws(() => checker.checkWith('x', { colour: 'red' }), /unknown field/);
});

test('scan finds every contact with its byte span', () => {
  const text = 'TP钱包官方客服热线：400-123-4567，官网 tokenp0cket.pro';
  const r = checker.scan(text);
  assert.equal(r.status, 'impersonation');
  const bytes = new TextEncoder().encode(text);
  const spans = r.items.map((i) => new TextDecoder().decode(bytes.slice(i.span.start, i.span.end)));
  assert.deepEqual(spans, ['400-123-4567', 'tokenp0cket.pro']);
});

test('updates go through the state the app keeps', async () => {
  const now = Date.parse('2026-12-07T00:00:00Z');
  const builtin = checker.registry;
  const first = await Checker.loadUpdate(await builtinBundle(), null, now);
  assert.equal(first.outcome, 'updated');
  assert.equal(first.checker.registry.version, builtin.version);
  assert.equal(typeof first.stored.bundle, 'string');
  assert.equal(first.stored.floor, builtin.version);
  // The same file again changes nothing; the state survives a JSON round trip.
  const kept = JSON.parse(JSON.stringify(first.stored));
  const again = await Checker.loadUpdate(await builtinBundle(), kept, now);
  assert.equal(again.outcome, 'unchanged');
  const started = await Checker.fromStored(kept, now);
  assert.equal(started.checker.registry.version, builtin.version);
  assert.equal(started.checker.check('tokenpocket.pro').status, 'official');
  // A tampered file is refused, with the reason.
  const tampered = await builtinBundle();
  tampered[tampered.length >> 1] ^= 1;
  await assert.rejects(Checker.loadUpdate(tampered, kept, now), /refused/);
  // A state that is not one loadUpdate gave is refused with what to do.
  await assert.rejects(Checker.fromStored({ nonsense: true }, now), /pass null/);
  // The clock is the caller's: a file issued after `now` is refused.
  await assert.rejects(Checker.loadUpdate(await builtinBundle(), null, Date.parse('2020-01-01T00:00:00Z')), /refused/);
});

test('registry names the version, issue day, expiry and brand count', () => {
  const r = checker.registry;
  assert.ok(r.version >= 1);
  assert.match(r.issuedAt, /^\d{4}-\d{2}-\d{2}T/);
  assert.match(r.expires, /^\d{4}-\d{2}-\d{2}T/);
  assert.ok(r.brands >= 30);
});
