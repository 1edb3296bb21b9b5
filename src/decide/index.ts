export { accuracy } from './accuracy.js';
export { perClassAccuracy } from './perClassAccuracy.js';
export { confusionMatrix } from './confusionMatrix.js';
