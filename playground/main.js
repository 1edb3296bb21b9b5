// The logitkit playground. Everything it shows is computed by the built
// package (aliased to ../dist/index.js by vite.config.mjs).
import * as lk from 'logitkit';

const $ = (id) => document.getElementById(id);
const fmt = (v) => (Number.isNaN(v) ? 'NaN' : Number.isInteger(v) ? String(v) : v.toFixed(3).replace(/0+$/, ''));

// ------------------------------------------------------------------ axis explorer
const PRESETS = {
  rand34: { shape: [3, 4], values: [3, 8, 1, 6, 7, 2, 9, 4, 5, 0, 6, 8] },
  ties: { shape: [3, 4], values: [3, 7, 7, 1, 5, 5, 2, 5, 0, 9, 9, 9] },
  nan: { shape: [3, 4], values: [1, NaN, 3, 2, NaN, NaN, NaN, NaN, 4, 8, NaN, 8] },
  cube: { shape: [2, 3, 4], values: [5, 1, 8, 2, 7, 7, 0, 3, 9, 4, 6, 1, 2, 8, 3, 3, 0, 5, 9, 9, 6, 1, 4, 7] },
  vec: { shape: [6], values: [2, 9, 4, 9, 1, 3] },
};
const RULES = {
  argmax: 'argmax: ties → the first occurrence wins; NaN → the first NaN wins (NumPy).',
  argmin: 'argmin: ties → the first occurrence wins; NaN → the first NaN wins (NumPy).',
  nanargmax: 'nanargmax: NaN is skipped (counts as -inf); an all-NaN slice is an error (ALL_NAN_SLICE).',
  nanargmin: 'nanargmin: NaN is skipped (counts as +inf); an all-NaN slice is an error (ALL_NAN_SLICE).',
};
const ax = { shape: [3, 4], values: PRESETS.rand34.values.slice(), injected: 0 };

function parseShape(s) {
  const parts = s.split(/[\s,x×]+/).filter(Boolean).map(Number);
  if (parts.length < 1 || parts.length > 3 || parts.some((d) => !Number.isInteger(d) || d < 1 || d > 12)) throw new Error('shape: 1 to 3 integers between 1 and 12, e.g. 3,4');
  return parts;
}
function parseValues(s) {
  return s.split(/[\s,]+/).filter(Boolean).map((t) => (/^nan$/i.test(t) ? NaN : Number(t)));
}
const size = (shape) => shape.reduce((a, b) => a * b, 1);

function axisOptions() {
  const sel = $('ax-axis');
  const keep = sel.value;
  const opts = ['none'].concat(ax.shape.map((_, i) => String(i)), ['-1']);
  sel.innerHTML = opts.map((o) => `<option value="${o}">${o === 'none' ? 'none (flattened)' : o === '-1' ? '-1 (last)' : o}</option>`).join('');
  sel.value = opts.includes(keep) ? keep : String(ax.shape.length - 1);
}

/** Flat C index of every winning cell. */
function winners(result, axis, keepdims) {
  if (axis === null) return [typeof result === 'number' ? result : result.data[result.offset]];
  const nd = ax.shape.length;
  const a = axis < 0 ? axis + nd : axis;
  const outShape = ax.shape.filter((_, i) => i !== a);
  const flat = lk.toNested(result);
  const list = [];
  const n = size(outShape);
  for (let k = 0; k < n; k++) {
    const idx = [];
    let r = k;
    for (let i = outShape.length - 1; i >= 0; i--) { idx.unshift(r % outShape[i]); r = Math.floor(r / outShape[i]); }
    let v = flat;
    const path = keepdims ? [...idx.slice(0, a), 0, ...idx.slice(a)] : idx;
    for (const p of path) v = v[p];
    const full = [...idx.slice(0, a), v, ...idx.slice(a)];
    let off = 0;
    for (let i = 0; i < nd; i++) off = off * ax.shape[i] + full[i];
    list.push(off);
  }
  return list;
}

