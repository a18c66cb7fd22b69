// Compiled (not run) by test/schema.test.mjs with `tsc --noEmit --strict`: the types describe
// the API as an app uses it.
import { Checker, builtinBundle, type Verdict, type ScanReport, type Detail } from '../index.js';

async function main(): Promise<void> {
  const checker = await Checker.builtin();
  const v: Verdict = checker.check('tokenp0cket.pro');
  const status: 'official' | 'impersonation' | 'unknown' | 'invalid' = v.status;
  const first: Detail | undefined = v.findings[0]?.detail;
  const brand: string | undefined = v.brand?.id;
  const r: ScanReport = checker.scan('TP钱包客服 400-123-4567');
  const spans: number[] = r.items.map((i) => i.span.end - i.span.start);
  const w = checker.checkWith('tokenpocket_en', { platform: 'telegram', kind: 'handle' });
  const update = await Checker.loadUpdate(await builtinBundle(), null, Date.now());
  const version: number = update.checker.registry.version;
  console.log(status, first, brand, spans, w.status, version, update.stored?.floor);
}

void main();
