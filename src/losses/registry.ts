// Every loss, by kind: the one list the rest of the app asks. A new loss is a file and a line here.
import type { ValueOf } from '../schema/paramDef';
import type { SharedLossValues } from '../schema/lossRows';
import type { LossDefinition, StepContext } from './definition';
import { arcface } from './arcface';
import { center } from './center';
import { magface } from './magface';
import { adaface } from './adaface';
import { curricular } from './curricular';
import { combined } from './combined';
import { cosface } from './cosface';
import { normface } from './normface';
import { softmax } from './softmax';
import { sphereface } from './sphereface';
import { lsoftmax } from './lsoftmax';
import { subcenter } from './subcenter';
import { sphereface2 } from './sphereface2';

/** The losses, in menu order. */
export const LOSSES = {
  softmax,
  center,
  normface,
  sphereface,
  cosface,
  arcface,
  combined,
  lsoftmax,
  subcenter,
  magface,
  adaface,
  curricular,
  sphereface2,
} as const;

export type LossKind = keyof typeof LOSSES;
type SpecOf<D> = D extends LossDefinition<infer S, infer _R> ? S : never;
/** Which loss to compute and its hyper-parameters (margins of ArcFace and the combined margin are radians). */
export type LossSpec = { [K in LossKind]: SpecOf<(typeof LOSSES)[K]> }[LossKind];
/** A table row some loss owns. */
export type LossRow = (typeof LOSSES)[LossKind]['meta']['params'][number];
/** Every loss setting's value: what a function of any loss may read (the page's Params and the trainer's LiveParams have them all). */
export type AllLossValues = SharedLossValues & { [D in LossRow as D['key']]: ValueOf<D> } & { loss: LossKind };
/** A definition of any loss. */
export type AnyLoss = LossDefinition<LossSpec, readonly LossRow[], AllLossValues>;

export const LOSS_KINDS = Object.keys(LOSSES) as LossKind[];

/** The definition of a loss. */
export function lossDef(kind: LossKind): AnyLoss {
  return LOSSES[kind] as unknown as AnyLoss;
}

/** Whether a string names a loss. */
export function isLossKind(v: string): v is LossKind {
  return Object.hasOwn(LOSSES, v);
}

/** The spec of `params.loss` from live values and where the step stands. */
export function lossSpecOf(p: AllLossValues, at: StepContext): LossSpec {
  return lossDef(p.loss).train.spec(p, at);
}
