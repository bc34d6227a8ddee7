// One typed table of every parameter: defaults, ranges, URL keys and controls all derive from it.
import { LOSSES, LOSS_KINDS, lossDef, type LossKind, type LossRow } from '../losses/registry';
import type { MarginRange } from '../losses/definition';
import { SHARED_LOSS_ROWS, WARMUP_ROW } from '../schema/lossRows';
import type { ParamDef, ValueOf } from '../schema/paramDef';
import { DATASET_NAMES } from '../data/types';

export type { BoolParam, EnumParam, NumberParam, ParamDef, Scope, SetParam } from '../schema/paramDef';

export const LOSS_LABELS = Object.fromEntries(LOSS_KINDS.map((k) => [k, LOSSES[k].meta.label])) as Record<LossKind, string>;

/** Every loss's own rows, in menu order. */
const OWN_LOSS_ROWS = LOSS_KINDS.flatMap((k) => LOSSES[k].meta.params as readonly LossRow[]);

/** Datasets, as the data layer names them. */
export const DATASET_CHOICES = DATASET_NAMES;
/**
 * The default pace, in steps per second: the default run clusters over about 15 s (measured by
 * `npm run bench:lesson`) so an audience can watch it happen; 0 is full speed, one click away.
 */
export const DEFAULT_PACE = 60;

/** Most panels compare mode shows (`compare=` entries). */
export const MAX_COMPARE = 6;

/** Most classes held out of training (`holdout=`). */
export const MAX_HOLDOUT = 6;

/** Steps of the lecture tour (src/tour/steps.ts holds them). */
export const TOUR_LENGTH = 13;

/** The landscape: off, the hovered point's class, or class 1–12 (the shader's classes). */
export const LANDSCAPE_CHOICES = ['off', 'hover', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] as const;
export const SHOW_CHOICES = ['weights', 'regions', 'margins', 'test', 'means', 'centers'] as const;
export type ShowItem = (typeof SHOW_CHOICES)[number];

