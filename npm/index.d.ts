// The API of @contactguard/core. The objects a check or scan answers are the library's JSON
// contract (README, "The verdict as JSON"): their types, in types.d.ts, are generated from the
// Rust types (docs/schema/, scripts/types.mjs).

import type { Kind, ScanReport, Verdict } from './types.js';

export type * from './types.js';

/** `checkWith`'s options. */
export interface CheckOptions {
  kind?: Kind;
  /** A brand id (`tokenpocket`): the brand the contact is presented as. */
  brand?: string;
  /** The region of a number written without `+` (`CN`). */
  region?: string;
  /** The platform of an account (`telegram`, `x`, `wechat` …). */
  platform?: string;
}

/** What an app keeps between runs, as JSON-safe data. */
export interface StoredState {
  bundle: string;
  floor: number;
  rootVersion: number;
  latestKnownTime: number;
}

/** A checker with the state to keep and what the update did. */
export interface WithState {
  checker: Checker;
  stored: StoredState | null;
  outcome: 'updated' | 'unchanged' | null;
}

export class Checker {
  private constructor();
  /** The registry compiled into the package, its signatures verified now. */
  static builtin(): Promise<Checker>;
  /** Accepts a downloaded registry.signed.json through the kept state; rejects a refused file. */
  static loadUpdate(bundle: Uint8Array, stored?: StoredState | null, now?: number): Promise<WithState>;
  /** The newest registry the kept state holds, or the built-in one. */
  static fromStored(stored?: StoredState | null, now?: number): Promise<WithState>;
  check(input: string): Verdict;
  checkWith(input: string, options?: CheckOptions): Verdict;
  scan(text: string): ScanReport;
  readonly registry: { version: number; issuedAt: string; expires: string; brands: number };
  free(): void;
}

/** The signed registry file compiled into the package. */
export function builtinBundle(): Promise<Uint8Array>;
