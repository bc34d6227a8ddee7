// The loss a step trains with: the loss settings plus the margin warm-up and the λ schedule (pure).
import { CAFFE_LAMBDA, annealedLambda } from './lambdaSchedule';
import type { StepContext } from './definition';
import { lossDef, type AllLossValues, type LossSpec } from './registry';

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
export function stepContext(p: AllLossValues, at: StepPosition): StepContext {
  const def = lossDef(p.loss);
  const ramp = p.warmup > 0 && def.meta.uses.includes('warmup') ? Math.min(1, at.step / p.warmup) : 1;
  const lambda = !def.meta.uses.includes('anneal')
    ? NaN
    : p.anneal
      ? annealedLambda(at.lossStep, { ...CAFFE_LAMBDA, lambdaMin: p.lambdaMin })
      : p.lambdaMin;
  return { ramp, lambda };
}

/** The LossSpec for a step of the loss in `p`. */
export function stepSpec(p: AllLossValues, at: StepPosition): StepSpec {
  const def = lossDef(p.loss);
  const ctx = stepContext(p, at);
  const spec = def.train.spec(p, ctx);
  return { spec, lambda: ctx.lambda, mEffective: def.train.effectiveMargin(spec), ramp: ctx.ramp };
}
