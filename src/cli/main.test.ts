import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { run } from './main.js';
import { formatTable, withSuffix, type CliIO } from './output.js';
import { progress } from './progress.js';
import { esc, renderReport } from './report.js';
import { evaluate } from './evaluate.js';
import { ndarray } from '../core/index.js';
import { FIXTURES } from '../io/fixtures.spec.js';

function fakeIO(opts: { tty?: boolean; env?: Record<string, string> } = {}): CliIO & { out: string; err: string } {
  const io = {
    out: '', err: '',
    stdout: { write: (s: string) => { io.out += s; return true; } },
    stderr: { write: (s: string) => { io.err += s; return true; }, isTTY: opts.tty ?? false, columns: 80 },
    env: opts.env ?? {},
    cwd: process.cwd(),
  };
  return io;
}

describe('run(argv, io) in process', () => {
  it('run(["argmax", FILE, "--axis", "9"]) returns 1 with one plain line when stderr is not a TTY', async () => {
    const io = fakeIO();
    expect(await run(['argmax', join(FIXTURES, 'logits.npy'), '--axis', '9'], io)).toBe(1);
    expect(io.err).toBe('error AXIS_OUT_OF_BOUNDS: axis 9 is out of bounds for array of dimension 2\n');
  });

  it('run() colours the error prefix on a TTY, and NO_COLOR turns it off', async () => {
    const tty = fakeIO({ tty: true });
    await run(['argmax', '/nope.npy'], tty);
    expect(tty.err).toContain('\u001b[31merror\u001b[39m BAD_FILE');
    const plain = fakeIO({ tty: true, env: { NO_COLOR: '1' } });
    await run(['argmax', '/nope.npy'], plain);
    expect(plain.err).toBe('error BAD_FILE: /nope.npy: no such file\n');
  });

  it('run([]) prints the help and returns 0; an unknown flag returns 2', async () => {
    const io = fakeIO();
    expect(await run([], io)).toBe(0);
    expect(io.out).toContain('Usage: logitkit');
    expect(await run(['topk', 'x.npy', '-k', '2', '--nope'], fakeIO())).toBe(2);
  });

  it('run(["argmax", FILE]) prints the flat index as a 0-d table', async () => {
    const io = fakeIO();
    expect(await run(['argmax', join(FIXTURES, 'logits.npy')], io)).toBe(0);
    expect(io.out).toBe('11\n');
  });
});

describe('output helpers', () => {
  it('formatTable renders 1-D with an index column and 2-D with a column header', () => {
    expect(formatTable(ndarray(new Int32Array([7, 8])))).toBe('i  value\n0  7\n1  8\n');
    expect(formatTable(ndarray([[1.5, NaN], [-Infinity, 2]]))).toBe('      0    1\n0   1.5  nan\n1  -inf    2\n');
  });

  it('formatTable truncates long outputs and says how to get everything', () => {
    expect(formatTable(ndarray(new Int32Array(5)), 2)).toContain('… 3 more rows (use -o FILE.npy to get them all)');
  });

  it('withSuffix("top.npy", "indices") is "top.indices.npy"', () => {
    expect(withSuffix('top.npy', 'indices')).toBe('top.indices.npy');
    expect(withSuffix('dir.v2/top', 'indices')).toBe('dir.v2/top.indices');
  });
});

describe('progress(io, label, total, threshold)', () => {
  it('draws a bar on a TTY above the threshold and nothing otherwise', () => {
    const tty = fakeIO({ tty: true });
    const bar = progress(tty, 'reading', 100, 10);
    bar.update(50, 100);
    bar.stop();
    expect(tty.err).toContain('reading [');
    const small = fakeIO({ tty: true });
    const none = progress(small, 'reading', 5, 10);
    none.update(5, 5); none.stop();
    expect(small.err).toBe('');
    const pipe = fakeIO({ tty: false });
    const off = progress(pipe, 'reading', 100, 10);
    off.update(50, 100); off.stop();
    expect(pipe.err).toBe('');
  });
});

describe('renderReport(evaluate(...))', () => {
  it('escapes class names and draws one SVG per plot, with no script or remote resource', () => {
    const logits = ndarray([[2, 0, 0], [0, 3, 0], [0, 0, 1], [1, 2, 0], [0, 1, 4], [3, 0, 1]]);
    const labels = ndarray(new Int32Array([0, 1, 2, 1, 2, 1]));
    const r = evaluate(logits, labels, { logitsName: 'a.npy', labelsName: 'b.npy', classes: ['<b>', 'x&y', 'z'], threshold: 0.5 });
    expect(r.accuracy).toBeCloseTo(5 / 6, 12);
    expect(r.confusion).toEqual([[1, 0, 0], [1, 2, 0], [0, 0, 2]]);
    expect(r.curve.at(-1)).toEqual({ coverage: 1, accuracy: 5 / 6, threshold: expect.any(Number) });
    const html = renderReport(r, new Date(0));
    expect(html).toContain('&lt;b&gt;');
    expect(html).not.toContain('<b>&');
    expect(html.match(/<svg /g)).toHaveLength(5);
    expect(html).not.toMatch(/<script|src="http|href="http/);
    expect(esc('"\'<>&')).toBe('&quot;&#39;&lt;&gt;&amp;');
  });
});
