// Softmax-family workloads (issue 3 target: softmax over [8, 131072] float32
// at >= 100 M elements/s, i.e. <= 10.5 ms). The peer is the naive three-pass
// loop with Math.exp a user would write (max, exp + sum, scale).
export const order = 40;
import { randomF32 as uniformF32 } from '../lib/random.mjs';

/** Logit-like data: uniforms in [-10, 10). */
const randomF32 = (n, seed = 1) => uniformF32(n, seed, 10);

const ROWS = 8, COLS = 131072;

function naiveSoftmax(d) {
  const out = new Float32Array(d.length);
  for (let r = 0; r < ROWS; r++) {
    const off = r * COLS;
    let m = -Infinity;
    for (let j = 0; j < COLS; j++) if (d[off + j] > m) m = d[off + j];
    let s = 0;
    for (let j = 0; j < COLS; j++) { const e = Math.exp(d[off + j] - m); out[off + j] = e; s += e; }
    for (let j = 0; j < COLS; j++) out[off + j] /= s;
  }
  return out;
}

const SR = 10000, SC = 10;
function naiveSmallRows(d) {
  const out = new Float32Array(d.length);
  for (let r = 0; r < SR; r++) {
    const off = r * SC;
    let m = -Infinity;
    for (let j = 0; j < SC; j++) if (d[off + j] > m) m = d[off + j];
    let s = 0;
    for (let j = 0; j < SC; j++) { const e = Math.exp(d[off + j] - m); out[off + j] = e; s += e; }
    for (let j = 0; j < SC; j++) out[off + j] /= s;
  }
  return out;
}

export async function workloads(lib) {
  const data = randomF32(ROWS * COLS, 3);
  const x = lib.ndarray(data, { shape: [ROWS, COLS] });
  const xt = lib.ndarray(randomF32(ROWS * COLS, 4), { shape: [COLS, ROWS] });
  const n = ROWS * COLS;
  const smallData = randomF32(SR * SC, 5);
  const small = lib.ndarray(smallData, { shape: [SR, SC] });
  // a real program calls softmax on several dtypes: make the shared row kernels see them
  lib.softmax(new Float64Array(40)); lib.softmax([1, 2, 3]); lib.logsumexp(new Int32Array(8)); lib.softmax(new Uint8Array(4));
  return [
    {
      group: 'prob', name: 'softmax [8, 131072] f32', bytes: n * 8,
      run: () => lib.softmax(x),
      peers: { 'naive Math.exp loop': () => naiveSoftmax(data) },
      note: 'target >= 100 M elements/s (<= 10.5 ms); both sides allocate the 4 MB output',
    },
    {
      group: 'prob', name: 'softmax [10000, 10] f32 (short rows)', bytes: SR * SC * 8,
      run: () => lib.softmax(small),
      peers: { 'naive Math.exp loop': () => naiveSmallRows(smallData) },
      note: 'per-row overhead (predict-style class rows); float64 and int inputs were seen first',
    },
    { group: 'prob', name: 'softmax [8, 131072] f32 T=0.7', bytes: n * 8, run: () => lib.softmax(x, { temperature: 0.7 }) },
    { group: 'prob', name: 'logSoftmax [8, 131072] f32', bytes: n * 8, run: () => lib.logSoftmax(x) },
    { group: 'prob', name: 'logsumexp [8, 131072] f32', bytes: n * 4, run: () => lib.logsumexp(x) },
    { group: 'prob', name: 'softmax [131072, 8] f32 axis 0 (strided)', bytes: n * 8, run: () => lib.softmax(xt, { axis: 0 }) },
  ];
}
