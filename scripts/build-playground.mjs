// Builds the playground (playground/dist) with Vite from the built package (dist/).
import { build } from 'vite';
import { fileURLToPath } from 'node:url';

export async function buildPlayground() {
  await build({ configFile: fileURLToPath(new URL('../playground/vite.config.mjs', import.meta.url)), logLevel: 'error' });
  return fileURLToPath(new URL('../playground/dist/', import.meta.url));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = await buildPlayground();
  console.log(`playground built into ${dir}`);
}
