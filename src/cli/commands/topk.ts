import { Command } from 'commander';
import { saveArray } from '../../io/node.js';
import { writeJsonArray } from '../../io/text.js';
import { writeFileSync } from 'node:fs';
import { badFile, invalidArgument } from '../../errors/messages.js';
import { intArg } from '../args.js';
import { formatTable, withSuffix, type CliIO } from '../output.js';
import * as lib from '../lib.js';
import { load } from './load.js';

export function topkCommand(io: CliIO): Command {
  return new Command('topk')
    .description('the k largest values along an axis and their int32 indices (torch.topk: NaN ranks above +inf, lower index first on ties)')
    .argument('<FILE>', 'array file (.npy, .npz[:name], .safetensors[:name], .json, .csv)')
    .requiredOption('-k, --k <K>', 'how many (0 <= K <= axis length)', intArg('-k'))
    .option('--axis <N>', 'axis to select along', intArg('--axis'), -1)
    .option('-o, --out <OUT>', 'OUT.json: {"values", "indices"}; OUT.npy: values in OUT, indices in OUT with .indices before the extension')
    .addHelpText('after', '\nExamples:\n  logitkit topk logits.npy -k 5                     # table of values and indices\n  logitkit topk logits.npy -k 5 -o top.npy          # writes top.npy and top.indices.npy\n  logitkit topk logits.npy -k 5 -o top.json')
    .action((file: string, opts: { k: number; axis: number; out?: string }) => {
      const x = load(file, io);
      const { values, indices } = lib.topk(x, opts.k, { axis: opts.axis });
      if (opts.out === undefined) {
        io.stdout.write(`values\n${formatTable(values)}indices\n${formatTable(indices)}`);
      } else if (/\.json$/i.test(opts.out)) {
        try {
          writeFileSync(opts.out, `{"values": ${writeJsonArray(values)}, "indices": ${writeJsonArray(indices)}}\n`);
        } catch (e) {
          throw badFile(`${opts.out}: cannot write (${(e as { code?: string }).code ?? String(e)})`);
        }
      } else if (/\.npy$/i.test(opts.out)) {
        saveArray(opts.out, values);
        saveArray(withSuffix(opts.out, 'indices'), indices);
      } else {
        throw invalidArgument(`-o ${opts.out}: use a .npy or .json file name`);
      }
    });
}
