// Deterministic bench data shared by every suite: mulberry32 uniforms in
// [-scale, scale), so each run times the same inputs.

/** A Float32Array of n uniforms in [-scale, scale) from mulberry32(seed). */
export function randomF32(n, seed = 1, scale = 1) {
  const a = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    a[i] = ((((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1) * scale;
  }
  return a;
}
