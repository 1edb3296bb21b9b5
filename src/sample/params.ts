import { toNDArray } from '../core/ndarray.js';
import { numericStorage } from '../core/values.js';
import { isCContiguous } from '../core/StridedArray.js';
import { describe, invalidArgument, shapeMismatch } from '../errors/messages.js';
import type { SampleRequest, SamplingParams } from './types.js';

/**
 * A validated, normalised request: what the ops read. Built once per row per
 * call (no per-token objects). Token lists are plain integer arrays or typed
 * arrays already checked to lie in [0, V).
 */
export interface RowPlan {
  temperature: number;
  /** 0 = off, else 1 <= topK < V. */
  topK: number;
  /** 1 = off. */
  topP: number;
  /** 0 = off. */
  minP: number;
  seeded: boolean;
  /** The seed split into two uint32 key words (Philox key). */
  seedLo: number;
  seedHi: number;
  /** The length of outputTokenIds. */
  step: number;
  logprobs: number;
  presencePenalty: number;
  frequencyPenalty: number;
  repetitionPenalty: number;
  biasIds: Int32Array | null;
  biasValues: Float64Array | null;
  allowed: ArrayLike<number> | null;
  bad: ArrayLike<number> | null;
  badWords: ArrayLike<number>[] | null;
  minTokens: number;
  stop: ArrayLike<number> | null;
  prompt: ArrayLike<number> | null;
  output: ArrayLike<number> | null;
  /** True when any of steps 2-3 can change a logit (so the row must be copied first). */
  sparse: boolean;
  /** True when step 3 has work. */
  penalties: boolean;
}

const TWO32 = 2 ** 32;

function fail(where: string, field: string, expected: string, got: unknown): never {
  throw invalidArgument(`${field} of ${where} must be ${expected}, got ${describe(got)}`);
}

function finiteIn(v: unknown, where: string, field: string, lo: number, hi: number, dflt: number, expected: string): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) fail(where, field, expected, v);
  return v;
}

function intField(v: unknown, where: string, field: string, lo: number, hi: number, dflt: number, expected: string): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) fail(where, field, expected, v);
  return v;
}

/** Checks a list of token ids (an array, a TypedArray or any ArrayInput) and returns it as numbers. */
export function tokenList(v: unknown, where: string, field: string, V: number): ArrayLike<number> {
  let list: ArrayLike<number>;
  if (Array.isArray(v)) {
    list = v as number[];
  } else if (ArrayBuffer.isView(v) && !(v instanceof DataView) && !(v instanceof BigInt64Array) && !(v instanceof BigUint64Array)) {
    list = v as unknown as ArrayLike<number>;
  } else {
    let a;
    try { a = toNDArray(v, `${field} of ${where}`); } catch { fail(where, field, 'an array of token ids', v); }
    if (a.ndim !== 1) throw shapeMismatch(`${field} of ${where} must be 1-D, got shape [${a.shape.join(', ')}]`);
    const s = numericStorage(a);
    if (isCContiguous(a) && a.offset === 0 && s.length === a.size) list = s;
    else { const o = new Float64Array(a.size); for (let i = 0; i < a.size; i++) o[i] = s[a.offset + i * a.strides[0]!]!; list = o; }
  }
  for (let i = 0; i < list.length; i++) {
    const t = list[i];
    if (typeof t !== 'number' || !Number.isInteger(t) || t < 0 || t >= V) {
      throw invalidArgument(`${field}[${i}] of ${where} must be a token id in [0, ${V}), got ${describe(t)}`);
    }
  }
  return list;
}

/**
 * Validates one request against a vocabulary of V tokens and normalises it.
 * `where` is "request 3" (or "params" for a batch-wide SamplingParams).
 * Throws INVALID_ARGUMENT naming `where` and the field; never touches logits.
 */