function renderGrid(win) {
  const wins = new Set(win);
  const [d0, d1, d2] = ax.shape;
  const cell = (k) => {
    const v = ax.values[k];
    return `<td data-flat="${k}" class="${wins.has(k) ? 'win' : ''}${Number.isNaN(v) ? ' isnan' : ''}">${fmt(v)}</td>`;
  };
  const table = (rows, cols, base, caption) => {
    let h = `<table class="grid">${caption ? `<caption>${caption}</caption>` : ''}<tr><th></th>${Array.from({ length: cols }, (_, j) => `<th>${j}</th>`).join('')}</tr>`;
    for (let i = 0; i < rows; i++) h += `<tr><th>${i}</th>${Array.from({ length: cols }, (_, j) => cell(base + i * cols + j)).join('')}</tr>`;
    return `${h}</table>`;
  };
  if (ax.shape.length === 1) return table(1, d0, 0, 'x (1-D)');
  if (ax.shape.length === 2) return table(d0, d1, 0, 'x[i, j]: rows i (axis 0), columns j (axis 1)');
  return Array.from({ length: d0 }, (_, i) => table(d1, d2, i * d1 * d2, `x[${i}, :, :]`)).join('');
}

function updateAxis() {
  const fn = $('ax-fn').value;
  const axisV = $('ax-axis').value;
  const axis = axisV === 'none' ? null : Number(axisV);
  const keepdims = $('ax-keepdims').checked;
  $('ax-error').textContent = '';
  $('ax-rule').textContent = RULES[fn];
  const jsOpts = [];
  if (axis !== null) jsOpts.push(`axis: ${axis}`);
  if (keepdims) jsOpts.push('keepdims: true');
  const pyOpts = [];
  if (axis !== null) pyOpts.push(`axis=${axis}`);
  if (keepdims) pyOpts.push('keepdims=True');
  const lit = JSON.stringify(lk.toNested(lk.ndarray(Float64Array.from(ax.values), { shape: ax.shape }))).replace(/null/g, 'NaN');
  $('ax-code').textContent = `// logitkit\nimport { ${fn}, ndarray } from 'logitkit';\nconst x = ndarray(${lit.replace(/NaN/g, 'NaN')});\n${fn}(x${jsOpts.length ? `, { ${jsOpts.join(', ')} }` : ''})\n\n# NumPy\nx = np.array(${lit.replace(/NaN/g, 'np.nan')})\nnp.${fn}(x${pyOpts.length ? `, ${pyOpts.join(', ')}` : ''})`;
  let result;
  try {
    const x = lk.ndarray(Float64Array.from(ax.values), { shape: ax.shape });
    const opts = {};
    if (axis !== null) opts.axis = axis;
    if (keepdims) opts.keepdims = true;
    result = lk[fn](x, opts);
  } catch (e) {
    $('ax-grid').innerHTML = renderGrid([]);
    $('ax-rshape').textContent = '—';
    $('ax-result').textContent = '—';
    $('ax-error').textContent = `${e.code ?? e.name}: ${e.message}`;
    return;
  }
  const win = winners(result, axis, keepdims);
  $('ax-grid').innerHTML = renderGrid(win);
  $('ax-rshape').textContent = typeof result === 'number' ? 'a number (flat index)' : `[${result.shape.join(', ')}] int32`;
  $('ax-result').textContent = typeof result === 'number' ? String(result) : JSON.stringify(lk.toNested(result));
  $('ax-grid').dataset.winners = win.join(',');
}

function loadPreset(name) {
  const p = PRESETS[name];
  ax.shape = p.shape.slice();
  ax.values = p.values.slice();
  $('ax-shape').value = ax.shape.join(',');
  $('ax-values').value = ax.values.map(fmt).join(', ');
  axisOptions();
  updateAxis();
}

