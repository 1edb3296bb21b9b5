import { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { badFile } from '../../errors/messages.js';
import { numArg } from '../args.js';
import type { CliIO } from '../output.js';
import { evaluate, summaryText } from '../evaluate.js';
import { renderReport } from '../report.js';
import { load } from './load.js';

/** Class names: a JSON array of strings, or one name per line. */
export function readClassNames(path: string): string[] {
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch (e) {
    throw badFile(`${path}: ${(e as { code?: string }).code === 'ENOENT' ? 'no such file' : `cannot read (${(e as { code?: string }).code ?? String(e)})`}`);
  }
  if (/^\s*\[/.test(text)) {
    let v: unknown;
    try { v = JSON.parse(text); } catch { throw badFile(`${path}: not valid JSON`); }
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' && typeof s !== 'number')) throw badFile(`${path}: expected a JSON array of class names`);
    return v.map(String);
  }
  return text.split(/\r?\n/).map((s) => s.trim()).filter((s) => s !== '');
}

export function evalCommand(io: CliIO): Command {
  return new Command('eval')
    .description('accuracy, per-class accuracy, confusion matrix, calibration (ECE before/after a fitted temperature), abstention curve and conformal coverage of [N, C] logits against [N] integer labels')
    .argument('<LOGITS>', 'logits file [N, C]')
    .argument('<LABELS>', 'labels file [N] (integers in [0, C))')
    .option('--threshold <C>', 'also report coverage and accuracy when rows with max probability < C abstain', numArg('--threshold'))
    .option('--labels-file <F>', 'class names: one per line, or a JSON array (must have C entries)')
    .option('--report <HTML>', 'write a self-contained HTML report with plots')
    .addHelpText('after', '\nExamples:\n  logitkit eval logits.npy labels.npy\n  logitkit eval run.npz:logits run.npz:labels --threshold 0.9 --labels-file classes.txt --report report.html')
    .action((logitsFile: string, labelsFile: string, opts: { threshold?: number; labelsFile?: string; report?: string }) => {
      const logits = load(logitsFile, io);
      const labels = load(labelsFile, io);
      const o: Parameters<typeof evaluate>[2] = { logitsName: logitsFile, labelsName: labelsFile };
      if (opts.labelsFile !== undefined) o.classes = readClassNames(opts.labelsFile);
      if (opts.threshold !== undefined) o.threshold = opts.threshold;
      const r = evaluate(logits, labels, o);
      io.stdout.write(summaryText(r));
      if (opts.report !== undefined) {
        try { writeFileSync(opts.report, renderReport(r)); } catch (e) {
          throw badFile(`${opts.report}: cannot write (${(e as { code?: string }).code ?? String(e)})`);
        }
        io.stdout.write(`\nreport written to ${opts.report}\n`);
      }
    });
}
