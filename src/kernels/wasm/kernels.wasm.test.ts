import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KERNELS_SOURCE_SHA256, KERNELS_WASM_BASE64 } from './kernels.wasm.js';

const assemblyDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'assembly');

// Same recipe as sourceHash() in assembly/build.mjs.
function sourceHash(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(assemblyDir).filter((f) => f.endsWith('.ts')).sort()) {
    h.update(f);
    h.update('\0');
    h.update(readFileSync(join(assemblyDir, f), 'utf8').replace(/\r\n/g, '\n'));
    h.update('\0');
  }
  return h.digest('hex');
}

describe('kernels.wasm.ts (generated)', () => {
  it('KERNELS_SOURCE_SHA256 matches assembly/*.ts (run `npm run build:wasm` after editing the kernels)', () => {
    expect(KERNELS_SOURCE_SHA256).toBe(sourceHash());
  });

  it('KERNELS_WASM_BASE64 is a valid WebAssembly SIMD module exporting memory and the kernels', () => {
    const bytes = Uint8Array.from(atob(KERNELS_WASM_BASE64), (c) => c.charCodeAt(0));
    expect(WebAssembly.validate(bytes)).toBe(true);
    const names = WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((e) => e.name);
    for (const n of ['memory', 'heapBase', 'argmaxF32', 'nanargminF64', 'argmaxColsF32', 'expSumF32', 'scanAtLeastF32']) expect(names).toContain(n);
  });
});