$('ax-preset').addEventListener('change', (e) => loadPreset(e.target.value));
$('ax-fn').addEventListener('change', updateAxis);
$('ax-axis').addEventListener('change', updateAxis);
$('ax-keepdims').addEventListener('change', updateAxis);
$('ax-shape').addEventListener('change', () => {
  try {
    const s = parseShape($('ax-shape').value);
    const n = size(s);
    const vals = Array.from({ length: n }, (_, i) => ax.values[i] ?? ((i * 7 + 3) % 10));
    ax.shape = s;
    ax.values = vals;
    $('ax-values').value = vals.map(fmt).join(', ');
    axisOptions();
    updateAxis();
  } catch (e) { $('ax-error').textContent = e.message; }
});
$('ax-values').addEventListener('input', () => {
  const v = parseValues($('ax-values').value);
  if (v.length !== size(ax.shape) || v.some((x) => x === undefined || (Number.isNaN(x) && false))) {
    $('ax-error').textContent = `values: ${v.length} numbers for shape [${ax.shape.join(', ')}], which needs ${size(ax.shape)}`;
    return;
  }
  ax.values = v;
  updateAxis();
});
$('ax-nan').addEventListener('click', () => {
  const n = ax.values.length;
  const k = (ax.injected * 5 + 1) % n;
  ax.injected++;
  ax.values[k] = NaN;
  $('ax-values').value = ax.values.map(fmt).join(', ');
  updateAxis();
});
$('ax-tie').addEventListener('click', () => {
  // copy the first winner's value into the last cell of its row, so the first occurrence must win
  const win = ($('ax-grid').dataset.winners ?? '').split(',').filter(Boolean).map(Number);
  const last = ax.shape[ax.shape.length - 1];
  const k = win[0] ?? 0;
  const rowEnd = k - (k % last) + last - 1;
  const target = rowEnd !== k ? rowEnd : k - (k % last);
  ax.values[target] = ax.values[k];
  $('ax-values').value = ax.values.map(fmt).join(', ');
  updateAxis();
});

// ------------------------------------------------------------------ sampling explorer
const S_PRESETS = {
  peaked: [5, 2, 1.5, 1, 0.5, 0, -1, -2, -3, -4],
  flat: [0.3, 0.1, 0.2, 0.25, 0.15, 0.05, 0.2, 0.1, 0.3, 0],
  longtail: [3, 2.2, 1.8, 1.5, 1.3, 1.1, 1, 0.9, 0.8, 0.7, 0.6, 0.5],
};
const DRAWS = 1000;

function readParams() {
  return {
    temperature: Number($('s-temp').value),
    topK: Number($('s-topk').value),
    topP: Number($('s-topp').value),
    minP: Number($('s-minp').value),
    seed: Math.max(0, Math.floor(Number($('s-seed').value) || 0)),
  };
}

/** The processed distribution (after temperature, min-p, top-k, top-p), from the library's processed_logprobs. */
function processed(logits, p) {
  const V = logits.length;
  const x = lk.ndarray(Float32Array.from(logits), { shape: [1, V] });
  if (p.temperature === 0) {
    const best = lk.argmax(x);
    return logits.map((_, i) => (i === best ? 1 : 0));
  }
  const out = lk.sample(x, { ...p, logprobs: V }, { logprobsMode: 'processed_logprobs' });
  const probs = new Array(V).fill(0);
  const { tokenIds, logprobs } = out.logprobs;
  for (let j = 1; j <= V; j++) probs[tokenIds[j]] = Math.exp(logprobs[j]);
  return probs;
}

