// One typed table of every parameter: defaults, ranges, URL keys and controls all derive from it.
import type { LossKind } from '../losses/types';

/** When a change takes effect: live (next step), reset (a new run), view (drawing only), page (layout). */
export type Scope = 'live' | 'reset' | 'view' | 'page';

interface Base {
  key: string;
  label: string;
  scope: Scope;
  /** The losses this parameter matters for; absent: all. */
  losses?: readonly LossKind[];
  help?: string;
}
export interface NumberParam extends Base {
  type: 'number';
  default: number;
  min: number;
  max: number;
  step: number;
  integer?: boolean;
}
export interface EnumParam<T extends string = string> extends Base {
  type: 'enum';
  default: T;
  choices: readonly T[];
  /** Labels for people, same order as choices. */
  choiceLabels?: readonly string[];
}
export interface BoolParam extends Base {
  type: 'bool';
  default: boolean;
}
export interface SetParam<T extends string = string> extends Base {
  type: 'set';
  default: readonly T[];
  choices: readonly T[];
}
export type ParamDef = NumberParam | EnumParam | BoolParam | SetParam;

const COSINE_MARGIN: readonly LossKind[] = ['normface', 'cosface', 'arcface', 'combined'];

export const LOSS_CHOICES = ['softmax', 'center', 'normface', 'sphereface', 'cosface', 'arcface', 'combined'] as const satisfies readonly LossKind[];
export const LOSS_LABELS: Record<LossKind, string> = {
  softmax: 'Softmax',
  center: 'Center loss',
  normface: 'NormFace',
  sphereface: 'SphereFace',
  cosface: 'CosFace',
  arcface: 'ArcFace',
  combined: 'Combined margin',
};
/** Datasets; 'custom' is data the user uploaded, which a link cannot carry. */
export const DATASET_CHOICES = ['identities', 'blobs', 'spirals', 'mnist', 'custom'] as const;
/**
 * The default pace, in steps per second: the default run clusters over about 15 s (measured by
 * `npm run bench:lesson`) so an audience can watch it happen; 0 is full speed, one click away.
 */
export const DEFAULT_PACE = 60;

/** Most panels compare mode shows (`compare=` entries). */
export const MAX_COMPARE = 6;

/** Steps of the lecture tour (src/tour/steps.ts holds them). */
export const TOUR_LENGTH = 10;

export const SHOW_CHOICES = ['weights', 'regions', 'margins', 'test', 'means', 'centers'] as const;
export type ShowItem = (typeof SHOW_CHOICES)[number];

