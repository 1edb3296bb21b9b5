// The library functions the CLI uses, looked up on the package barrel at call
// time: engineers land areas in parallel, and a missing one must give a clean
// one-line error rather than break the build of the CLI.
import * as lk from '../index.js';
import type { NDArray } from '../core/StridedArray.js';
import type { ArrayInput } from '../core/ndarray.js';
import { LogitkitError } from '../errors/LogitkitError.js';

function need<T>(name: string): T {
  const f = (lk as unknown as Record<string, unknown>)[name];
  if (typeof f !== 'function') throw new LogitkitError('INVALID_ARGUMENT', `this build of logitkit does not provide ${name}()`);
  return f as T;
}

export interface SamplerOutputLike {
  tokens: Int32Array;
  logprobs?: { tokenIds: Int32Array; logprobs: Float32Array; ranks: Int32Array; n: number };
}
export interface CalibrationBinLike { lo: number; hi: number; confidence: number; accuracy: number; count: number }
export interface ConformalLike { threshold: number; predictSets(logits: ArrayInput): number[][] }
export interface PredictionLike { indices: NDArray; confidence: NDArray; margin: NDArray; abstained: NDArray }

export const lib = {
  get topk() { return need<(x: ArrayInput, k: number, opts?: { axis?: number }) => { values: NDArray; indices: NDArray }>('topk'); },
  get sample() { return need<(logits: ArrayInput, params: Record<string, unknown>) => SamplerOutputLike>('sample'); },
  get softmax() { return need<(x: ArrayInput, opts?: { axis?: number; temperature?: number }) => NDArray>('softmax'); },
  get accuracy() { return need<(pred: ArrayInput, target: ArrayInput) => number>('accuracy'); },
  get perClassAccuracy() { return need<(pred: ArrayInput, target: ArrayInput, c: number) => Float64Array>('perClassAccuracy'); },
  get confusionMatrix() { return need<(pred: ArrayInput, target: ArrayInput, c: number) => NDArray>('confusionMatrix'); },
  get expectedCalibrationError() { return need<(p: ArrayInput, t: ArrayInput, o?: { bins?: number; fromLogits?: boolean }) => number>('expectedCalibrationError'); },
  get reliabilityDiagram() { return need<(p: ArrayInput, t: ArrayInput, o?: { bins?: number; fromLogits?: boolean }) => { bins: CalibrationBinLike[]; ece: number }>('reliabilityDiagram'); },
  get fitTemperature() { return need<(logits: ArrayInput, target: ArrayInput) => number>('fitTemperature'); },
  get conformal() { return need<(l: ArrayInput, t: ArrayInput, o: { alpha: number; score?: 'lac' | 'aps' }) => ConformalLike>('conformal'); },
  get predict() { return need<(logits: ArrayInput, o?: { axis?: number; threshold?: number }) => PredictionLike>('predict'); },
};
