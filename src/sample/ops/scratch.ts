/**
 * Buffers the sampler reuses across rows and calls (grown on demand, never
 * shrunk), so a decode step allocates nothing per token.
 */
/** Number of value bins of the top-p histogram (see topKTopP.ts). */
export const TOP_P_BINS = 4096;

export class Scratch {
  /** The row being processed (float32 logits). */
  row = new Float32Array(0);
  /** Candidates of the current row in token-id order: ids, values, weights exp(v - max). */
  idx = new Int32Array(0);
  val = new Float32Array(0);
  w = new Float64Array(0);
  /** Work copies for the top-p selection (reordered). */
  wv = new Float32Array(0);
  ww = new Float64Array(0);
  /** Heap / quickselect scratch for top-k and top-n. */
  heap = new Float32Array(0);
  heapIdx = new Int32Array(0);
  /** Penalty scratch: per-token output counts and a seen flag, kept zeroed between uses. */
  counts = new Int32Array(0);
  seen = new Uint8Array(0);
  /** Top-p histogram: per-candidate bin, per-bin mass. */
  bin = new Uint16Array(0);
  binMass = new Float64Array(TOP_P_BINS);
  /** Small integer outputs of kernels. */
  ints = new Int32Array(4);
  /** Philox counter/output block. */
  block = new Uint32Array(4);
  /** Row raw copy for strided/non-float32 inputs. */
  raw = new Float32Array(0);

  ensure(V: number): void {
    if (this.row.length >= V) return;
    this.row = new Float32Array(V);
    this.idx = new Int32Array(V);
    this.val = new Float32Array(V);
    this.w = new Float64Array(V);
    this.wv = new Float32Array(V);
    this.ww = new Float64Array(V);
    this.heap = new Float32Array(V);
    this.heapIdx = new Int32Array(V);
    this.counts = new Int32Array(V);
    this.seen = new Uint8Array(V);
    this.raw = new Float32Array(V);
    this.bin = new Uint16Array(V);
  }
}
