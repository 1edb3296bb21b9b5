import { Command } from 'commander';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { invalidArgument } from '../../errors/messages.js';
import type { CliIO } from '../output.js';

/** The repository root (dist/cli/commands → ../../..). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export function benchCommand(io: CliIO): Command {
  return new Command('bench')
    .description('print the benchmark table (bench/run.mjs of a logitkit checkout, on the built package)')
    .argument('[FILTER]', 'only workloads whose "group | name" contains FILTER')
    .option('--time <MS>', 'time per workload in ms', '300')
    .addHelpText('after', '\nExamples:\n  logitkit bench                 # every workload\n  logitkit bench argmax --time 200')
    .action((filter: string | undefined, opts: { time: string }) => {
      const script = join(REPO_ROOT, 'bench', 'run.mjs');
      if (!existsSync(script)) throw invalidArgument(`bench needs a logitkit checkout: ${script} not found`);
      const args = [script, ...(filter ? [filter] : []), '--time', opts.time];
      const r = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: REPO_ROOT });
      if (r.status !== 0) io.exitCode = r.status ?? 1;
    });
}
