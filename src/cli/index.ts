// logitkit/cli: the command line as a function (the `logitkit` bin calls run()).
export { run, buildProgram, EXIT } from './main.js';
export type { CliIO } from './output.js';
export { formatTable } from './output.js';
export { evaluate, summaryText } from './evaluate.js';
export type { EvalResult } from './evaluate.js';
export { renderReport } from './report.js';
