// Run files: a run's parameters, seed, metric history and final weights as JSON, and their checked reading (pure).
import type { HistoryRows } from '../state/runHistory';
import type { NamedTensor } from '../train/frame';

export const RUN_FORMAT = 'hypersphere-run';
/** The run-file version this build writes and the newest it reads. */
export const RUN_VERSION = 1;
/** Larger files are refused before they are read. */
export const MAX_RUN_FILE_BYTES = 64 * 1024 * 1024;

/** One model's final learned tensors. */
export interface RunWeights {
  step: number;
  tensors: { name: string; shape: number[]; values: number[] }[];
}

export interface RunFile {
  format: typeof RUN_FORMAT;
  version: number;
  savedAt: string;
  /** The run's link (every parameter, the seed and any compare entries): `?` + this reopens it. */
  query: string;
  seed: number;
  /** Each panel's title (one in the single view). */
  panels: string[];
  /** Steps, then per panel loss, train accuracy and test accuracy. */
  history: HistoryRows;
  weights: RunWeights[];
}

/** A run file for the current run (numbers as plain arrays; NaN, which JSON lacks, as null). */
export function makeRunFile(
  query: string,
  seed: number,
  panels: string[],
  history: HistoryRows,
  weights: { step: number; tensors: NamedTensor[] }[],
): RunFile {
  return {
    format: RUN_FORMAT,
    version: RUN_VERSION,
    savedAt: new Date().toISOString(),
    query,
    seed,
    panels,
    history: history.map((c) => c.slice()),
    weights: weights.map((w) => ({
      step: w.step,
      tensors: w.tensors.map((t) => ({ name: t.name, shape: t.shape, values: Array.from(t.values) })),
    })),
  };
}

const isNumberArray = (v: unknown): v is (number | null)[] =>
  Array.isArray(v) && v.every((x) => x === null || (typeof x === 'number' && Number.isFinite(x)));

/** Reads a run file; a malformed, foreign or too-new file gives the problem in a sentence. */
export function parseRunFile(text: string): { file: RunFile } | { error: string } {
  if (text.length > MAX_RUN_FILE_BYTES) return { error: `the file is larger than ${MAX_RUN_FILE_BYTES / 1024 / 1024} MB` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { error: `it is not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { error: 'it is not a Hypersphere run file (no JSON object)' };
  const f = raw as Record<string, unknown>;
  if (f.format !== RUN_FORMAT)
    return { error: `it is not a Hypersphere run file (format ${JSON.stringify(f.format ?? null)}, expected "${RUN_FORMAT}")` };
  if (typeof f.version !== 'number' || !Number.isInteger(f.version) || f.version < 1)
    return { error: `its version ${JSON.stringify(f.version ?? null)} is not a whole number ≥ 1` };
  if (f.version > RUN_VERSION)
    return { error: `it was saved by a newer Hypersphere (run-file version ${f.version}; this one reads up to ${RUN_VERSION})` };
  if (typeof f.query !== 'string' || f.query.length > 4000)
    return { error: 'its "query" (the run’s parameters) is missing or not a short string' };
  if (typeof f.seed !== 'number' || !Number.isInteger(f.seed)) return { error: 'its "seed" is not a whole number' };
  if (!Array.isArray(f.panels) || f.panels.length < 1 || !f.panels.every((t) => typeof t === 'string'))
    return { error: 'its "panels" is not a list of titles' };
  const h = f.history;
  if (!Array.isArray(h) || h.length !== 1 + 3 * f.panels.length || !h.every(isNumberArray)) {
    return {
      error: `its "history" is not ${1 + 3 * f.panels.length} columns of numbers (steps, then loss, train and test accuracy per panel)`,
    };
  }
  const steps = (h as number[][])[0]!.length;
  if (!(h as unknown[][]).every((c) => c.length === steps)) return { error: 'its "history" columns differ in length' };
  if (!Array.isArray(f.weights) || f.weights.length !== f.panels.length) return { error: 'its "weights" do not give one model per panel' };
  for (const [i, w] of (f.weights as unknown[]).entries()) {
    const m = w as { step?: unknown; tensors?: unknown };
    if (typeof m !== 'object' || m === null || typeof m.step !== 'number' || !Array.isArray(m.tensors))
      return { error: `its weights of panel ${i + 1} are malformed` };
    for (const t of m.tensors as { name?: unknown; shape?: unknown; values?: unknown }[]) {
      const shapeOk = Array.isArray(t?.shape) && t.shape.every((d) => Number.isInteger(d) && d >= 0);
      if (
        typeof t?.name !== 'string' ||
        !shapeOk ||
        !isNumberArray(t.values) ||
        t.values.length !== (t.shape as number[]).reduce((a, b) => a * b, 1)
      ) {
        return {
          error: `its weights of panel ${i + 1} have a tensor ${JSON.stringify(t?.name ?? '?')} whose values do not fill its shape`,
        };
      }
    }
  }
  return { file: { ...(f as unknown as RunFile), history: (h as (number | null)[][]).map((c) => c.map((x) => (x === null ? NaN : x))) } };
}
