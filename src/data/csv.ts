// Your own data: a CSV with a label column and numeric features, checked line by line (pure).
import Papa from 'papaparse';
import { CSV_LIMITS } from './csvLimits';

export { CSV_LIMITS };

/** Column names that mark the label column in a header. */
const LABEL_NAMES = new Set(['label', 'labels', 'class', 'y', 'target', 'identity', 'species', 'digit']);

/** Parsed user data: features standardised per column (mean 0, std 1), labels 0…C−1. */
export interface CustomData {
  /** n×d row-major features. */
  x: Float32Array;
  y: Int32Array;
  n: number;
  inputDim: number;
  numClasses: number;
  /** The original label of each class id, in class-id order. */
  classNames: string[];
  /** Where it came from, for people ("iris.csv"). */
  source: string;
}

export type CsvResult = { ok: true; data: CustomData } | { ok: false; error: string };

const isNumber = (s: string) => s.trim() !== '' && Number.isFinite(Number(s));
const quote = (s: string) => JSON.stringify(s.length > 30 ? `${s.slice(0, 30)}…` : s);

/** Sorts class names numerically when they all are numbers, else alphabetically. */
function sortLabels(names: string[]): string[] {
  return names.every(isNumber) ? names.sort((a, b) => Number(a) - Number(b)) : names.sort((a, b) => a.localeCompare(b));
}

/**
 * Parses CSV text. The label column is the header's `label`/`class`/`y`/`target`/`identity`/
 * `species`/`digit` column, else the only column holding text, else the first. The first row is a
 * header when any of its cells other than the label's is not a number. Every other column must be
 * a finite number on every line. Errors name the line (1 is the file's first line) and the problem.
 */
export function parseCsv(text: string, source = 'pasted data'): CsvResult {
  const fail = (error: string): CsvResult => ({ ok: false, error: `${source}: ${error}` });
  if (text.length > CSV_LIMITS.bytes)
    return fail(`the file is ${(text.length / 1e6).toFixed(0)} MB; at most ${CSV_LIMITS.bytes / 1024 / 1024} MB.`);
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimiter: '' });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) return fail(`line ${(quoteError.row ?? 0) + 1}: ${quoteError.message.toLowerCase()}.`);
  const rows = parsed.data;
  // Papa reports rows, not lines; blank lines are skipped, so recover each row's line number.
  const lineOf = lineNumbers(text, rows.length);
  if (rows.length === 0) return fail('the file is empty.');
  const first = rows[0]!;
  if (first.length < 2) return fail(`line ${lineOf(0)}: found ${first.length} column; need a label column and at least one feature.`);
  // The label column: one named so in a header; else the only column whose first data value is
  // not a number (iris-style names, wherever they stand); else the first.
  const headerLabel = first.findIndex((c) => LABEL_NAMES.has(c.trim().toLowerCase()));
  const probe = rows.length > 1 && first.some((c) => !isNumber(c)) ? rows[1]! : first;
  const textual = probe.map((c, i) => (isNumber(c) ? -1 : i)).filter((i) => i >= 0);
  const labelCol = headerLabel >= 0 ? headerLabel : textual.length === 1 ? textual[0]! : 0;
  const hasHeader = headerLabel >= 0 || first.some((c, i) => i !== labelCol && !isNumber(c));
  const names = hasHeader ? first.map((c, i) => c.trim() || `column ${i + 1}`) : first.map((_, i) => `column ${i + 1}`);
  const body = hasHeader ? 1 : 0;
  const n = rows.length - body;
  const d = first.length - 1;
  if (d > CSV_LIMITS.features) return fail(`${d} feature columns; at most ${CSV_LIMITS.features}.`);
  if (n === 0) return fail(`line ${lineOf(0)} is a header and no data rows follow.`);
  if (n > CSV_LIMITS.rows) return fail(`${n.toLocaleString('en-US')} data rows; at most ${CSV_LIMITS.rows.toLocaleString('en-US')}.`);
  const x = new Float32Array(n * d);
  const raw: string[] = new Array(n);
  for (let r = 0; r < n; r++) {
    const cells = rows[body + r]!;
    const line = lineOf(body + r);
    if (cells.length !== first.length)
      return fail(`line ${line}: ${cells.length} values; expected ${first.length}, as on line ${lineOf(0)}.`);
    let k = 0;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c]!.trim();
      if (c === labelCol) {
        if (cell === '') return fail(`line ${line}: the label (${names[c]}) is empty.`);
        raw[r] = cell;
        continue;
      }
      if (cell === '') return fail(`line ${line}, column ${c + 1} (${names[c]}): the value is missing.`);
      const v = Number(cell);
      if (!Number.isFinite(v)) return fail(`line ${line}, column ${c + 1} (${names[c]}): ${quote(cell)} is not a finite number.`);
      x[r * d + k++] = v;
    }
  }
  const classNames = sortLabels([...new Set(raw)]);
  if (classNames.length < CSV_LIMITS.minClasses)
    return fail(`every row has the label ${quote(classNames[0] ?? '')}; need at least ${CSV_LIMITS.minClasses} classes.`);
  if (classNames.length > CSV_LIMITS.maxClasses)
    return fail(`${classNames.length} classes; at most ${CSV_LIMITS.maxClasses} (one colour each).`);
  const id = new Map(classNames.map((name, i) => [name, i]));
  const y = Int32Array.from(raw, (name) => id.get(name)!);
  const counts = classNames.map((_, c) => y.reduce((a, v) => a + (v === c ? 1 : 0), 0));
  const thin = counts.findIndex((k) => k < 2);
  if (thin >= 0) return fail(`class ${quote(classNames[thin]!)} has ${counts[thin]} row; each class needs at least 2.`);
  standardise(x, n, d);
  return { ok: true, data: { x, y, n, inputDim: d, numClasses: classNames.length, classNames, source } };
}

/** Each column to mean 0 and standard deviation 1 (a constant column to 0), in place. */
export function standardise(x: Float32Array, n: number, d: number): void {
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i * d + j]!;
    mean /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (x[i * d + j]! - mean) ** 2;
    const sd = Math.sqrt(v / n);
    for (let i = 0; i < n; i++) x[i * d + j] = sd > 0 ? (x[i * d + j]! - mean) / sd : 0;
  }
}

/** The 1-based line number of each non-blank row (Papa skips blank lines, and quoted newlines stay inside a row). */
function lineNumbers(text: string, count: number): (row: number) => number {
  const starts: number[] = [];
  let line = 1;
  let inQuote = false;
  let atRowStart = true;
  let blank = true;
  for (let i = 0; i <= text.length && starts.length < count; i++) {
    const ch = text[i];
    if (atRowStart) {
      blank = true;
      atRowStart = false;
      starts.push(line);
    }
    if (ch === '"') inQuote = !inQuote;
    if (ch !== undefined && ch !== '\n' && ch !== '\r' && ch.trim() !== '' && ch !== ',') blank = false;
    if ((ch === '\n' || ch === undefined) && !inQuote) {
      if (blank) starts.pop();
      atRowStart = true;
    }
    if (ch === '\n') line++;
  }
  return (row) => starts[row] ?? row + 1;
}
