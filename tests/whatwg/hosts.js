#!/usr/bin/env node
// The WHATWG reference for tests/data/adversarial.tsv: for every row with a host column, the host
// a browser opens, from Node's built-in `URL` (an implementation of https://url.spec.whatwg.org/).
// A scheme-less input is read as "http://" + input, as an address bar does. Prints one line per
// such row: `<line number>\t<host or REFUSED>`. Run by tests/adversarial.rs; by hand:
//   node tests/whatwg/hosts.js < tests/data/adversarial.tsv
'use strict';

/** The table's escapes: \u{XXXX}, \\, \t, \n, \r. */
function unescape(s) {
  return s.replace(/\\(u\{([0-9A-Fa-f]{1,6})\}|\\|t|n|r)/g, (all, what, hex) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { '\\': '\\', t: '\t', n: '\n', r: '\r' }[what];
  });
}

/**
 * Whether an address bar takes `text` as starting with a scheme: a web scheme and ':'
 * (`https:evil.com`), another scheme followed by '/' or '\\', or a known non-web scheme.
 * Otherwise it is a host, maybe with a port (`example.com:443`), and "http://" goes in front.
 */
function hasScheme(text) {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):(.?)/.exec(text);
  if (!m) return false;
  const scheme = m[1].toLowerCase();
  const web = ['http', 'https', 'ws', 'wss', 'ftp'].includes(scheme);
  const opaque = ['mailto', 'tel', 'sms', 'javascript', 'data', 'tg', 'weixin', 'file'].includes(scheme);
  return web || opaque || m[2] === '/' || m[2] === '\\';
}

/** The host a browser opens for `input`, or REFUSED. */
function host(input) {
  const text = input.trim();
  try {
    return new URL(hasScheme(text) ? text : 'http://' + text).hostname || 'REFUSED';
  } catch (e) {
    return 'REFUSED';
  }
}

const lines = require('fs').readFileSync(0, 'utf8').split('\n');
let header = true;
lines.forEach((line, i) => {
  if (!line || line.startsWith('#')) return;
  if (header) { header = false; return; }
  const cols = line.split('\t');
  if (cols[4] === '-') return;
  process.stdout.write(`${i + 1}\t${host(unescape(cols[0]))}\n`);
});
