// Arg-reduction workloads (issue 2 targets): float32 argmax over a contiguous
// 1-D array (128k, 16M), per-row over [64, 131072] (axis -1) and per-column
// over [4096, 4096] (axis 0, walked row by row). Each has a naive single-loop
// baseline as a peer and the JS reference kernels as a second peer; `bytes`
// makes the table print GB/s.
export const order = 10;

import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { randomF32 } from '../lib/random.mjs';

// The JS reference kernels, measured in the same run as the default dispatch
// (which uses the WASM SIMD kernels where the engine has them): the peer
// 'js-kernels' switches the provider off for the duration of one call.
const dispatch = await import(pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'reduce', 'dispatch.js')).href);
function jsOnly(fn) {
  return () => {
    dispatch.setArgKernelProvider(null);
    try { return fn(); } finally { dispatch.resetArgKernels(); }
  };
}


// The naive loop a user would write (first NaN wins, first max wins).
function naiveArgmax(d, off, len) {
  let best = d[off], k = 0;
  if (best !== best) return 0;
  for (let j = 1; j < len; j++) {
    const v = d[off + j];
    if (v > best) { best = v; k = j; } else if (v !== v) return j;
  }
  return k;
}

function naiveRows(d, rows, cols) {
  const out = new Int32Array(rows);
  for (let r = 0; r < rows; r++) out[r] = naiveArgmax(d, r * cols, cols);
  return out;
}

// Column-wise naive: one strided walk per column (what an unravel-free but
// layout-unaware loop does).
function naiveCols(d, rows, cols) {
  const out = new Int32Array(cols);
  for (let c = 0; c < cols; c++) {
    let best = d[c], k = 0;
    for (let r = 1; r < rows; r++) {
      const v = d[r * cols + c];
      if (v > best) { best = v; k = r; }
    }
    out[c] = k;
  }
  return out;
}

export async function workloads(lib) {
  const { argmax, ndarray } = lib;
  const { transpose } = await import(pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'core', 'views.js')).href);
  const a128k = randomF32(1 << 17, 1);
  const a16m = randomF32(1 << 24, 2);
  const rows = randomF32(64 * 131072, 3);
  const sq = randomF32(4096 * 4096, 4);
  const x128k = ndarray(a128k);
  const x16m = ndarray(a16m);
  const xRows = ndarray(rows, { shape: [64, 131072] });
  const xSq = ndarray(sq, { shape: [4096, 4096] });
  const xSqT = transpose(xSq); // F-order view: its last axis is memory axis 0
  const cls = randomF32(65536 * 10, 5); // classification logits: many short rows
  const xCls = ndarray(cls, { shape: [65536, 10] });
  return [
    { group: 'reduce', name: 'argmax f32 1-D 128k', bytes: a128k.byteLength, run: () => argmax(x128k), peers: { 'js-kernels': jsOnly(() => argmax(x128k)), naive: () => naiveArgmax(a128k, 0, a128k.length) } },
    { group: 'reduce', name: 'argmax f32 1-D 16M', bytes: a16m.byteLength, run: () => argmax(x16m), peers: { 'js-kernels': jsOnly(() => argmax(x16m)), naive: () => naiveArgmax(a16m, 0, a16m.length) } },
    { group: 'reduce', name: 'argmax f32 [64,131072] axis -1', bytes: rows.byteLength, run: () => argmax(xRows, { axis: -1 }), peers: { 'js-kernels': jsOnly(() => argmax(xRows, { axis: -1 })), naive: () => naiveRows(rows, 64, 131072) } },
    { group: 'reduce', name: 'argmax f32 [65536,10] axis -1', bytes: cls.byteLength, run: () => argmax(xCls, { axis: -1 }), peers: { 'js-kernels': jsOnly(() => argmax(xCls, { axis: -1 })), naive: () => naiveRows(cls, 65536, 10) } },
    { group: 'reduce', name: 'argmax f32 transposed [4096,4096] axis -1', bytes: sq.byteLength, run: () => argmax(xSqT, { axis: -1 }), peers: { 'js-kernels': jsOnly(() => argmax(xSqT, { axis: -1 })), naive: () => naiveCols(sq, 4096, 4096) } },
    { group: 'reduce', name: 'argmax f32 [4096,4096] axis 0', bytes: sq.byteLength, run: () => argmax(xSq, { axis: 0 }), peers: { 'js-kernels': jsOnly(() => argmax(xSq, { axis: 0 })), naive: () => naiveCols(sq, 4096, 4096) } },
  ];
}