/** The parameter table, in control order. */
export const PARAMS = [
  {
    key: 'loss',
    label: 'Loss',
    type: 'enum',
    scope: 'live',
    default: 'arcface',
    choices: LOSS_KINDS,
    choiceLabels: LOSS_KINDS.map((k) => LOSS_LABELS[k]),
  },
  ...SHARED_LOSS_ROWS,
  ...OWN_LOSS_ROWS,
  WARMUP_ROW,
  { key: 'lr', label: 'Learning rate', type: 'number', scope: 'live', default: 0.01, min: 0.0001, max: 0.5, step: 0.0001 },
  {
    key: 'decay',
    label: 'Learning-rate decay (steps after a change; 0: off)',
    type: 'number',
    scope: 'live',
    default: 1500,
    min: 0,
    max: 20000,
    step: 100,
    integer: true,
  },
  {
    key: 'optimizer',
    label: 'Optimizer',
    type: 'enum',
    scope: 'live',
    default: 'adam',
    choices: ['adam', 'sgd'],
    choiceLabels: ['Adam', 'SGD + momentum'],
  },
  { key: 'batch', label: 'Batch size', type: 'number', scope: 'live', default: 256, min: 8, max: 2048, step: 8, integer: true },
  {
    key: 'speed',
    label: 'Max steps/s (0: full speed)',
    type: 'number',
    scope: 'pace',
    default: DEFAULT_PACE,
    min: 0,
    max: 500,
    step: 1,
    integer: true,
  },
  {
    key: 'dataset',
    label: 'Dataset',
    type: 'enum',
    scope: 'reset',
    default: 'identities',
    choices: DATASET_CHOICES,
    choiceLabels: ['Identities (32-D Gaussians)', 'Blobs (2-D)', 'Spirals (2-D)', 'MNIST digits', 'Your data (CSV)'],
  },
  { key: 'classes', label: 'Classes C', type: 'number', scope: 'reset', default: 8, min: 2, max: 12, step: 1, integer: true },
  { key: 'perClass', label: 'Points per class', type: 'number', scope: 'reset', default: 300, min: 10, max: 2000, step: 10, integer: true },
  { key: 'noise', label: 'Noise σ', type: 'number', scope: 'reset', default: 1, min: 0, max: 3, step: 0.01 },
  {
    key: 'idDims',
    label: 'Identity subspace dimension (identities; 32: the whole input)',
    type: 'number',
    scope: 'reset',
    default: 32,
    min: 1,
    max: 32,
    step: 1,
    integer: true,
  },
  {
    key: 'idScale',
    label: 'Identity scale (spread of the means: their sd per input coordinate)',
    type: 'number',
    scope: 'reset',
    default: 1,
    min: 0.25,
    max: 8,
    step: 0.05,
  },
  {
    key: 'holdout',
    label: 'Held-out classes (never trained on)',
    type: 'number',
    scope: 'reset',
    default: 0,
    min: 0,
    max: MAX_HOLDOUT,
    step: 1,
    integer: true,
  },
  {
    key: 'labelNoise',
    label: 'Label noise (share of training labels reassigned)',
    type: 'number',
    scope: 'reset',
    default: 0,
    min: 0,
    max: 0.5,
    step: 0.05,
  },
  {
    key: 'noiseKind',
    label: 'Noisy labels go to',
    type: 'enum',
    scope: 'reset',
    default: 'uniform',
    choices: ['uniform', 'pair'],
    choiceLabels: ['any other class', 'the next class (a confusable pair)'],
  },
  {
    key: 'lowQuality',
    label: 'Low-quality samples (share with much larger noise)',
    type: 'number',
    scope: 'reset',
    default: 0,
    min: 0,
    max: 0.5,
    step: 0.05,
  },
  { key: 'testFraction', label: 'Test fraction', type: 'number', scope: 'reset', default: 0.3, min: 0, max: 0.9, step: 0.05 },
  {
    key: 'dim',
    label: 'Feature dimension',
    type: 'enum',
    scope: 'reset',
    default: '3',
    choices: ['2', '3'],
    choiceLabels: ['2-D circle', '3-D sphere'],
  },
  { key: 'hidden', label: 'Hidden width', type: 'number', scope: 'reset', default: 64, min: 4, max: 512, step: 4, integer: true },
  { key: 'depth', label: 'Hidden layers', type: 'number', scope: 'reset', default: 2, min: 1, max: 4, step: 1, integer: true },
  { key: 'seed', label: 'Seed', type: 'number', scope: 'reset', default: 1, min: 0, max: 2 ** 31 - 1, step: 1, integer: true },
  { key: 'backend', label: 'Backend', type: 'enum', scope: 'reset', default: 'auto', choices: ['auto', 'webgl', 'wasm', 'cpu'] },
  // Compare mode's training workers: 0 is one per panel up to the logical cores − 1 (at least 1).
  {
    key: 'workers',
    label: 'Compare: training workers (0 = cores − 1)',
    type: 'number',
    scope: 'compute',
    default: 0,
    min: 0,
    max: 6,
    step: 1,
    integer: true,
  },
  {
    key: 'projection',
    label: 'Projection',
    type: 'enum',
    scope: 'view',
    default: 'sphere',
    choices: ['sphere', 'raw'],
    choiceLabels: ['On the sphere (x̂)', 'Raw (x)'],
  },
  { key: 'show', label: 'Show', type: 'set', scope: 'view', default: ['weights', 'regions', 'margins'], choices: SHOW_CHOICES },
  { key: 'showHeldout', label: 'Show held-out classes (hollow points)', type: 'bool', scope: 'view', default: true },
  { key: 'forces', label: 'Forces on the points (−∂ℓ/∂x)', type: 'bool', scope: 'view', default: false },
  {
    key: 'probe',
    label: 'Probe: one feature under the loss (click the sphere; Shift + arrows in the view move it)',
    type: 'bool',
    scope: 'view',
    default: false,
  },
  { key: 'probeAz', label: 'Probe azimuth (°)', type: 'number', scope: 'view', default: 30, min: -180, max: 180, step: 0.5 },
  { key: 'probeEl', label: 'Probe elevation (°; 3-D)', type: 'number', scope: 'view', default: 20, min: -90, max: 90, step: 0.5 },
  {
    key: 'probeClass',
    label: "Probe's class (0: the nearest weight's)",
    type: 'number',
    scope: 'view',
    default: 0,
    min: 0,
    max: 12,
    step: 1,
    integer: true,
  },
  {
    key: 'landscape',
    label: 'Loss landscape ℓ(x̂; y): colour the sphere by the loss of a feature of class y',
    type: 'enum',
    scope: 'view',
    default: 'off',
    choices: LANDSCAPE_CHOICES,
    choiceLabels: ['Off', 'The class of the point under the pointer', ...LANDSCAPE_CHOICES.slice(2).map((c) => `Class ${c}`)],
  },
  {
    key: 'threshold',
    label: 'Verification threshold angle (°; 0: at the equal error rate)',
    type: 'number',
    scope: 'view',
    default: 0,
    min: 0,
    max: 180,
    step: 0.5,
  },
  { key: 'rotate', label: 'Auto-rotate when idle', type: 'bool', scope: 'view', default: true },
  {
    key: 'timeline',
    label: 'Snapshots kept for the timeline',
    type: 'number',
    scope: 'view',
    default: 120,
    min: 0,
    max: 1000,
    step: 10,
    integer: true,
  },
  { key: 'caption', label: 'Caption saved pictures and recordings', type: 'bool', scope: 'view', default: true },
  {
    key: 'theme',
    label: 'Theme',
    type: 'enum',
    scope: 'view',
    default: 'auto',
    choices: ['auto', 'light', 'dark', 'projector'],
    choiceLabels: ['Auto (the system’s)', 'Light', 'Dark', 'Projector (high contrast, large)'],
  },
  { key: 'embed', label: 'Embed mode', type: 'bool', scope: 'page', default: false },
  { key: 'controls', label: 'Controls in embed mode', type: 'set', scope: 'page', default: [], choices: [] },
  { key: 'play', label: 'Autoplay', type: 'bool', scope: 'page', default: true },
  {
    key: 'tour',
    label: 'Lecture tour step (0: off)',
    type: 'number',
    scope: 'page',
    default: 0,
    min: 0,
    max: TOUR_LENGTH,
    step: 1,
    integer: true,
  },
  {
    key: 'focus',
    label: 'Compare panel shown alone (0: the grid)',
    type: 'number',
    scope: 'page',
    default: 0,
    min: 0,
    max: MAX_COMPARE,
    step: 1,
    integer: true,
  },
] as const satisfies readonly ParamDef[];

type Defs = (typeof PARAMS)[number];

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

/** The keys of every loss setting: the shared rows and each loss's own (a compare panel's own controls, with the loss). */
export const LOSS_KEYS: readonly ParamKey[] = [...SHARED_LOSS_ROWS, ...OWN_LOSS_ROWS, WARMUP_ROW].map((d) => d.key);

/** Whether a loss reads a key: a shared row it names, a row of its own, or a row of no loss (lr, batch, …). */
export function lossUses(kind: LossKind, key: string): boolean {
  const def = lossDef(kind);
  if (!LOSS_KEYS.includes(key as ParamKey)) return true;
  return (def.meta.uses as readonly string[]).includes(key) || def.meta.params.some((r) => r.key === key);
}

/** The range of m for a loss, or undefined when it has no m. */
export function marginRange(kind: LossKind): MarginRange | undefined {
  return lossDef(kind).meta.margin;
}

/** The row m is read with for a loss: the shared row narrowed to the loss's range (one notice for a value out of it). */
export function rowFor(def: ParamDef, kind: LossKind): ParamDef {
  const r = def.key === 'm' ? marginRange(kind) : undefined;
  return r && def.type === 'number' ? { ...def, min: r.min, max: r.max, step: r.step, integer: r.integer } : def;
}
