import type { NDArray } from '../core/StridedArray.js';
import { toNested } from '../core/toNested.js';
import { decodeBfloat16, decodeFloat16 } from '../core/float16.js';
import { saveArray } from '../io/node.js';
import { invalidArgument } from '../errors/messages.js';

/** Where the CLI writes: injectable so tests can run commands in-process. */
export interface CliIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  env: Record<string, string | undefined>;
  cwd: string;
  /** A command may set this to make `run()` return a non-zero exit code without an error message. */
  exitCode?: number;
}

export function formatScalar(v: number | bigint | boolean): string {
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return String(v);
    if (Number.isNaN(v)) return 'nan';
    if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
    return Math.abs(v) >= 1e-4 && Math.abs(v) < 1e6 ? v.toPrecision(6).replace(/\.?0+$/, '') : v.toExponential(4);
  }
  return String(v);
}

function reader(a: NDArray): (o: number) => number | bigint | boolean {
  const d = a.data as unknown as ArrayLike<number | bigint>;
  if (a.dtype === 'float16') return (o) => decodeFloat16(d[o] as number);
  if (a.dtype === 'bfloat16') return (o) => decodeBfloat16(d[o] as number);
  if (a.dtype === 'bool') return (o) => (d[o] as number) !== 0;
  return (o) => d[o]!;
}

/**
 * Renders an array as a plain-text table: a 0-d array as its value, 1-D as
 * `index value` lines, 2-D as rows with a column header, higher ranks as one
 * `[i, j, ...]` line per last-axis vector. `maxRows` rows at most (the rest
 * summarised).
 */
export function formatTable(a: NDArray, maxRows = 1000): string {
  const read = reader(a);
  if (a.ndim === 0) return `${formatScalar(read(a.offset))}\n`;
  const lines: string[] = [];
  if (a.ndim === 1) {
    const n = a.shape[0]!;
    const w = String(Math.max(n - 1, 0)).length;
    lines.push(`${'i'.padStart(w)}  value`);
    for (let i = 0; i < Math.min(n, maxRows); i++) lines.push(`${String(i).padStart(w)}  ${formatScalar(read(a.offset + i * a.strides[0]!))}`);
    if (n > maxRows) lines.push(`… ${n - maxRows} more rows (use -o FILE.npy to get them all)`);
    return `${lines.join('\n')}\n`;
  }
  const rows: string[][] = [];
  const labels: string[] = [];
  const inner = a.shape[a.ndim - 1]!, innerStride = a.strides[a.ndim - 1]!;
  const lead = a.shape.slice(0, -1);
  const total = lead.reduce((p, d) => p * d, 1);
  const idx = new Array<number>(lead.length).fill(0);
  for (let r = 0; r < Math.min(total, maxRows); r++) {
    let base = a.offset;
    for (let k = 0; k < lead.length; k++) base += idx[k]! * a.strides[k]!;
    const row: string[] = [];
    for (let j = 0; j < inner; j++) row.push(formatScalar(read(base + j * innerStride)));
    rows.push(row);
    labels.push(lead.length === 1 ? String(idx[0]) : `[${idx.join(', ')}]`);
    for (let k = lead.length - 1; k >= 0; k--) { idx[k]!++; if (idx[k]! < lead[k]!) break; idx[k] = 0; }
  }
  const lw = Math.max(...labels.map((l) => l.length), 1);
  const widths = Array.from({ length: inner }, (_, j) => Math.max(String(j).length, ...rows.map((r) => r[j]!.length)));
  lines.push(`${' '.repeat(lw)}  ${widths.map((w, j) => String(j).padStart(w)).join('  ')}`);
  rows.forEach((r, i) => lines.push(`${labels[i]!.padStart(lw)}  ${r.map((c, j) => c.padStart(widths[j]!)).join('  ')}`));
  if (total > maxRows) lines.push(`… ${total - maxRows} more rows (use -o FILE.npy to get them all)`);
  return `${lines.join('\n')}\n`;
}

/** Writes `a` to `out` by extension (.npy, .json, .csv, .npz, .safetensors), or prints a table when `out` is absent. */
export function emit(a: NDArray, out: string | undefined, io: CliIO): void {
  if (out === undefined) { io.stdout.write(formatTable(a)); return; }
  if (!/\.(npy|json|csv|npz|safetensors)$/i.test(out)) throw invalidArgument(`-o ${out}: use a .npy or .json file name (or .csv, .npz, .safetensors)`);
  saveArray(out, a);
}

/** `out.npy` → `out.indices.npy` (the companion file topk writes). */
export function withSuffix(out: string, suffix: string): string {
  const m = /^(.*?)(\.[^./\\]+)$/.exec(out);
  return m ? `${m[1]}.${suffix}${m[2]}` : `${out}.${suffix}`;
}

export { toNested };
