import type { EvalResult } from './evaluate.js';
import type { CalibrationBin } from './lib.js';

/** Escapes text for HTML and SVG (class names come from user files). */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const n2 = (v: number): string => (Number.isFinite(v) ? v.toFixed(2) : '0');
const pct = (v: number): string => (Number.isNaN(v) ? 'n/a' : `${(v * 100).toFixed(1)}%`);

interface Frame { w: number; h: number; l: number; r: number; t: number; b: number }
const frame: Frame = { w: 360, h: 300, l: 48, r: 12, t: 16, b: 40 };
const X = (f: Frame, v: number) => f.l + v * (f.w - f.l - f.r);
const Y = (f: Frame, v: number) => f.h - f.b - v * (f.h - f.t - f.b);

function axes(f: Frame, xLabel: string, yLabel: string): string {
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  let s = `<rect x="${f.l}" y="${f.t}" width="${f.w - f.l - f.r}" height="${f.h - f.t - f.b}" fill="#fafafa" stroke="#999"/>`;
  for (const t of ticks) {
    s += `<line x1="${n2(X(f, t))}" y1="${f.h - f.b}" x2="${n2(X(f, t))}" y2="${f.h - f.b + 4}" stroke="#666"/><text x="${n2(X(f, t))}" y="${f.h - f.b + 16}" text-anchor="middle">${t}</text>`;
    s += `<line x1="${f.l - 4}" y1="${n2(Y(f, t))}" x2="${f.l}" y2="${n2(Y(f, t))}" stroke="#666"/><text x="${f.l - 7}" y="${n2(Y(f, t) + 4)}" text-anchor="end">${t}</text>`;
  }
  s += `<text x="${(f.l + f.w - f.r) / 2}" y="${f.h - 6}" text-anchor="middle">${esc(xLabel)}</text>`;
  s += `<text transform="translate(13 ${(f.t + f.h - f.b) / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>`;
  return s;
}

function svg(f: Frame, body: string, label: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(label)}" width="${f.w}" height="${f.h}" viewBox="0 0 ${f.w} ${f.h}" font-family="system-ui, sans-serif" font-size="11">${body}</svg>`;
}

/** Reliability diagram: per-bin accuracy bars against the diagonal, one panel per calibration. */
export function reliabilitySvg(bins: CalibrationBin[], title: string, ece: number): string {
  const f = frame;
  let s = axes(f, 'confidence', 'accuracy');
  s += `<line x1="${X(f, 0)}" y1="${Y(f, 0)}" x2="${X(f, 1)}" y2="${Y(f, 1)}" stroke="#888" stroke-dasharray="4 3"/>`;
  const total = bins.reduce((a, b) => a + b.count, 0) || 1;
  for (const b of bins) {
    if (b.count === 0) continue;
    const x0 = X(f, b.lo) + 1, x1 = X(f, b.hi) - 1;
    s += `<rect class="bar" x="${n2(x0)}" y="${n2(Y(f, b.accuracy))}" width="${n2(Math.max(0.5, x1 - x0))}" height="${n2(Y(f, 0) - Y(f, b.accuracy))}" fill="#3b6fb6" fill-opacity="${n2(0.35 + 0.65 * Math.min(1, (b.count / total) * 5))}"><title>(${b.lo.toFixed(3)}, ${b.hi.toFixed(3)}]: ${b.count} samples, accuracy ${pct(b.accuracy)}, confidence ${pct(b.confidence)}</title></rect>`;
    s += `<circle cx="${n2(X(f, b.confidence))}" cy="${n2(Y(f, b.accuracy))}" r="2.5" fill="#d9480f"/>`;
  }
  s += `<text x="${f.l + 8}" y="${f.t + 16}" font-weight="600">${esc(title)} — ECE ${ece.toFixed(4)}</text>`;
  return svg(f, s, `reliability diagram ${title}`);
}

