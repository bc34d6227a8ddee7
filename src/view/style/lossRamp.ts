// The loss landscape's colour scale: viridis (perceptually uniform, its lightness rising throughout,
// legible under every colour-vision deficiency), on a log scale of the loss shared by every panel.

/** Viridis at 9 even stops (matplotlib's values), dark (low loss) to light (high loss). */
export const LOSS_RAMP = ['#440154', '#472c7a', '#3b518b', '#2c718e', '#21908d', '#27ad81', '#5cc863', '#aadc32', '#fde725'] as const;

/** The loss range the scale spans: ℓ ≤ LO is its darkest colour, ℓ ≥ HI its lightest. */
export const LOSS_LO = 0.01;
export const LOSS_HI = 100;

/** Where a loss falls on the scale, 0–1 (log10: every decade is a quarter of it). */
export function lossPosition(loss: number): number {
  const t = (Math.log10(Math.max(loss, 1e-30)) - Math.log10(LOSS_LO)) / (Math.log10(LOSS_HI) - Math.log10(LOSS_LO));
  return Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 1;
}

/** The legend's ticks: one a decade. */
export const LOSS_TICKS = [0.01, 0.1, 1, 10, 100] as const;

/** The scale as a CSS gradient (the legend's bar). */
export function lossGradientCss(): string {
  return `linear-gradient(to right, ${LOSS_RAMP.map((c, i) => `${c} ${((100 * i) / (LOSS_RAMP.length - 1)).toFixed(1)}%`).join(', ')})`;
}
