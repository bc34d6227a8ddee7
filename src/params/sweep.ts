// A sweep: one setting over a list of values, each trained from scratch over a few seeds (pure).
// In the URL: `sweep=m:0,0.1,0.2&seeds=3&sweepSteps=1000`, `sweep=loss:softmax,arcface`,
// `sweep=dim:2,3,8,32`. The keys sit beside the ordinary ones; a link without them is unchanged.
import { LOSS_KINDS, type LossKind } from '../losses/registry';
import { PARAMS, defaultParams, rowFor, type NumberParam, type ParamDef, type ParamKey, type Params } from './table';
import { quote } from './values';
import { marginFor } from './margin';

/** The embedding dimensions a sweep offers: above 3 they train and are measured, not drawn. */
export const SWEEP_DIMS = [2, 3, 4, 8, 16, 32] as const;
export const MAX_SWEEP_DIM = 64;
export const SWEEP_DEFAULTS = { seeds: 3, steps: 1000 } as const;
export const SWEEP_LIMITS = { seeds: [1, 10], steps: [50, 20000], values: 12 } as const;

/** What a sweep varies: a numeric setting, the loss, or the embedding dimension. */
export type SweepKey = ParamKey | 'dim';

export interface SweepSpec {
  key: SweepKey;
  /** Numbers, or loss kinds for `loss`. */
  values: (number | LossKind)[];
  seeds: number;
  steps: number;
}

/** Scopes whose settings change what is trained: a sweep of anything else would train the same run N times. */
const TRAINED_SCOPES: readonly ParamDef['scope'][] = ['live', 'reset'];

/**
 * Numeric settings a sweep may vary: every number in the table that changes what is trained (its
 * scope), but the seed (seeds are the sweep's own); m with `loss`'s own range, as a link's `m=` is
 * read (`rowFor`).
 */
function numericRow(key: string, loss: LossKind): NumberParam | undefined {
  const row = (PARAMS as readonly ParamDef[]).find((r) => r.key === key);
  if (!row || row.type !== 'number' || row.key === 'seed' || !TRAINED_SCOPES.includes(row.scope)) return undefined;
  return rowFor(row, loss) as NumberParam;
}

/** The settings a sweep may vary (for menus and messages). */
export function sweepableKeys(): SweepKey[] {
  return ['loss', 'dim', ...(PARAMS as readonly ParamDef[]).filter((r) => numericRow(r.key, 'arcface')).map((r) => r.key as ParamKey)];
}

const clampInt = (v: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, Math.round(v)));

/**
 * The sweep a query asks for, or null, with a notice for each thing corrected: an unknown
 * setting, a value out of its range or not a number (left out), too many values, seeds or steps
 * out of range (clamped). Values of m are checked against `loss`'s range (the link's loss). Never throws.
 */