export function planRow(params: SamplingParams, req: SampleRequest | null, where: string, V: number): RowPlan {
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    throw invalidArgument(`params of ${where} must be a SamplingParams object, got ${describe(params)}`);
  }
  const p = params as Record<string, unknown>;
  const temperature = finiteIn(p['temperature'], where, 'temperature', 0, Infinity, 1, 'finite and >= 0');
  let topK = intField(p['topK'], where, 'topK', -1, Infinity, 0, 'an integer: 0 or -1 (off) or >= 1');
  if (topK === -1 || topK >= V) topK = 0;
  const topP = p['topP'] === undefined ? 1 : (() => {
    const v = p['topP'];
    if (typeof v !== 'number' || !(v > 0 && v <= 1)) fail(where, 'topP', 'in (0, 1]', v);
    return v;
  })();
  const minP = finiteIn(p['minP'], where, 'minP', 0, 1, 0, 'in [0, 1]');
  const presencePenalty = finiteIn(p['presencePenalty'], where, 'presencePenalty', -2, 2, 0, 'finite in [-2, 2]');
  const frequencyPenalty = finiteIn(p['frequencyPenalty'], where, 'frequencyPenalty', -2, 2, 0, 'finite in [-2, 2]');
  const repetitionPenalty = p['repetitionPenalty'] === undefined ? 1 : (() => {
    const v = p['repetitionPenalty'];
    if (typeof v !== 'number' || !Number.isFinite(v) || !(v > 0)) fail(where, 'repetitionPenalty', 'finite and > 0', v);
    return v;
  })();
  const logprobs = intField(p['logprobs'], where, 'logprobs', 0, V, -1, `an integer in [0, ${V}]`);
  const minTokens = intField(p['minTokens'], where, 'minTokens', 0, Infinity, 0, 'an integer >= 0');

  let seeded = false, seedLo = 0, seedHi = 0;
  const seed = p['seed'];
  if (seed !== undefined) {
    if (typeof seed === 'bigint') {
      if (seed < 0n || seed >= 1n << 64n) fail(where, 'seed', 'an integer in [0, 2^64)', seed);
      seedLo = Number(seed & 0xffffffffn); seedHi = Number(seed >> 32n);
    } else if (typeof seed === 'number' && Number.isSafeInteger(seed) && seed >= 0) {
      seedLo = seed % TWO32 >>> 0; seedHi = Math.floor(seed / TWO32) >>> 0;
    } else fail(where, 'seed', 'an integer >= 0 (or a bigint)', seed);
    seeded = true;
  }

  let biasIds: Int32Array | null = null, biasValues: Float64Array | null = null;
  const lb = p['logitBias'];
  if (lb !== undefined) {
    if (lb === null || typeof lb !== 'object' || Array.isArray(lb)) fail(where, 'logitBias', 'an object {tokenId: bias}', lb);
    const keys = Object.keys(lb as object);
    biasIds = new Int32Array(keys.length); biasValues = new Float64Array(keys.length);
    keys.forEach((key, i) => {
      const id = Number(key);
      if (!/^\d+$/.test(key) || !Number.isInteger(id) || id >= V) {
        throw invalidArgument(`logitBias of ${where}: key ${JSON.stringify(key)} must be a token id in [0, ${V})`);
      }
      const b = (lb as Record<string, unknown>)[key];
      if (typeof b !== 'number' || Number.isNaN(b)) throw invalidArgument(`logitBias[${key}] of ${where} must be a number, got ${describe(b)}`);
      biasIds![i] = id; biasValues![i] = b;
    });
    if (keys.length === 0) { biasIds = null; biasValues = null; }
  }
  const allowed = p['allowedTokenIds'] === undefined ? null : tokenList(p['allowedTokenIds'], where, 'allowedTokenIds', V);
  if (allowed !== null && allowed.length === 0) fail(where, 'allowedTokenIds', 'non-empty when given', p['allowedTokenIds']);
  const bad = p['badTokenIds'] === undefined ? null : tokenList(p['badTokenIds'], where, 'badTokenIds', V);
  let badWords: ArrayLike<number>[] | null = null;
  if (p['badWords'] !== undefined) {
    const bw = p['badWords'];
    if (!Array.isArray(bw)) fail(where, 'badWords', 'an array of token id arrays', bw);
    badWords = bw.map((w, i) => {
      const l = tokenList(w, where, `badWords[${i}]`, V);
      if (l.length === 0) fail(where, `badWords[${i}]`, 'a non-empty token sequence', w);
      return l;
    });
  }
  const stop = p['stopTokenIds'] === undefined ? null : tokenList(p['stopTokenIds'], where, 'stopTokenIds', V);

  let prompt: ArrayLike<number> | null = null, output: ArrayLike<number> | null = null;
  if (req !== null) {
    if (req.promptTokenIds !== undefined) prompt = tokenList(req.promptTokenIds, where, 'promptTokenIds', V);
    if (req.outputTokenIds !== undefined) output = tokenList(req.outputTokenIds, where, 'outputTokenIds', V);
  }
  const outLen = output === null ? 0 : output.length;
  const penalties = (repetitionPenalty !== 1 && ((prompt?.length ?? 0) + outLen) > 0)
    || ((presencePenalty !== 0 || frequencyPenalty !== 0) && outLen > 0);
  const minTokActive = stop !== null && stop.length > 0 && outLen < minTokens;
  const sparse = penalties || biasIds !== null || allowed !== null || (bad !== null && bad.length > 0)
    || (badWords !== null && badWords.length > 0) || minTokActive;
  return {
    temperature, topK, topP, minP, seeded, seedLo, seedHi, step: outLen, logprobs,
    presencePenalty, frequencyPenalty, repetitionPenalty, biasIds, biasValues, allowed, bad, badWords,
    minTokens, stop, prompt, output, sparse, penalties,
  };
}

/**
 * Validates a whole batch before any row is touched: B requests for B rows
 * (SHAPE_MISMATCH otherwise), or one SamplingParams for every row.
 */
export function planBatch(requests: SampleRequest[] | SamplingParams, B: number, V: number): RowPlan[] {
  if (Array.isArray(requests)) {
    if (requests.length !== B) throw shapeMismatch(`sample: got ${requests.length} requests for ${B} rows of logits`);
    const plans = new Array<RowPlan>(B);
    for (let b = 0; b < B; b++) {
      const r = requests[b] as unknown;
      if (r === null || typeof r !== 'object' || Array.isArray(r)) throw invalidArgument(`request ${b} must be an object {params, promptTokenIds?, outputTokenIds?}, got ${describe(r)}`);
      const params = (r as SampleRequest).params ?? {};
      plans[b] = planRow(params, r as SampleRequest, `request ${b}`, V);
    }
    return plans;
  }
  if (requests === null || typeof requests !== 'object') throw invalidArgument(`requests must be an array of SampleRequest or one SamplingParams, got ${describe(requests)}`);
  if ('params' in requests && typeof (requests as { params?: unknown }).params === 'object') {
    throw invalidArgument('requests: pass a SampleRequest inside an array ([request]) or a bare SamplingParams');
  }
  const plan = planRow(requests, null, 'params', V);
  return new Array<RowPlan>(B).fill(plan);
}