/** Confusion-matrix heat map, rows normalised by the true class count. */
export function confusionSvg(cm: number[][], classes: string[]): string {
  const c = classes.length;
  const cell = Math.max(6, Math.min(34, Math.floor(420 / c)));
  const lab = Math.min(90, 10 + 7 * Math.max(...classes.map((s) => Math.min(s.length, 12))));
  const w = lab + c * cell + 10, h = lab + c * cell + 30;
  let s = '';
  for (let i = 0; i < c; i++) {
    const rowSum = cm[i]!.reduce((a, b) => a + b, 0) || 1;
    for (let j = 0; j < c; j++) {
      const v = cm[i]![j]!;
      const frac = v / rowSum;
      const light = Math.round(100 - Math.sqrt(frac) * 62); // sqrt: small off-diagonal counts stay visible
      const hue = i === j ? 212 : 12;
      s += `<rect class="cell" x="${lab + j * cell}" y="${lab + i * cell}" width="${cell - 1}" height="${cell - 1}" fill="hsl(${hue} 70% ${light}%)"><title>true ${esc(classes[i]!)}, predicted ${esc(classes[j]!)}: ${v} (${pct(frac)} of the row)</title></rect>`;
      if (cell >= 24 && v > 0) s += `<text x="${lab + j * cell + cell / 2}" y="${lab + i * cell + cell / 2 + 4}" text-anchor="middle" font-size="${cell >= 30 ? 10 : 8}" fill="${frac > 0.55 ? '#fff' : '#222'}">${v}</text>`;
    }
  }
  const every = Math.ceil(c / 40);
  for (let k = 0; k < c; k += every) {
    const name = esc(classes[k]!.slice(0, 12));
    s += `<text x="${lab - 4}" y="${lab + k * cell + cell / 2 + 4}" text-anchor="end">${name}</text>`;
    s += `<text transform="translate(${lab + k * cell + cell / 2 + 4} ${lab - 4}) rotate(-90)">${name}</text>`;
  }
  s += `<text x="${lab + (c * cell) / 2}" y="${h - 8}" text-anchor="middle">predicted class (columns); true class (rows)</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="confusion matrix" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="system-ui, sans-serif" font-size="11">${s}</svg>`;
}

/** Accuracy of the answered rows as the coverage (answered fraction) grows. */
export function coverageSvg(curve: EvalResult['curve'], threshold?: EvalResult['threshold']): string {
  const f = frame;
  const lo = Math.max(0, Math.floor(Math.min(...curve.map((p) => p.accuracy)) * 10) / 10 - 0.05);
  const Yc = (v: number) => Y(f, (v - lo) / (1 - lo));
  let s = axes(f, 'coverage (fraction answered)', 'accuracy on answered');
  // relabel y ticks for the zoomed range
  s = s.replace(/(<text x="\d+(?:\.\d+)?" y="[\d.]+" text-anchor="end">)([\d.]+)(<\/text>)/g, (_m, a: string, t: string, b: string) => `${a}${(lo + Number(t) * (1 - lo)).toFixed(2)}${b}`);
  const pts = curve.map((p) => `${n2(X(f, p.coverage))},${n2(Yc(p.accuracy))}`).join(' ');
  s += `<polyline class="curve" points="${pts}" fill="none" stroke="#3b6fb6" stroke-width="2"/>`;
  if (threshold && threshold.coverage > 0) {
    s += `<circle cx="${n2(X(f, threshold.coverage))}" cy="${n2(Yc(threshold.accuracy))}" r="4.5" fill="#d9480f"><title>--threshold ${threshold.value}: coverage ${pct(threshold.coverage)}, accuracy ${pct(threshold.accuracy)}</title></circle>`;
  }
  return svg(f, s, 'accuracy versus coverage');
}