export function parseSweep(search: string, loss: LossKind = defaultParams().loss): { sweep: SweepSpec | null; notices: string[] } {
  const q = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const raw = q.get('sweep');
  if (raw === null || raw === '') return { sweep: null, notices: [] };
  const notices: string[] = [];
  const colon = raw.indexOf(':');
  const key = (colon < 0 ? raw : raw.slice(0, colon)).trim();
  const items =
    colon < 0
      ? []
      : raw
          .slice(colon + 1)
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '');
  const values: (number | LossKind)[] = [];
  if (key === 'loss') {
    for (const item of items)
      if (!(LOSS_KINDS as readonly string[]).includes(item)) notices.push(`sweep: ${quote(item)} is not a loss; left out.`);
      else if (!values.includes(item as LossKind)) values.push(item as LossKind);
  } else if (key === 'dim' || numericRow(key, loss)) {
    const row = numericRow(key, loss);
    const [lo, hi] = row ? [row.min, row.max] : [2, MAX_SWEEP_DIM];
    const integer = key === 'dim' || row?.integer === true;
    for (const item of items) {
      const v = Number(item);
      if (!Number.isFinite(v) || v < lo || v > hi || (integer && !Number.isInteger(v)))
        notices.push(`sweep: ${quote(item)} is not a value of ${key} (${integer ? 'an integer ' : ''}from ${lo} to ${hi}); left out.`);
      else if (!values.includes(v)) values.push(v);
    }
  } else {
    notices.push(`sweep: ${quote(key)} is not a setting a sweep can vary; no sweep. It can vary: ${sweepableKeys().join(', ')}.`);
    return { sweep: null, notices };
  }
  if (values.length > SWEEP_LIMITS.values) {
    notices.push(`sweep: at most ${SWEEP_LIMITS.values} values; the first ${SWEEP_LIMITS.values} are kept.`);
    values.length = SWEEP_LIMITS.values;
  }
  if (values.length === 0) {
    notices.push(`sweep: no value of ${quote(key)} to try; no sweep.`);
    return { sweep: null, notices };
  }
  const count = (name: 'seeds' | 'sweepSteps', limits: readonly [number, number], fallback: number) => {
    const text = q.get(name);
    if (text === null) return fallback;
    const v = Number(text);
    if (!Number.isFinite(v)) {
      notices.push(`${name}: ${quote(text)} is not a number; ${fallback} is used.`);
      return fallback;
    }
    const c = clampInt(v, limits);
    if (c === v) return c;
    const inRange = v >= limits[0] && v <= limits[1];
    notices.push(
      inRange
        ? `${name}: ${quote(text)} is not a whole number; ${c} is used.`
        : `${name}: ${quote(text)} is out of range (${limits[0]}–${limits[1]}); ${c} is used.`,
    );
    return c;
  };
  const seeds = count('seeds', SWEEP_LIMITS.seeds, SWEEP_DEFAULTS.seeds);
  const steps = count('sweepSteps', SWEEP_LIMITS.steps, SWEEP_DEFAULTS.steps);
  return { sweep: { key: key as SweepKey, values, seeds, steps }, notices };
}

/** The sweep's part of a link (after the ordinary keys); defaults are left out. */
export function encodeSweep(s: SweepSpec): string {
  const parts = [`sweep=${s.key}:${s.values.join(',')}`];
  if (s.seeds !== SWEEP_DEFAULTS.seeds) parts.push(`seeds=${s.seeds}`);
  if (s.steps !== SWEEP_DEFAULTS.steps) parts.push(`sweepSteps=${s.steps}`);
  return parts.join('&');
}

/** One run of a sweep: its value and seed (the base seed plus its index), in the order they run. */
export interface SweepRun {
  index: number;
  value: number | LossKind;
  seed: number;
}

/** The runs of a sweep: value by value, each over its seeds, so a value's mean is complete early. */
export function sweepRuns(s: SweepSpec, baseSeed: number): SweepRun[] {
  return s.values.flatMap((value, v) => Array.from({ length: s.seeds }, (_, k) => ({ index: v * s.seeds + k, value, seed: baseSeed + k })));
}

/**
 * The settings a run trains with: the page's, its value and its seed. The dimension is not a
 * setting above 3 (the app draws 2 and 3): it is returned apart, for the trainer's structure.
 */
export function runSettings(base: Params, key: SweepKey, run: SweepRun): { params: Params; dim: number } {
  const params = { ...base, seed: run.seed, compare: [] as Params['compare'] } as Params;
  if (key === 'dim') return { params: { ...params, dim: run.value === 2 ? '2' : '3' }, dim: run.value as number };
  (params as Record<string, unknown>)[key] = run.value;
  // A loss swept in moves m into its range, as choosing it from the menu does.
  if (key === 'loss') params.m = marginFor(params.loss, base.m, base.loss).m ?? params.m;
  return { params, dim: params.dim === '2' ? 2 : 3 };
}

/** A value as the panel and the CSV name it. */
export function valueLabel(key: SweepKey, value: number | LossKind): string {
  return key === 'dim' ? `${value}-D` : String(value);
}
