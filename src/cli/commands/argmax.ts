import { Command } from 'commander';
import { argmax, nanargmax } from '../../reduce/index.js';
import { ndarray } from '../../core/ndarray.js';
import { intArg } from '../args.js';
import { emit, type CliIO } from '../output.js';
import { load } from './load.js';

export function argmaxCommand(io: CliIO): Command {
  return new Command('argmax')
    .description('index of the maximum (NumPy argmax: first occurrence wins, first NaN wins); indices are int32')
    .argument('<FILE>', 'array file (.npy, .npz[:name], .safetensors[:name], .json, .csv)')
    .option('--axis <N>', 'axis to reduce (negative counts from the end); default: the flattened array', intArg('--axis'))
    .option('--keepdims', 'keep the reduced axis with length 1')
    .option('--skip-nan', 'ignore NaN (nanargmax); an all-NaN slice is an error')
    .option('-o, --out <OUT>', 'write the indices to OUT (.npy or .json); default: a table on stdout')
    .addHelpText('after', '\nExamples:\n  logitkit argmax logits.npy --axis -1            # one class per row\n  logitkit argmax run.npz:logits --axis 1 -o pred.npy\n  logitkit argmax scores.json                      # flat index (a 0-d array)')
    .action((file: string, opts: { axis?: number; keepdims?: boolean; skipNan?: boolean; out?: string }) => {
      const x = load(file, io);
      const fn = opts.skipNan ? nanargmax : argmax;
      const o: { axis?: number; keepdims?: boolean } = {};
      if (opts.axis !== undefined) o.axis = opts.axis;
      if (opts.keepdims) o.keepdims = true;
      const r = fn(x, o);
      emit(typeof r === 'number' ? ndarray(new Int32Array([r]), { shape: [] }) : r, opts.out, io);
    });
}
