#!/usr/bin/env node
// Run MetaMask's eth-phishing-detect on domains read from stdin, one per line.
//
// Writes `domain<TAB>result` per input line, in input order, where result is
//   blocked:blocklist   on the bundled blocklist (or a subdomain of an entry)
//   blocked:fuzzy       within the config's Levenshtein tolerance of a fuzzylist entry
//   allowed:allowlist   on the bundled allowlist (or a subdomain of an entry)
//   allowed:all         matched nothing
//   skipped:empty       empty input line (the detector is not called)
// With --match, a third column names the fuzzylist entry that matched (or `-`).
//
// The detector is built exactly as the package's own entry point (src/index.js) builds the
// one behind `checkForPhishing(domain)`: `new PhishingDetector(require('./config.json'))`,
// i.e. the bundled legacy config. We call `detector.check()` instead of the default export
// because the export returns only the boolean, not the type. The legacy type names
// (whitelist/blacklist) are reported with their current names (allowlist/blocklist).
// --self-check also calls the default export on every domain and fails on any difference.
//
// Counts and timings go to stderr, as one `key=value` line prefixed `detect.js:`:
//   boot_ms     process start -> first line of this script (node's own start-up)
//   load_ms     requiring the package and building the detector (config parse + lists)
//   check_ms    reading, checking and writing all domains
//   total_ms    process start -> end of output

'use strict';

const { performance } = require('perf_hooks');
const bootMs = performance.now(); // ms since the process' time origin

const args = process.argv.slice(2);
const withMatch = args.includes('--match');
const selfCheck = args.includes('--self-check');
for (const a of args) {
  if (!['--match', '--self-check'].includes(a)) {
    process.stderr.write(`usage: detect.js [--match] [--self-check] < domains.txt\n`);
    process.exit(2);
  }
}

const t0 = performance.now();
const PhishingDetector = require('eth-phishing-detect/src/detector');
const config = require('eth-phishing-detect/src/config.json');
const detector = new PhishingDetector(config);
const checkForPhishing = selfCheck ? require('eth-phishing-detect') : null;
const pkgVersion = require('eth-phishing-detect/package.json').version;
const loadMs = performance.now() - t0;

const TYPE_NAMES = { whitelist: 'allowlist', blacklist: 'blocklist' };
const counts = Object.create(null);
let lines = 0;
let mismatches = 0;

const CHUNK = 4096; // lines per write
let buf = [];

function flush(done) {
  if (buf.length === 0) {
    if (done) done();
    return;
  }
  const s = buf.join('');
  buf = [];
  if (!process.stdout.write(s) && !done) {
    input.pause();
    process.stdout.once('drain', () => input.resume());
  } else if (done) {
    done();
  }
}

function handle(line) {
  const domain = line.trim();
  lines++;
  let result;
  let match = '-';
  if (domain === '') {
    result = 'skipped:empty';
  } else {
    const r = detector.check(domain);
    const type = TYPE_NAMES[r.type] || r.type;
    result = (r.result ? 'blocked:' : 'allowed:') + type;
    if (r.match) match = r.match;
    if (selfCheck && checkForPhishing(domain) !== r.result) {
      mismatches++;
      process.stderr.write(`detect.js: self-check mismatch on ${domain}\n`);
    }
  }
  counts[result] = (counts[result] || 0) + 1;
  buf.push(withMatch ? `${domain}\t${result}\t${match}\n` : `${domain}\t${result}\n`);
  if (buf.length >= CHUNK) flush();
}

// Stream stdin line by line; only one chunk of output is held in memory.
const input = process.stdin;
input.setEncoding('utf8');
let rest = '';
const t1 = performance.now();
input.on('data', (chunk) => {
  const parts = (rest + chunk).split('\n');
  rest = parts.pop();
  for (const p of parts) handle(p);
});
input.on('end', () => {
  if (rest !== '') handle(rest);
  flush(() => {
    const end = performance.now();
    const kv = [
      `version=${pkgVersion}`,
      `node=${process.version}`,
      `domains=${lines}`,
      ...Object.keys(counts).sort().map((k) => `${k}=${counts[k]}`),
      `boot_ms=${bootMs.toFixed(1)}`,
      `load_ms=${loadMs.toFixed(1)}`,
      `check_ms=${(end - t1).toFixed(1)}`,
      `total_ms=${end.toFixed(1)}`,
    ];
    if (selfCheck) kv.push(`self_check_mismatches=${mismatches}`);
    process.stderr.write(`detect.js: ${kv.join(' ')}\n`);
    if (mismatches) process.exitCode = 1;
  });
});
