// The learning rate's schedule after a change of the loss settings (pure).

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
