/**
 * Brent's method for a 1-D minimum on [a, b] (Brent 1973, "Algorithms for
 * Minimization without Derivatives", ch. 5; the classic `fmin`): golden-section
 * steps with parabolic interpolation when it is safe. For a unimodal f it
 * brackets the minimum and converges superlinearly; it never evaluates f
 * outside (a, b), so both ends are checked afterwards, making minima on the
 * boundary exact. At most `maxEvaluations` calls of f in total.
 */
export interface MinimizeResult {
  readonly x: number;
  readonly fx: number;
  readonly evaluations: number;
}

const GOLDEN = (3 - Math.sqrt(5)) / 2;
const EPS = Math.sqrt(Number.EPSILON);

export function minimizeBounded(f: (x: number) => number, lo: number, hi: number, tol: number, maxEvaluations: number): MinimizeResult {
  let a = lo, b = hi;
  let x = a + GOLDEN * (b - a), w = x, v = x;
  let fx = f(x), fw = fx, fv = fx;
  let evaluations = 1;
  let d = 0, e = 0;
  // two evaluations are kept back for the end points
  while (evaluations < maxEvaluations - 2) {
    const xm = 0.5 * (a + b);
    const tol1 = EPS * Math.abs(x) + tol / 3, tol2 = 2 * tol1;
    if (Math.abs(x - xm) <= tol2 - 0.5 * (b - a)) break;
    let golden = true;
    if (Math.abs(e) > tol1) {
      let r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p; else q = -q;
      r = e; e = d;
      if (Math.abs(p) < Math.abs(0.5 * q * r) && p > q * (a - x) && p < q * (b - x)) {
        d = p / q;
        const u = x + d;
        if (u - a < tol2 || b - u < tol2) d = xm >= x ? tol1 : -tol1;
        golden = false;
      }
    }
    if (golden) { e = (x < xm ? b : a) - x; d = GOLDEN * e; }
    const u = Math.abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1);
    const fu = f(u);
    evaluations++;
    if (fu <= fx) {
      if (u < x) b = x; else a = x;
      v = w; fv = fw; w = x; fw = fx; x = u; fx = fu;
    } else {
      if (u < x) a = u; else b = u;
      if (fu <= fw || w === x) { v = w; fv = fw; w = u; fw = fu; }
      else if (fu <= fv || v === x || v === w) { v = u; fv = fu; }
    }
  }
  for (const end of [lo, hi]) {
    const fe = f(end);
    evaluations++;
    if (fe < fx) { x = end; fx = fe; }
  }
  return { x, fx, evaluations };
}