/** Horizontal bars of per-class accuracy (recall), with the sample count. */
export function perClassSvg(perClass: number[], support: number[], classes: string[]): string {
  const c = classes.length;
  const row = Math.max(4, Math.min(20, Math.floor(600 / c)));
  const lab = Math.min(110, 12 + 7 * Math.max(...classes.map((s) => Math.min(s.length, 14))));
  const bw = 260, w = lab + bw + 110, h = c * row + 26;
  let s = `<line x1="${lab}" y1="4" x2="${lab}" y2="${c * row + 6}" stroke="#999"/>`;
  for (let i = 0; i < c; i++) {
    const v = perClass[i]!;
    const y = 6 + i * row;
    if (row >= 10 || i % Math.ceil(10 / row) === 0) s += `<text x="${lab - 5}" y="${y + row / 2 + 4}" text-anchor="end">${esc(classes[i]!.slice(0, 14))}</text>`;
    if (!Number.isNaN(v)) s += `<rect class="bar" x="${lab}" y="${y + 1}" width="${n2(v * bw)}" height="${row - 2}" fill="#3b6fb6"><title>${esc(classes[i]!)}: ${pct(v)} of ${support[i]}</title></rect>`;
    if (row >= 10) s += `<text x="${lab + bw + 6}" y="${y + row / 2 + 4}">${pct(v)} (n=${support[i]})</text>`;
  }
  s += `<text x="${lab + bw / 2}" y="${h - 4}" text-anchor="middle">accuracy (recall) per true class</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="per-class accuracy" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="system-ui, sans-serif" font-size="11">${s}</svg>`;
}

/**
 * The `eval --report` page: one self-contained HTML file (inline CSS and SVG,
 * no scripts, no external resources), readable offline.
 */
export function renderReport(r: EvalResult, generated = new Date()): string {
  const rows: [string, string][] = [
    ['samples × classes', `${r.n} × ${r.classes.length}`],
    ['accuracy', pct(r.accuracy)],
    ['ECE (15 bins), raw', r.eceBefore.toFixed(4)],
    ['fitted temperature T', r.temperature.toFixed(3)],
    ['ECE after temperature scaling', r.eceAfter.toFixed(4)],
  ];
  if (r.threshold) rows.push([`confidence threshold ${r.threshold.value}`, `answers ${pct(r.threshold.coverage)}, accuracy ${pct(r.threshold.accuracy)} on those`]);
  if (r.conformal) rows.push([`conformal sets (α = ${r.conformal.alpha}, LAC)`, `coverage ${pct(r.conformal.coverage)}, mean set size ${r.conformal.meanSetSize.toFixed(2)} (calibrated on ${r.conformal.calibration} rows, tested on ${r.conformal.test})`]);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>logitkit eval — ${esc(r.sources.logits)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1180px;padding:0 16px;color:#222}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px}
.meta{color:#666}table.summary{border-collapse:collapse}table.summary td{padding:4px 14px 4px 0;border-bottom:1px solid #eee}
.grid{display:flex;flex-wrap:wrap;gap:20px}figure{margin:0}figcaption{color:#555;font-size:12px;max-width:380px}
</style></head><body>
<h1>logitkit eval</h1>
<p class="meta">logits <code>${esc(r.sources.logits)}</code> [${r.sources.shape.join(', ')}] ${esc(r.sources.dtype)} · labels <code>${esc(r.sources.labels)}</code> · ${esc(generated.toISOString())}</p>
<table class="summary">${rows.map(([k, v]) => `<tr><td>${esc(k)}</td><td><b>${esc(v)}</b></td></tr>`).join('')}</table>
<h2>Calibration</h2>
<div class="grid">
<figure>${reliabilitySvg(r.binsBefore, 'raw softmax', r.eceBefore)}<figcaption>Bars: accuracy per confidence bin (darker = more samples); dots: mean confidence of the bin; dashed: perfect calibration.</figcaption></figure>
<figure>${reliabilitySvg(r.binsAfter, `T = ${r.temperature.toFixed(3)}`, r.eceAfter)}<figcaption>After dividing the logits by the fitted temperature (minimum NLL).</figcaption></figure>
</div>
<h2>Abstention: accuracy versus coverage</h2>
<figure>${coverageSvg(r.curve, r.threshold)}<figcaption>Answering only the most confident rows (max softmax probability). ${r.threshold ? 'The dot marks --threshold.' : ''}</figcaption></figure>
<h2>Confusion matrix</h2>
<figure>${confusionSvg(r.confusion, r.classes)}<figcaption>Colour: fraction of the true class's row (blue on the diagonal, red off it). Hover a cell for its count.</figcaption></figure>
<h2>Per-class accuracy</h2>
<figure>${perClassSvg(r.perClass, r.support, r.classes)}</figure>
</body></html>
`;
}
