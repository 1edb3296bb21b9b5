// The main job: `npm start` (scripts/start.mjs) run as a user would, minus the
// build (CI builds before `npm test`): MNIST example → eval report → sampling
// demo → playground served on 127.0.0.1, then Ctrl-C (SIGINT) exits cleanly.
import { beforeAll, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, ROOT } from './helpers.js';

beforeAll(() => ensureBuilt());

it('npm start: writes the report and the demo files, serves the playground, exits 0 on Ctrl-C', async () => {
  const out = mkdtempSync(join(tmpdir(), 'logitkit-start-'));
  const p = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--skip-build', '--out', out, '--port', '0'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '', stderr = '';
  p.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => { p.kill('SIGKILL'); reject(new Error(`no playground URL after 150 s:\n${stdout}\n${stderr}`)); }, 150_000);
    p.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /playground\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
      if (m) { clearTimeout(timer); resolve(m[1]!); }
    });
    p.on('exit', (code) => { clearTimeout(timer); reject(new Error(`start exited early (${code}):\n${stdout}\n${stderr}`)); });
  });
  try {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>logitkit playground</title>');
    expect(stdout).toMatch(/accuracy\s+0\.\d{4} {2}\(2000 samples, 10 classes\)/);
    expect(stdout).toContain('eval report');
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<svg');
    expect(existsSync(join(out, 'demo', 'top3.json'))).toBe(true);
    expect(stdout).not.toContain('note:');
  } finally {
    // Ctrl-C, always: a failed expectation must not leave the server running
    const code = p.exitCode ?? await new Promise<number | null>((resolve) => { p.once('exit', resolve); p.kill('SIGINT'); });
    expect(code).toBe(0);
  }
}, 200_000);
