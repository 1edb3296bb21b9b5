#!/usr/bin/env node
// The `logitkit` command line (API.md §9). The program lives in dist/cli.
let cli;
try {
  cli = await import('../dist/cli/index.js');
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND') throw e;
  // a fresh checkout before `npm run build` (an installed package always has dist/)
  process.stderr.write('error: logitkit is not built yet: run "npm run build" (or "npm start") in the logitkit checkout first\n');
  process.exit(1);
}
process.exitCode = await cli.run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