/** The parameter table, in control order. */
export const PARAMS = [
  { key: 'loss', label: 'Loss', type: 'enum', scope: 'live', default: 'arcface', choices: LOSS_CHOICES, choiceLabels: LOSS_CHOICES.map((k) => LOSS_LABELS[k]) },
  { key: 'm', label: 'Margin m', type: 'number', scope: 'live', default: 0.3, min: 0, max: 4, step: 0.01, losses: ['cosface', 'arcface', 'sphereface'] },
  { key: 's', label: 'Scale s', type: 'number', scope: 'live', default: 10, min: 1, max: 64, step: 0.5, losses: COSINE_MARGIN },
  { key: 'm1', label: 'm1 (multiplicative)', type: 'number', scope: 'live', default: 1, min: 0.5, max: 2, step: 0.01, losses: ['combined'] },
  { key: 'm2', label: 'm2 (additive angle, rad)', type: 'number', scope: 'live', default: 0.3, min: 0, max: 1.2, step: 0.01, losses: ['combined'] },
  { key: 'm3', label: 'm3 (additive cosine)', type: 'number', scope: 'live', default: 0.2, min: 0, max: 0.8, step: 0.01, losses: ['combined'] },
  { key: 'lambda', label: 'Center weight λ', type: 'number', scope: 'live', default: 0.1, min: 0, max: 2, step: 0.001, losses: ['center'] },
  { key: 'alpha', label: 'Center rate α', type: 'number', scope: 'live', default: 0.5, min: 0, max: 1, step: 0.01, losses: ['center'] },
  { key: 'anneal', label: 'Anneal λ (Caffe schedule)', type: 'bool', scope: 'live', default: true, losses: ['sphereface'] },
  { key: 'lambdaMin', label: 'λ floor', type: 'number', scope: 'live', default: 5, min: 0, max: 1000, step: 0.5, losses: ['sphereface'] },
  { key: 'arcFallback', label: 'θ + m > π', type: 'enum', scope: 'live', default: 'insightface', choices: ['insightface', 'easy', 'none'], losses: ['arcface'] },
  { key: 'warmup', label: 'Margin warm-up (steps)', type: 'number', scope: 'live', default: 0, min: 0, max: 5000, step: 50, integer: true, losses: ['cosface', 'arcface', 'combined'] },
  { key: 'lr', label: 'Learning rate', type: 'number', scope: 'live', default: 0.01, min: 0.0001, max: 0.5, step: 0.0001 },
  { key: 'decay', label: 'Learning-rate decay (steps after a change; 0: off)', type: 'number', scope: 'live', default: 1500, min: 0, max: 20000, step: 100, integer: true },
  { key: 'optimizer', label: 'Optimizer', type: 'enum', scope: 'live', default: 'adam', choices: ['adam', 'sgd'], choiceLabels: ['Adam', 'SGD + momentum'] },
  { key: 'batch', label: 'Batch size', type: 'number', scope: 'live', default: 256, min: 8, max: 2048, step: 8, integer: true },
  { key: 'speed', label: 'Max steps/s (0: full speed)', type: 'number', scope: 'live', default: DEFAULT_PACE, min: 0, max: 500, step: 1, integer: true },
  { key: 'dataset', label: 'Dataset', type: 'enum', scope: 'reset', default: 'identities', choices: DATASET_CHOICES, choiceLabels: ['Identities (32-D Gaussians)', 'Blobs (2-D)', 'Spirals (2-D)', 'MNIST digits', 'Your data (CSV)'] },
  { key: 'classes', label: 'Classes C', type: 'number', scope: 'reset', default: 8, min: 2, max: 12, step: 1, integer: true },
  { key: 'perClass', label: 'Points per class', type: 'number', scope: 'reset', default: 300, min: 10, max: 2000, step: 10, integer: true },
  { key: 'noise', label: 'Noise σ', type: 'number', scope: 'reset', default: 1, min: 0, max: 3, step: 0.01 },
  { key: 'testFraction', label: 'Test fraction', type: 'number', scope: 'reset', default: 0.3, min: 0, max: 0.9, step: 0.05 },
  { key: 'dim', label: 'Feature dimension', type: 'enum', scope: 'reset', default: '3', choices: ['2', '3'], choiceLabels: ['2-D circle', '3-D sphere'] },
  { key: 'hidden', label: 'Hidden width', type: 'number', scope: 'reset', default: 64, min: 4, max: 512, step: 4, integer: true },
  { key: 'depth', label: 'Hidden layers', type: 'number', scope: 'reset', default: 2, min: 1, max: 4, step: 1, integer: true },
  { key: 'seed', label: 'Seed', type: 'number', scope: 'reset', default: 1, min: 0, max: 2 ** 31 - 1, step: 1, integer: true },
  { key: 'backend', label: 'Backend', type: 'enum', scope: 'reset', default: 'auto', choices: ['auto', 'webgl', 'wasm', 'cpu'] },
  { key: 'projection', label: 'Projection', type: 'enum', scope: 'view', default: 'sphere', choices: ['sphere', 'raw'], choiceLabels: ['On the sphere (x̂)', 'Raw (x)'] },
  { key: 'show', label: 'Show', type: 'set', scope: 'view', default: ['weights', 'regions', 'margins'], choices: SHOW_CHOICES },
  { key: 'rotate', label: 'Auto-rotate when idle', type: 'bool', scope: 'view', default: true },
  { key: 'timeline', label: 'Snapshots kept for the timeline', type: 'number', scope: 'view', default: 120, min: 0, max: 1000, step: 10, integer: true },
  { key: 'caption', label: 'Caption saved pictures and recordings', type: 'bool', scope: 'view', default: true },
  { key: 'theme', label: 'Theme', type: 'enum', scope: 'view', default: 'auto', choices: ['auto', 'light', 'dark'] },
  { key: 'embed', label: 'Embed mode', type: 'bool', scope: 'page', default: false },
  { key: 'controls', label: 'Controls in embed mode', type: 'set', scope: 'page', default: [], choices: [] },
  { key: 'play', label: 'Autoplay', type: 'bool', scope: 'page', default: true },
  { key: 'tour', label: 'Lecture tour step (0: off)', type: 'number', scope: 'page', default: 0, min: 0, max: TOUR_LENGTH, step: 1, integer: true },
  { key: 'focus', label: 'Compare panel shown alone (0: the grid)', type: 'number', scope: 'page', default: 0, min: 0, max: MAX_COMPARE, step: 1, integer: true },
] as const satisfies readonly ParamDef[];

type Defs = (typeof PARAMS)[number];
type ValueOf<D> = D extends { type: 'number' }
  ? number
  : D extends { type: 'bool' }
    ? boolean
    : D extends { type: 'enum'; choices: readonly (infer C)[] }
      ? C
      : D extends { key: 'show' }
        ? ShowItem[]
        : string[];

/** Every parameter's value, keyed by its URL key, and the compare entries (`compare=`). */
export type Params = { [D in Defs as D['key']]: ValueOf<D> } & { compare: CompareEntry[] };
export type ParamKey = keyof Params;
/** The keys of the live (per-step) parameters. */
export type LiveKey = Extract<Defs, { scope: 'live' }>['key'];

/**
 * One panel of compare mode: a loss and the live settings it sets apart from the page's (the
 * rest it shares). `arcface:m=0.3:s=16` is { loss: 'arcface', set: { m: 0.3, s: 16 } }.
 */
export interface CompareEntry {
  loss: LossKind;
  set: Partial<Pick<Params, Exclude<LiveKey, 'loss'>>>;
}

/** The definition of a key. */
export function paramDef(key: string): ParamDef | undefined {
  return (PARAMS as readonly ParamDef[]).find((p) => p.key === key);
}

/** All defaults. */
export function defaultParams(): Params {
  const out: Record<string, unknown> = {};
  for (const p of PARAMS as readonly ParamDef[]) out[p.key] = Array.isArray(p.default) ? [...p.default] : p.default;
  out.compare = [];
  return out as Params;
}

/** Per-loss range of the shared margin key m: ArcFace radians, CosFace cosine offset, SphereFace integer. */
export const M_RANGE: Partial<Record<LossKind, { min: number; max: number; step: number; default: number }>> = {
  arcface: { min: 0, max: 1.2, step: 0.01, default: 0.3 },
  cosface: { min: 0, max: 1, step: 0.01, default: 0.2 },
  sphereface: { min: 1, max: 4, step: 1, default: 4 },
};
