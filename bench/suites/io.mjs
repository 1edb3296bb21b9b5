// Array files (issue 7): reading and writing .npy / .safetensors / .npz bytes
// for a [64, 32000] float32 logits batch (8 MB). Peer: a plain byte copy of the
// same payload (Uint8Array.prototype.slice), the floor any reader must pay.
import { pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const order = 90;

export async function workloads(lib) {
  const io = await import(pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'io', 'index.js')).href);
  const B = 64, V = 32000;
  const data = new Float32Array(B * V);
  for (let i = 0; i < data.length; i++) data[i] = Math.sin(i * 0.37) * 4;
  const x = lib.ndarray(data, { shape: [B, V] });
  const npy = io.writeNpy(x);
  const st = io.writeSafetensors({ logits: x });
  const npz = io.writeNpz({ logits: x });
  // the same values big-endian (byte-swapped on read)
  const be = Uint8Array.from(npy);
  const hdr = new TextDecoder().decode(be.subarray(10, 10 + (be[8] | (be[9] << 8))));
  be.set(new TextEncoder().encode(hdr.replace("'<f4'", "'>f4'")), 10);
  const bytes = data.byteLength;
  const copy = () => npy.slice(128);
  return [
    { group: 'io', name: 'readNpy [64, 32000] f32 (8 MB)', bytes, run: () => io.readNpy(npy), peers: { 'byte copy': copy } },
    { group: 'io', name: 'readNpy big-endian [64, 32000] f32', bytes, run: () => io.readNpy(be), peers: { 'byte copy': copy } },
    { group: 'io', name: 'writeNpy [64, 32000] f32', bytes, run: () => io.writeNpy(x), peers: { 'byte copy': copy } },
    { group: 'io', name: 'readSafetensors [64, 32000] f32', bytes, run: () => io.readSafetensors(st, 'logits'), peers: { 'byte copy': copy } },
    { group: 'io', name: 'readNpz (stored) [64, 32000] f32', bytes, run: () => io.readNpz(npz, 'logits'), peers: { 'byte copy': copy } },
  ];
}
