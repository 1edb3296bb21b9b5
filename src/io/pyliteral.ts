/**
 * A tiny parser for the Python literal that an .npy header holds, e.g.
 * `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }`.
 * Accepts dicts, tuples, lists, strings, ints (Python 2 `L` suffix too),
 * True/False/None. Iterative bounds: nesting is capped so hostile headers
 * cannot blow the stack.
 */
export type PyValue = string | number | boolean | null | PyValue[] | { [key: string]: PyValue };

const MAX_DEPTH = 16;

export function parsePyLiteral(text: string): PyValue {
  let i = 0;
  const fail = (what: string): never => { throw new SyntaxError(`${what} at character ${i}`); };
  const ws = (): void => { while (i < text.length && /\s/.test(text[i]!)) i++; };
  const value = (depth: number): PyValue => {
    if (depth > MAX_DEPTH) fail('nesting too deep');
    ws();
    const c = text[i];
    if (c === undefined) return fail('unexpected end');
    if (c === '{') {
      i++;
      const obj: { [key: string]: PyValue } = Object.create(null) as { [key: string]: PyValue };
      for (;;) {
        ws();
        if (text[i] === '}') { i++; return obj; }
        const k = value(depth + 1);
        if (typeof k !== 'string') fail('dict key must be a string');
        ws();
        if (text[i] !== ':') fail("expected ':'");
        i++;
        obj[k as string] = value(depth + 1);
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return obj; }
        fail("expected ',' or '}'");
      }
    }
    if (c === '(' || c === '[') {
      const close = c === '(' ? ')' : ']';
      i++;
      const arr: PyValue[] = [];
      for (;;) {
        ws();
        if (text[i] === close) { i++; return arr; }
        arr.push(value(depth + 1));
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === close) { i++; return arr; }
        fail(`expected ',' or '${close}'`);
      }
    }
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) fail('unterminated string');
      const s = text.slice(i + 1, end);
      if (s.includes('\\')) fail('escapes are not supported in header strings');
      i = end + 1;
      return s;
    }
    const m = /^(-?\d+)L?|^(True|False|None)\b/.exec(text.slice(i, i + 40));
    if (m === null) return fail('unexpected token');
    i += m[0].length;
    if (m[1] !== undefined) return Number(m[1]);
    return m[2] === 'True' ? true : m[2] === 'False' ? false : null;
  };
  const v = value(0);
  ws();
  if (i < text.length) fail('trailing characters');
  return v;
}
