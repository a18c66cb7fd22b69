// Size, start-up and per-check time of @contactguard/core beside eth-phishing-detect (MetaMask's
// domain detector), in one run of one Node process, on the same domains: the legitimate crypto
// domains and dnstwist's permutations of tokenpocket.pro in shared/corpora. Not a test: run it
// with scripts/bench-npm, which installs the peer into target/bench-npm.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const root = path.resolve(import.meta.dirname, '..', '..');
const corpora = process.env.CORPORA ?? path.resolve(root, '..', 'shared', 'corpora');
const peerDir = path.join(root, 'target', 'bench-npm', 'node_modules', 'eth-phishing-detect');

const domains = [
  ...fs.readFileSync(path.join(corpora, 'wallet-allowlist.txt'), 'utf8').split('\n'),
  ...fs
    .readFileSync(path.join(corpora, 'dnstwist-tokenpocket.pro.txt'), 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t')[1]),
]
  .map((d) => (d ?? '').trim())
  .filter(Boolean);

const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const dirBytes = (dir) =>
  fs.readdirSync(dir, { recursive: true }).reduce((n, f) => {
    const p = path.join(dir, String(f));
    return fs.statSync(p).isFile() ? n + fs.statSync(p).size : n;
  }, 0);

let t = performance.now();
const { Checker } = await import('../index.js');
const checker = await Checker.builtin();
const oursStart = performance.now() - t;

t = performance.now();
const require = createRequire(import.meta.url);
const checkForPhishing = require(peerDir);
const peerStart = performance.now() - t;

function perCheck(fn) {
  const rounds = [];
  for (let r = 0; r < 5; r++) {
    const start = performance.now();
    for (const d of domains) fn(d);
    rounds.push(((performance.now() - start) * 1000) / domains.length);
  }
  rounds.sort((a, b) => a - b);
  return rounds[2];
}
const ours = perCheck((d) => checker.check(d));
const peer = perCheck((d) => checkForPhishing(d));
const flagged = (fn) => domains.filter(fn).length;
const oursFlagged = flagged((d) => checker.check(d).status === 'impersonation');
const peerFlagged = flagged((d) => checkForPhishing(d));

const wasm = path.join(root, 'npm', 'dist', 'contactguard_wasm_bg.wasm');
const peerConfig = path.join(peerDir, 'src', 'config.json');
console.log(`| | @contactguard/core | eth-phishing-detect ${require(path.join(peerDir, 'package.json')).version} |`);
console.log('|---|---|---|');
console.log(`| installed size | ${dirBytes(path.join(root, 'npm', 'dist')).toLocaleString('en')} B (WebAssembly ${fs.statSync(wasm).size.toLocaleString('en')} B, gzip ${gz(wasm).toLocaleString('en')} B) | ${dirBytes(peerDir).toLocaleString('en')} B (list ${fs.statSync(peerConfig).size.toLocaleString('en')} B, gzip ${gz(peerConfig).toLocaleString('en')} B) |`);
console.log(`| start-up (load, verify, index) | ${oursStart.toFixed(1)} ms | ${peerStart.toFixed(1)} ms |`);
console.log(`| per check, median of 5 rounds over ${domains.length.toLocaleString('en')} domains | ${ours.toFixed(2)} µs | ${peer.toFixed(2)} µs |`);
console.log(`| ratio (ours / peer) | ${(ours / peer).toFixed(2)} | 1 |`);
console.log(`| flagged (impersonation / phishing) | ${oursFlagged} | ${peerFlagged} |`);
