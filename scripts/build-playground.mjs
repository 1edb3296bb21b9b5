// Builds the playground with Vite from the built package (dist/).
// Default output: playground/dist; pass another directory to build elsewhere.
import { build } from 'vite';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export async function buildPlayground(outDir = fileURLToPath(new URL('../playground/dist/', import.meta.url))) {
  const out = resolve(outDir);
  await build({ configFile: fileURLToPath(new URL('../playground/vite.config.mjs', import.meta.url)), logLevel: 'error', build: { outDir: out, emptyOutDir: true } });
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = await buildPlayground(process.argv[2]);
  console.log(`playground built into ${dir}`);
}
