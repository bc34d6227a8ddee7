// The loss a step trains with: live parameters plus the margin warm-up and the λ schedule (pure).
import { CAFFE_LAMBDA, annealedLambda } from '../losses/lambdaSchedule';
import type { StepContext } from '../losses/definition';
import { lossDef, type LossSpec } from '../losses/registry';
import type { LiveParams } from './config';

/** Where a step stands: the global step (drives the warm-up) and the steps trained with the current loss (drive the λ schedule). */
export interface StepPosition {
  step: number;
  lossStep: number;
}

/** Past every warm-up and schedule: the settings at their full size. */
export const FULL_STEP: StepPosition = { step: Infinity, lossStep: Infinity };

export interface StepSpec {
  spec: LossSpec;
  /** The λ schedule's value at this step; NaN for the losses without it. */
  lambda: number;
  /** The margin after warm-up (m, or m2 for the combined margin); 0 without a margin. */
  mEffective: number;
  /** The warm-up's ramp, 0–1 (1 when the loss has none). */
  ramp: number;
}

/**
 * Where a step stands for the loss in `p`: the warm-up's ramp for a loss that warms up, the λ
 * schedule's value (annealed or held at its floor) for a loss that uses it, else NaN.
 */
export function stepContext(p: LiveParams, at: StepPosition): StepContext {
  const def = lossDef(p.loss);
  const ramp = p.warmup > 0 && def.uses.includes('warmup') ? Math.min(1, at.step / p.warmup) : 1;
  const lambda = !def.uses.includes('anneal')
    ? NaN
    : p.anneal
      ? annealedLambda(at.lossStep, { ...CAFFE_LAMBDA, lambdaMin: p.lambdaMin })
      : p.lambdaMin;
  return { ramp, lambda };
}

/** The LossSpec for a step of the loss in `p`. */
export function stepSpec(p: LiveParams, at: StepPosition): StepSpec {
  const def = lossDef(p.loss);
  const ctx = stepContext(p, at);
  const spec = def.spec(p, ctx);
  return { spec, lambda: ctx.lambda, mEffective: def.effectiveMargin(spec), ramp: ctx.ramp };
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