function updateSampling() {
  $('s-temp-o').textContent = Number($('s-temp').value).toFixed(2);
  $('s-topk-o').textContent = $('s-topk').value === '0' ? 'off' : $('s-topk').value;
  $('s-topp-o').textContent = Number($('s-topp').value) === 1 ? 'off' : Number($('s-topp').value).toFixed(2);
  $('s-minp-o').textContent = Number($('s-minp').value) === 0 ? 'off' : Number($('s-minp').value).toFixed(2);
  $('s-error').textContent = '';
  const logits = parseValues($('s-logits').value);
  const V = logits.length;
  $('s-topk').max = String(V);
  const p = readParams();
  const params = [`temperature: ${p.temperature}`];
  if (p.topK) params.push(`topK: ${p.topK}`);
  if (p.topP !== 1) params.push(`topP: ${p.topP}`);
  if (p.minP) params.push(`minP: ${p.minP}`);
  params.push(`seed: ${p.seed}`);
  $('s-code').textContent = `import { sample } from 'logitkit';\nsample([[${logits.map(fmt).join(', ')}]],\n       { ${params.join(', ')} }).tokens  // Int32Array [1]\n\n# vLLM\nSamplingParams(${params.map((s) => s.replace(/^(\w+): /, (_m, k) => `${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}=`)).join(', ')})`;
  let probs, counts;
  try {
    if (typeof lk.sample !== 'function') throw new Error('this build of logitkit has no sample() yet');
    if (V < 1 || logits.some((v) => Number.isNaN(v))) throw new Error('logits: a comma-separated list of numbers');
    probs = processed(logits, p);
    const rows = new Float32Array(DRAWS * V);
    for (let i = 0; i < DRAWS; i++) rows.set(logits, i * V);
    const requests = Array.from({ length: DRAWS }, (_, i) => ({ params: { temperature: p.temperature, topK: p.topK, topP: p.topP, minP: p.minP, seed: p.seed * DRAWS + i } }));
    const { tokens } = lk.sample(lk.ndarray(rows, { shape: [DRAWS, V] }), requests);
    counts = new Array(V).fill(0);
    for (const t of tokens) counts[t]++;
  } catch (e) {
    $('s-error').textContent = `${e.code ?? e.name}: ${e.message}`;
    $('s-bars').innerHTML = '';
    $('s-kept').textContent = '—';
    return;
  }
  const top = Math.max(...probs, ...counts.map((c) => c / DRAWS), 1e-9);
  $('s-bars').innerHTML = logits.map((l, i) => {
    const pr = probs[i], fr = counts[i] / DRAWS;
    const kept = pr > 0;
    return `<div class="bar${kept ? ' kept' : ''}" data-token="${i}" data-prob="${pr}" data-count="${counts[i]}" data-kept="${kept}" title="token ${i}: logit ${fmt(l)}, p = ${pr.toFixed(4)}, drawn ${counts[i]}/${DRAWS}">`
      + `<div class="p" style="height:${(pr / top) * 100}%"></div><div class="h" style="height:${(fr / top) * 100}%"></div>`
      + `<div class="x" style="bottom:calc(${(pr / top) * 100}% - 1px)"></div><div class="lbl">${i}<br>${pr.toFixed(3)}</div></div>`;
  }).join('');
  const kept = probs.map((v, i) => (v > 0 ? i : -1)).filter((i) => i >= 0);
  $('s-kept').textContent = `{${kept.join(', ')}}  (${kept.length} of ${V})`;
  $('s-kept').dataset.kept = kept.join(',');
  const maxDev = Math.max(...probs.map((v, i) => Math.abs(v - counts[i] / DRAWS)));
  $('s-draws').textContent = `${DRAWS} seeded draws, largest |frequency − p| = ${maxDev.toFixed(3)}; never a dropped token: ${counts.every((c, i) => c === 0 || probs[i] > 0)}`;
}

function loadSamplingPreset(name) {
  $('s-logits').value = S_PRESETS[name].join(', ');
  updateSampling();
}
$('s-preset').addEventListener('change', (e) => loadSamplingPreset(e.target.value));
$('s-logits').addEventListener('change', updateSampling);
for (const id of ['s-temp', 's-topk', 's-topp', 's-minp', 's-seed']) $(id).addEventListener('input', updateSampling);

loadPreset('rand34');
loadSamplingPreset('peaked');
document.body.dataset.ready = 'true';
