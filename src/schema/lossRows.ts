// The live rows several losses share: the margin m, the scale s, the λ schedule and the margin
// warm-up. A loss names the ones it uses (LossDefinition.uses); rows of its own live in its file.
import type { ParamDef, ValuesOf } from './paramDef';

/** Rows shared by losses, in control order (the warm-up comes after every loss's own rows). */
export const SHARED_LOSS_ROWS = [
  // m's range here spans every loss; each loss narrows it (LossDefinition.margin).
  { key: 'm', label: 'Margin m', type: 'number', scope: 'live', default: 0.3, min: 0, max: 4, step: 0.01 },
  { key: 's', label: 'Scale s', type: 'number', scope: 'live', default: 10, min: 1, max: 64, step: 0.5 },
  { key: 'anneal', label: 'Anneal λ (Caffe schedule)', type: 'bool', scope: 'live', default: true },
  { key: 'lambdaMin', label: 'λ floor', type: 'number', scope: 'live', default: 5, min: 0, max: 1000, step: 0.5 },
] as const satisfies readonly ParamDef[];

export const WARMUP_ROW = {
  key: 'warmup',
  label: 'Margin warm-up (steps)',
  type: 'number',
  scope: 'live',
  default: 0,
  min: 0,
  max: 5000,
  step: 50,
  integer: true,
} as const satisfies ParamDef;

/** The keys a loss may share. */
export type SharedLossKey = (typeof SHARED_LOSS_ROWS)[number]['key'] | typeof WARMUP_ROW.key;

/** Values of the shared rows. */
export type SharedLossValues = ValuesOf<[...typeof SHARED_LOSS_ROWS, typeof WARMUP_ROW]>;
