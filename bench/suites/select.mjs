// Selection workloads (issue 3 targets): topk k=50 over [8, 131072] float32
// (target: >= 10x faster than sorting the rows), argsort and argpartition of
// the same rows. Peers are the full sorts a user would otherwise write: the
// native Float32Array sort of each row (values only, no indices) and an index
// sort with a comparator (values and indices).
export const order = 30;
import { randomF32 } from '../lib/random.mjs';


const ROWS = 8, COLS = 131072, K = 50;

// Full sort of each row's values (native, C++), then the top k values: no indices.
function nativeSortRows(d) {
  const out = new Float32Array(ROWS * K);
  for (let r = 0; r < ROWS; r++) {
    const row = d.slice(r * COLS, (r + 1) * COLS).sort();
    for (let j = 0; j < K; j++) out[r * K + j] = row[COLS - 1 - j];
  }
  return out;
}

// Full index sort with a comparator (what gives indices): descending, lower index first.
function indexSortRows(d) {
  const out = new Int32Array(ROWS * K);
  const idx = new Int32Array(COLS);
  for (let r = 0; r < ROWS; r++) {
    const off = r * COLS;
    for (let j = 0; j < COLS; j++) idx[j] = j;
    idx.sort((a, b) => d[off + b] - d[off + a] || a - b);
    out.set(idx.subarray(0, K), r * K);
  }
  return out;
}

export async function workloads(lib) {
  const data = randomF32(ROWS * COLS, 7);
  const x = lib.ndarray(data, { shape: [ROWS, COLS] });
  const sortedRows = lib.ndarray(Float32Array.from({ length: ROWS * COLS }, (_, i) => i % COLS), { shape: [ROWS, COLS] });
  const bytes = ROWS * COLS * 4;
  return [
    {
      group: 'select', name: 'topk k=50 [8, 131072] f32', bytes,
      run: () => lib.topk(x, K),
      peers: { 'native sort': () => nativeSortRows(data), 'index sort': () => indexSortRows(data) },
      note: 'target >= 10x vs native sort',
    },
    {
      group: 'select', name: 'topk k=50 [8, 131072] f32 ascending rows', bytes,
      run: () => lib.topk(sortedRows, K),
      note: 'adversarial order for the JS heap (budget exceeded, introselect); the WASM float32 path samples its pivot, so order does not matter',
    },
    {
      group: 'select', name: 'topk k=2000 [8, 131072] f32', bytes,
      run: () => lib.topk(x, 2000),
      peers: { 'native sort': () => nativeSortRows(data) },
    },
    {
      group: 'select', name: 'argpartition kth=65536 [8, 131072] f32', bytes,
      run: () => lib.argpartition(x, 65536),
      peers: { 'native sort': () => nativeSortRows(data) },
    },
    {
      group: 'select', name: 'argsort [8, 131072] f32', bytes,
      run: () => lib.argsort(x),
      peers: { 'index sort': () => indexSortRows(data) },
    },
  ];
}
