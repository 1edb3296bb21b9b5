#!/usr/bin/env node
// The `logitkit` command line (API.md §9). The program lives in dist/cli.
import { run } from '../dist/cli/index.js';

const code = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
process.exitCode = code;
