// @contactguard/core: the contactguard library (Rust, compiled to WebAssembly) for Node (>= 20),
// browsers and extension service workers. Every answer is the library's JSON contract, parsed:
// the same objects `contactguard check --format json` and `scan --format json` print.
import init, { initSync, Checker as Raw, builtinBundle as rawBuiltinBundle } from './dist/contactguard_wasm.js';

let loading = null;

/** Compiles the WebAssembly module once (Node reads the file; browsers fetch it). */
function load() {
  loading ??= (async () => {
    const url = new URL('./dist/contactguard_wasm_bg.wasm', import.meta.url);
    if (url.protocol === 'file:' && typeof process !== 'undefined' && process.versions?.node) {
      const { readFile } = await import('node:fs/promises');
      initSync({ module: await readFile(url) });
    } else {
      await init({ module_or_path: url });
    }
  })();
  return loading;
}

/** The JSON text of what the app kept, or undefined when it kept nothing. */
function storedArg(stored) {
  return stored == null ? undefined : JSON.stringify(stored);
}

/** What `loadUpdate` and `fromStored` give: the checker, the state to keep, what happened. */
function withState(raw) {
  const stored = raw.stored();
  return {
    checker: new Checker(raw),
    stored: stored == null ? null : JSON.parse(stored),
    outcome: raw.outcome() ?? null,
  };
}

export class Checker {
  #raw;

  /** @private Use `Checker.builtin()`, `Checker.loadUpdate()` or `Checker.fromStored()`. */
  constructor(raw) {
    this.#raw = raw;
  }

  /** A checker over the registry compiled into the package, its signatures verified now. */
  static async builtin() {
    await load();
    return new Checker(Raw.builtin());
  }

  /**
   * Accepts a signed registry file the app downloaded (`bundle`: the bytes of
   * registry.signed.json) through the state kept from the last call (`stored`, or null the
   * first time). Throws when the file is older than what the state trusts, badly signed,
   * expired or issued after `now`; keep the checker you have then.
   */
  static async loadUpdate(bundle, stored = null, now = Date.now()) {
    await load();
    return withState(Raw.loadUpdate(bundle, storedArg(stored), now));
  }

  /** The newest registry the kept state holds (verified again), or the built-in one. */
  static async fromStored(stored = null, now = Date.now()) {
    await load();
    return withState(Raw.fromStored(storedArg(stored), now));
  }

  /** The verdict on one contact: a link, domain, phone number, account or e-mail address. */
  check(input) {
    return JSON.parse(this.#raw.check(String(input)));
  }

  /** The verdict with options: `{kind, brand, region, platform}`, each optional. */
  checkWith(input, options = {}) {
    return JSON.parse(this.#raw.checkWith(String(input), JSON.stringify(options)));
  }

  /** Every contact in a message or page, with byte spans of its UTF-8. */
  scan(text) {
    return JSON.parse(this.#raw.scan(String(text)));
  }

  /** Which registry answers: `{version, issuedAt, expires, brands}`. */
  get registry() {
    return JSON.parse(this.#raw.registry());
  }

  /** Frees the WebAssembly memory now (otherwise the garbage collector does it). */
  free() {
    this.#raw.free();
  }
}

/** The signed registry file compiled into the package (bytes). */
export async function builtinBundle() {
  await load();
  return rawBuiltinBundle();
}
