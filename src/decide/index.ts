export { accuracy } from './accuracy.js';
export { perClassAccuracy } from './perClassAccuracy.js';
export { confusionMatrix } from './confusionMatrix.js';
export { epsilonGreedy } from './epsilonGreedy.js';
export type { EpsilonGreedyOptions } from './epsilonGreedy.js';
