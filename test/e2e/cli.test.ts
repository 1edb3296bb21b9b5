// End-to-end tests of the `logitkit` command: a spawned process, its stdout,
// stderr, exit code and the files it writes (read back with logitkit/io and
// compared with NumPy-computed fixtures from test/fixtures/gen_io.py).
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, ensureBuilt, FIX } from './helpers.js';
import { readNpy, writeNpy } from '../../src/io/index.js';
import { toNested, ndarray } from '../../src/core/index.js';
import { sample } from '../../src/index.js';

const manifest = JSON.parse(readFileSync(join(FIX, 'manifest.json'), 'utf8')) as Record<string, Record<string, unknown>>;
const L = manifest['logits.npy']!;
const dec = (v: unknown): unknown => (Array.isArray(v) ? v.map(dec) : v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v);
let dir: string;
const LOGITS = join(FIX, 'logits.npy');

/** A LogitkitError exit: code 1, exactly one stderr line, no stack trace. */
function expectOneLineError(r: { code: number | null; stderr: string; ms: number }, re: RegExp): void {
  expect(r.code).toBe(1);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).toMatch(re);
  expect(r.ms).toBeLessThan(15_000); // a hang guard; the fail-fast case below asserts API.md's 5 s
}

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'logitkit-e2e-'));
});

