export { Sampler, sample } from './Sampler.js';
export { applyTopKTopP } from './applyTopKTopP.js';
export { applyMinP } from './applyMinP.js';
export { applyPenalties } from './applyPenalties.js';
export { fromGenerationConfig } from './fromGenerationConfig.js';
export type { GenerationConfigLike } from './fromGenerationConfig.js';
export { fromOpenAI } from './fromOpenAI.js';
export type { OpenAIRequestLike } from './fromOpenAI.js';
export type { LogprobsMode, SampleRequest, SamplerOptions, SamplerOutput, SamplingParams } from './types.js';
