// The loss a step trains with: live parameters plus warm-up and SphereFace's λ schedule (pure).
import { CAFFE_LAMBDA, annealedLambda } from '../losses/curves';
import type { LossSpec } from '../losses/types';
import type { LiveParams } from './config';

export interface StepSpec {
  spec: LossSpec;
  /** SphereFace's λ at this step; NaN for the other losses. */
  lambda: number;
  /** The margin after warm-up (m, or m2 for the combined margin). */
  mEffective: number;
}

/**
 * The LossSpec for a step. `step` is the global step (drives the margin warm-up), `sphereStep`
 * the steps trained with SphereFace since it was chosen (drives λ annealing). SphereFace's integer
 * m is not warmed up: its λ schedule is its warm-up.
 */
export function stepSpec(p: LiveParams, step: number, sphereStep: number): StepSpec {
  const ramp = p.warmup > 0 ? Math.min(1, step / p.warmup) : 1;
  switch (p.loss) {
    case 'softmax':
      return { spec: { kind: 'softmax' }, lambda: NaN, mEffective: 0 };
    case 'center':
      return { spec: { kind: 'center', lambda: p.lambda }, lambda: NaN, mEffective: 0 };
    case 'normface':
      return { spec: { kind: 'normface', s: p.s }, lambda: NaN, mEffective: 0 };
    case 'cosface':
      return { spec: { kind: 'cosface', s: p.s, m: p.m * ramp }, lambda: NaN, mEffective: p.m * ramp };
    case 'arcface':
      return {
        spec: { kind: 'arcface', s: p.s, m: p.m * ramp, fallback: p.arcFallback },
        lambda: NaN,
        mEffective: p.m * ramp,
      };
    case 'combined':
      return {
        spec: { kind: 'combined', s: p.s, m1: 1 + (p.m1 - 1) * ramp, m2: p.m2 * ramp, m3: p.m3 * ramp },
        lambda: NaN,
        mEffective: p.m2 * ramp,
      };
    case 'sphereface': {
      const m = Math.max(1, Math.round(p.m));
      const lambda = p.anneal ? annealedLambda(sphereStep, { ...CAFFE_LAMBDA, lambdaMin: p.lambdaMin }) : p.lambdaMin;
      return { spec: { kind: 'sphereface', m, lambda }, lambda, mEffective: m };
    }
  }
}

/** The learning rate settles to this fraction of lr at the end of a decay. */
export const LR_FLOOR = 0.01;

/**
 * The learning rate `t` steps after the loss settings last changed: lr, eased down by a half
 * cosine over `decay` steps to LR_FLOOR·lr and held there (decay 0: lr throughout). Restarting
 * t on every change lets the picture re-form at the same pace and then hold still.
 */
export function scheduledLr(lr: number, decay: number, t: number): number {
  if (decay <= 0) return lr;
  const u = Math.min(1, Math.max(0, t) / decay);
  return lr * (LR_FLOOR + (1 - LR_FLOOR) * 0.5 * (1 + Math.cos(Math.PI * u)));
}

/** Whether a loss trains the softmax bias and predicts with raw logits (softmax, center). */
export function usesBiasAndLogits(kind: LossSpec['kind']): boolean {
  return kind === 'softmax' || kind === 'center';
}
