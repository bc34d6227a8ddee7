// The loss formulas as TeX with the live values substituted, and their captions (pure strings).
import { lossDef, type LossSpec } from '../losses/registry';
import type { Params } from '../params/table';

/**
 * The settings a frame was trained with, for its formula: its loss, and each of that loss's
 * settings its spec carries under the same name (m as it stood after the warm-up, s, K, r, …);
 * the rest (the λ schedule's floor, names the spec renames) as set now. No spec: the page's.
 */
export function settingsOf(p: Params, spec: LossSpec | undefined): Params {
  if (!spec) return p;
  const def = lossDef(spec.kind);
  const keys = new Set<string>([...def.meta.uses, ...def.meta.params.map((r) => r.key)]);
  const carried = Object.fromEntries(Object.entries(spec).filter(([k, v]) => keys.has(k) && typeof v === 'number'));
  return { ...p, ...carried, loss: spec.kind };
}

/** One sentence of intuition for a loss, for the formula panel. */
export function intuition(loss: Params['loss']): string {
  return lossDef(loss).meta.intuition;
}

/** TeX for the loss in `p`, live values substituted; `lambda` is the λ schedule's value now, where the loss has one. */
export function lossTex(p: Params, lambda?: number): string {
  return lossDef(p.loss).view.tex(p, lambda);
}

/** The loss's lines for a narrow box, where it gives its own (else the side panel cuts `lossTex` at its breaks). */
export function lossTexLines(p: Params, lambda?: number): string[] | undefined {
  return lossDef(p.loss).view.texLines?.(p, lambda);
}

/** A short caption naming the loss and its units. */
export function lossCaption(p: Params): string {
  const def = lossDef(p.loss);
  return def.view.caption?.(p) ?? def.meta.label;
}
