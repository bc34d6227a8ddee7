// The loss formulas as TeX with the live values substituted, and their captions (pure strings).
import { lossDef } from '../losses/registry';
import type { Params } from '../params/table';

/** One sentence of intuition for a loss, for the formula panel. */
export function intuition(loss: Params['loss']): string {
  return lossDef(loss).intuition;
}

/** TeX for the loss in `p`, live values substituted; `lambda` is the λ schedule's value now, where the loss has one. */
export function lossTex(p: Params, lambda?: number): string {
  return lossDef(p.loss).tex(p, lambda);
}

/** A short caption naming the loss and its units. */
export function lossCaption(p: Params): string {
  const def = lossDef(p.loss);
  return def.caption?.(p) ?? def.label;
}
