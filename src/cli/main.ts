import { Command, CommanderError } from 'commander';
import { UsageError } from './args.js';
import { LogitkitError } from '../errors/LogitkitError.js';
import type { CliIO } from './output.js';
import { argmaxCommand } from './commands/argmax.js';
import { topkCommand } from './commands/topk.js';
import { sampleCommand } from './commands/sample.js';
import { evalCommand } from './commands/eval.js';
import { benchCommand } from './commands/bench.js';

/** Exit codes of the CLI (API.md §9). */
export const EXIT = { ok: 0, error: 1, usage: 2 } as const;

function red(io: CliIO, s: string): string {
  return io.stderr.isTTY && io.env['NO_COLOR'] === undefined ? `\u001b[31m${s}\u001b[39m` : s;
}

/**
 * Builds the `logitkit` commander program (a fresh one per run, so tests can
 * run many in one process). Output goes to `io`; commander errors are thrown
 * (exitOverride) and mapped to exit codes by {@link run}.
 *
 * @example
 * buildProgram(io).helpInformation() // 'Usage: logitkit [options] [command] ...'
 */
export function buildProgram(io: CliIO): Command {
  const program = new Command('logitkit')
    .description('From model scores to decisions: arg-reductions, top-k, sampling and calibrated evaluation of array files.\n'
      + 'Array files: .npy, .npz (FILE.npz:name), .safetensors (FILE.safetensors:name), .json, .csv.')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => { io.stdout.write(s); },
      writeErr: (s) => { io.stderr.write(s); },
      outputError: (s, write) => { write(red(io, s)); },
    })
    .addHelpText('after', '\nExamples:\n  logitkit argmax logits.npy --axis -1 -o pred.npy\n  logitkit sample logits.npy --temperature 0.7 --top-p 0.9 --seed 0\n  logitkit eval logits.npy labels.npy --report report.html\n\nRun "logitkit <command> --help" for the options of a command.');
  program.configureHelp({ sortSubcommands: false });
  const sub = (cmd: Command): void => {
    program.addCommand(cmd.exitOverride().showSuggestionAfterError(true).configureOutput({
      writeOut: (s) => { io.stdout.write(s); },
      writeErr: (s) => { io.stderr.write(s); },
      outputError: (s, write) => { write(red(io, s)); },
    }));
  };
  sub(argmaxCommand(io));
  sub(topkCommand(io));
  sub(sampleCommand(io));
  sub(evalCommand(io));
  sub(benchCommand(io));
  return program;
}


/**
 * Runs the CLI on `argv` (without `node` and the script) and returns the exit
 * code: 0 success, 1 a `LogitkitError` (one line on stderr, no stack trace),
 * 2 bad usage (unknown command or flag, missing argument). Never throws; an
 * unexpected error is reported on one line too (`LOGITKIT_DEBUG=1` adds the stack).
 *
 * @example
 * import { run } from 'logitkit/cli';
 * const code = await run(['argmax', 'logits.npy', '--axis', '-1'],
 *   { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }); // 0
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const program = buildProgram(io);
  if (argv.length === 0) { io.stdout.write(program.helpInformation()); return EXIT.ok; }
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return io.exitCode ?? EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') return EXIT.ok;
      if (e.code === 'commander.executeSubCommandAsync') return EXIT.ok;
      return EXIT.usage;
    }
    if (e instanceof LogitkitError) {
      io.stderr.write(`${red(io, 'error')} ${e.code}: ${e.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return EXIT.error;
    }
    if (e instanceof UsageError) {
      io.stderr.write(`${red(io, 'error:')} ${e.message}\n`);
      return EXIT.usage;
    }
    // A bug, not bad input: still one line unless LOGITKIT_DEBUG asks for the stack.
    const err = e as Error;
    io.stderr.write(`${red(io, 'internal error')} ${err?.name ?? 'Error'}: ${String(err?.message ?? e).split('\n')[0]} (set LOGITKIT_DEBUG=1 for the stack)\n`);
    if (io.env['LOGITKIT_DEBUG']) io.stderr.write(`${err?.stack ?? ''}\n`);
    return EXIT.error;
  }
}
