// Test helpers shared by the io tests. Named *.spec.ts so the build (tsconfig.build.json) leaves it out of dist;
// vitest only runs *.test.ts, so it is not a test file itself.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LogitkitError } from '../errors/LogitkitError.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures', 'io');
export const fixture = (name: string): Uint8Array => readFileSync(join(FIXTURES, name));
export const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as Record<string, Record<string, unknown>>;

/** Decodes the manifest's 'nan'/'inf'/'-inf' strings back to numbers. */
export function dec(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dec);
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  return v;
}

/** Runs `fn` and returns the LogitkitError it throws (fails the test otherwise). */
export function errorOf(fn: () => unknown): LogitkitError {
  try { fn(); } catch (e) {
    if (e instanceof LogitkitError) return e;
    throw new Error(`expected a LogitkitError, got ${String(e)}`);
  }
  throw new Error('expected a LogitkitError, nothing was thrown');
}