describe.concurrent('logitkit --help and usage errors', () => {
  it('logitkit --help lists every command and exits 0', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['argmax', 'topk', 'sample', 'eval', 'bench']) expect(r.stdout).toContain(`  ${c} `);
  });

  it.each(['argmax', 'topk', 'sample', 'eval', 'bench'])('logitkit %s --help shows options and an example, exit 0', async (c) => {
    const r = await cli([c, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: logitkit ${c}`);
    expect(r.stdout).toMatch(/Examples:\n {2}logitkit /);
  });

  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['argmax', LOGITS, '--bogus'], /unknown option '--bogus'/],
    [['argmax'], /missing required argument 'FILE'/],
    [['topk', LOGITS], /required option '-k, --k <K>' not specified/],
    [['argmax', LOGITS, '--axis', 'abc'], /--axis must be an integer/],
    [['eval', LOGITS], /missing required argument 'LABELS'/],
    [['sample', LOGITS, '--seed', '-3'], /--seed must be an integer >= 0/],
  ])('logitkit %j is a usage error: exit 2', async (args, re) => {
    const r = await cli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(re);
    expect(r.stdout).toBe('');
  });
});

describe.concurrent('logitkit argmax', () => {
  it('argmax FILE --axis -1 -o OUT.npy writes NumPy\'s argmax as int32', async () => {
    const out = join(dir, 'pred.npy');
    const r = await cli(['argmax', LOGITS, '--axis', '-1', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const a = readNpy(readFileSync(out));
    expect(a.dtype).toBe('int32');
    expect(toNested(a)).toEqual(L['argmax_axis_m1']);
  });

  it('argmax FILE (no axis) writes the flat index as a 0-d array; JSON output too', async () => {
    const out = join(dir, 'flat.npy');
    expect((await cli(['argmax', LOGITS, '-o', out])).code).toBe(0);
    const a = readNpy(readFileSync(out));
    expect(a.shape).toEqual([]);
    expect(toNested(a)).toBe(L['argmax_flat']);
    const js = join(dir, 'ax0.json');
    expect((await cli(['argmax', LOGITS, '--axis', '0', '-o', js])).code).toBe(0);
    expect(JSON.parse(readFileSync(js, 'utf8'))).toEqual(L['argmax_axis_0']);
  });

  it('argmax FILE --axis 1 --keepdims prints a table on stdout', async () => {
    const r = await cli(['argmax', `${join(FIX, 'multi.npz')}:logits`, '--axis', '1', '--keepdims']);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').slice(1).map((l) => Number(l.trim().split(/\s+/)[1]));
    expect(rows).toEqual(L['argmax_axis_m1']);
  });

  it('argmax --skip-nan skips NaN; plain argmax picks the first NaN (NumPy)', async () => {
    const f = join(dir, 'nan.json');
    writeFileSync(f, '[[1, NaN, 3], [NaN, NaN, NaN]]');
    const r = await cli(['argmax', f, '--axis', '1', '-o', join(dir, 'nan_out.json')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'nan_out.json'), 'utf8'))).toEqual([1, 0]);
    expectOneLineError(await cli(['argmax', f, '--axis', '1', '--skip-nan']), /ALL_NAN_SLICE/);
  });

  it('argmax on safetensors, csv and big-endian Fortran npy files', async () => {
    const r1 = await cli(['argmax', join(FIX, 'one.safetensors'), '-o', join(dir, 'st.json')]);
    expect(r1.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'st.json'), 'utf8'))).toBe(L['argmax_flat']);
    const csv = join(dir, 'x.csv');
    writeFileSync(csv, 'a,b,c\n1,5,2\n7,0,7\n');
    expect((await cli(['argmax', csv, '--axis', '-1', '-o', join(dir, 'csv.json')])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'csv.json'), 'utf8'))).toEqual([1, 0]);
    expect((await cli(['argmax', join(FIX, 'fortran_be_i4_3d.npy'), '--axis', '0', '-o', join(dir, 'f.json')])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'f.json'), 'utf8'))).toEqual([[1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]]);
  });
});

describe.concurrent('logitkit errors exit 1 with one line', () => {
  it('a missing file', async () => {
    expectOneLineError(await cli(['argmax', join(dir, 'nope.npy')]), /BAD_FILE: .*nope\.npy: no such file/);
  });
  it('an npz without a member name lists the names', async () => {
    expectOneLineError(await cli(['argmax', join(FIX, 'multi.npz')]), /holds 2 arrays \(logits, labels\); pick one with .*multi\.npz:NAME/);
  });
  it('an npz member that does not exist', async () => {
    expectOneLineError(await cli(['argmax', `${join(FIX, 'multi.npz')}:zz`]), /no array named 'zz'/);
  });
  it('an axis out of bounds', async () => {
    expectOneLineError(await cli(['argmax', LOGITS, '--axis', '2']), /AXIS_OUT_OF_BOUNDS: axis 2 is out of bounds for array of dimension 2/);
  });
  it('a header claiming petabytes fails fast without allocating', async () => {
    const f = join(dir, 'huge.npy');
    const good = writeNpy(new Float64Array(2));
    const text = new TextDecoder().decode(good.subarray(10, 10 + new DataView(good.buffer).getUint16(8, true)));
    const huge = text.replace("'shape': (2,), ", "'shape': (99999999, 99999999), ").slice(0, text.length);
    const bytes = Uint8Array.from(good);
    bytes.set(new TextEncoder().encode(huge), 10);
    writeFileSync(f, bytes);
    const r = await cli(['argmax', f]);
    expectOneLineError(r, /BAD_FILE: .*huge\.npy: shape \(99999999, 99999999\) needs/);
    expect(r.ms).toBeLessThan(5000);
  });
  it('a file that is not an array file', async () => {
    const f = join(dir, 'junk.npy');
    writeFileSync(f, 'hello world, not numpy');
    expectOneLineError(await cli(['argmax', f]), /BAD_FILE: .*junk\.npy: not an \.npy file/);
    const j = join(dir, 'ragged.json');
    writeFileSync(j, '[[1, 2], [3]]');
    expectOneLineError(await cli(['argmax', j]), /ragged/);
    const u = join(dir, 'x.txt');
    writeFileSync(u, '1 2 3');
    expectOneLineError(await cli(['argmax', u]), /unknown array file type/);
  });
  it('an unsupported dtype is DTYPE', async () => {
    const f = join(dir, 'c.npy');
    const good = writeNpy(new Float64Array(2));
    const bytes = Uint8Array.from(good);
    bytes.set(new TextEncoder().encode("'<c8'"), 10 + "{'descr': ".length);
    writeFileSync(f, bytes);
    expectOneLineError(await cli(['argmax', f]), /DTYPE: .*c\.npy: unsupported dtype '<c8'/);
  });
  it('an unwritable output', async () => {
    expectOneLineError(await cli(['argmax', LOGITS, '-o', join(dir, 'no', 'dir', 'x.npy')]), /cannot write \(no such directory\)/);
  });
});

describe.concurrent('logitkit topk', () => {
  it('topk FILE -k 3 -o OUT.json writes {"values", "indices"} like a stable descending argsort', async () => {
    const out = join(dir, 'top.json');
    expect((await cli(['topk', LOGITS, '-k', '3', '-o', out])).code).toBe(0);
    const j = JSON.parse(readFileSync(out, 'utf8')) as { values: number[][]; indices: number[][] };
    expect(j.indices).toEqual(L['topk3_indices']);
    expect(j.values.flat().map((v) => Math.fround(v))).toEqual((dec(L['topk3_values']) as number[][]).flat());
  });

  it('topk -o OUT.npy writes OUT.npy (values) and OUT.indices.npy (int32)', async () => {
    const out = join(dir, 'top.npy');
    expect((await cli(['topk', LOGITS, '-k', '3', '-o', out])).code).toBe(0);
    const v = readNpy(readFileSync(out));
    const i = readNpy(readFileSync(join(dir, 'top.indices.npy')));
    expect(v.dtype).toBe('float32');
    expect(i.dtype).toBe('int32');
    expect(toNested(i)).toEqual(L['topk3_indices']);
  });

  it('topk -k 99 exits 1 with INVALID_ARGUMENT', async () => {
    expectOneLineError(await cli(['topk', LOGITS, '-k', '99']), /INVALID_ARGUMENT/);
  });
});

describe.concurrent('logitkit sample', () => {
  it('sample FILE --seed S gives identical rows the same token, and matches the library', async () => {
    const f = join(dir, 'rows.npy');
    const row = [0.1, 2, 1.5, -1, 0.7, 1.9];
    writeFileSync(f, writeNpy(ndarray(Float32Array.from([...row, ...row, ...row]), { shape: [3, 6] })));
    const out = join(dir, 'tok.npy');
    const r = await cli(['sample', f, '--seed', '7', '--temperature', '0.8', '--top-p', '0.9', '-o', out]);
    expect(r.code).toBe(0);
    const t = toNested(readNpy(readFileSync(out))) as number[];
    expect(t).toHaveLength(3);
    expect(new Set(t).size).toBe(1);
    const lib = sample(ndarray(Float32Array.from([...row, ...row, ...row]), { shape: [3, 6] }), { seed: 7, temperature: 0.8, topP: 0.9 });
    expect(t).toEqual(Array.from(lib.tokens));
  });

  it('sample --temperature 0 is the argmax of each row', async () => {
    const r = await cli(['sample', LOGITS, '--temperature', '0', '-o', join(dir, 'greedy.json')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'greedy.json'), 'utf8'))).toEqual(L['argmax_axis_m1']);
  });

  it('sample --logprobs 2 prints JSON {tokens, logprobs} with N + 1 columns per row', async () => {
    const r = await cli(['sample', LOGITS, '--seed', '1', '--logprobs', '2']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { tokens: number[]; logprobs: number[][]; tokenIds: number[][] };
    expect(j.tokens).toHaveLength(6);
    expect(j.logprobs.every((row) => row.length === 3)).toBe(true);
    expect(j.tokenIds.map((row) => row[0])).toEqual(j.tokens);
    expect(j.tokenIds.map((row) => row[1])).toEqual(L['argmax_axis_m1']);
  });

  it('sample --logprobs with -o OUT.npy is a usage error; --top-p 1.5 is INVALID_ARGUMENT', async () => {
    expect((await cli(['sample', LOGITS, '--logprobs', '2', '-o', join(dir, 'x.npy')])).code).toBe(2);
    expectOneLineError(await cli(['sample', LOGITS, '--top-p', '1.5']), /INVALID_ARGUMENT: .*topP/);
  });
});

describe.concurrent('logitkit eval', () => {
  it('eval LOGITS LABELS --report writes a self-contained HTML report and prints the summary', async () => {
    const rep = join(dir, 'report.html');
    const names = join(dir, 'names.txt');
    writeFileSync(names, 'ant\nbee\ncat\ndog\n<eel>\n');
    const r = await cli(['eval', `${join(FIX, 'multi.npz')}:logits`, `${join(FIX, 'multi.npz')}:labels`, '--threshold', '0.5', '--labels-file', names, '--report', rep]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/accuracy\s+0\.0000 {2}\(6 samples, 5 classes\)/);
    expect(r.stdout).toContain('ECE (15 bins)');
    expect(r.stdout).toContain('threshold 0.5');
    expect(r.stdout).toContain(`report written to ${rep}`);
    const html = readFileSync(rep, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect((html.match(/<svg /g) ?? []).length).toBe(5); // 2 reliability + coverage + confusion + per-class
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    expect(html).toContain('&lt;eel&gt;');
    expect(html).not.toContain('<eel>');
  });

  it('eval with labels outside [0, C) or of the wrong length exits 1', async () => {
    const bad = join(dir, 'badlabels.json');
    writeFileSync(bad, '[0, 1, 2, 3, 4, 9]');
    expectOneLineError(await cli(['eval', LOGITS, bad]), /INVALID_ARGUMENT: eval: .*badlabels\.json row 5 holds 9, expected an integer class in \[0, 5\)/);
    const short = join(dir, 'short.json');
    writeFileSync(short, '[0, 1]');
    expectOneLineError(await cli(['eval', LOGITS, short]), /SHAPE_MISMATCH: eval: .*must hold 6 labels/);
    const names = join(dir, 'three.txt');
    writeFileSync(names, 'a\nb\nc\n');
    expectOneLineError(await cli(['eval', LOGITS, join(FIX, 'labels.npy'), '--labels-file', names]), /SHAPE_MISMATCH: eval: the labels file names 3 classes, the logits have 5/);
  });
});

describe.concurrent('logitkit bench', () => {
  it('bench FILTER --time MS prints the table rows of the matching workloads', async () => {
    const r = await cli(['bench', 'io | writeNpy', '--time', '20'], { timeoutMs: 120_000 });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/io \| writeNpy \[64, 32000\] f32\s+[\d.]+ ms/);
    expect(r.stdout).toContain('1 workloads; medians (p50) in ms');
  });
});
