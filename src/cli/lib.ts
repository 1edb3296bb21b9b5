// The library functions the CLI uses, imported from the package barrel so the
// CLI runs exactly what `import ... from 'logitkit'` gives a user.
export {
  topk, sample, softmax, accuracy, perClassAccuracy, confusionMatrix,
  expectedCalibrationError, reliabilityDiagram, fitTemperature, conformal, predict,
} from '../index.js';
export type { SamplerOutput, SamplingParams, CalibrationBin } from '../index.js';
