// JavaScript values as Python literals (settings, specs, the app's numbers), for the notebook's cells.

/** A value as Python writes it: None, True/False, numbers (NaN and ∞ as float(...)), strings, lists, dicts. */
export function pyLiteral(v: unknown, indent = 0): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'float("nan")';
    if (!Number.isFinite(v)) return v > 0 ? 'float("inf")' : '-float("inf")';
    return String(v);
  }
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    const items = Array.from(v as ArrayLike<unknown>, (x) => pyLiteral(x, indent + 4));
    const flat = `[${items.join(', ')}]`;
    if (flat.length + indent <= 100 && !flat.includes('\n')) return flat;
    const pad = ' '.repeat(indent + 4);
    return `[\n${items.map((x) => `${pad}${x},`).join('\n')}\n${' '.repeat(indent)}]`;
  }
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    const flat = `{${entries.map(([k, x]) => `${JSON.stringify(k)}: ${pyLiteral(x, indent + 4)}`).join(', ')}}`;
    if (flat.length + indent <= 100 && !flat.includes('\n')) return flat;
    const pad = ' '.repeat(indent + 4);
    return `{\n${entries.map(([k, x]) => `${pad}${JSON.stringify(k)}: ${pyLiteral(x, indent + 4)},`).join('\n')}\n${' '.repeat(indent)}}`;
  }
  throw new Error(`no Python literal for ${typeof v}`);
}
