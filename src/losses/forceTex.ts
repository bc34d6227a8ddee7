// Each loss's force on a feature, in TeX with the live values: the formula panel shows it under the
// loss, and docs/losses.md writes it out. t_k is the unit tangent at x̂ toward Ŵ_k, P the softmax of
// the logits (margin included); forceTex.test.ts holds the cosine losses' formulas to the head's force.
import type { AllLossValues, LossKind } from './registry';
import { texNumber } from './tex';

const LHS = '-\\nabla_{\\hat x} \\ell =';
/** The push of the other classes at scale `r` (each negative's slope 1). */
const push = (r: string) => `- ${r} \\sum_{j \\ne y} P_j \\sin\\theta_j \\, t_j`;
/** −∇_x̂ ℓ = pull·t_y − push, in its lines; `where` defines what the pull names. */
const turning = (pull: string, r: string, where?: string) => [`${LHS} ${pull} \\, t_y`, push(r), ...(where ? [where] : [])];
const PSI = '\\psi_\\lambda(\\theta) = \\frac{\\lambda \\sin\\theta + (-1)^k m \\sin m\\theta}{1 + \\lambda}';

/** Each loss's force in lines: the pull toward its own weight, the push of the others, what they name. */
export const FORCE_TEX: Record<LossKind, (p: AllLossValues) => string[]> = {
  softmax: () => ['-\\nabla_x \\ell = (1 - P_y) \\, W_y', '- \\sum_{j \\ne y} P_j W_j'],
  center: (p) => ['-\\nabla_x \\ell = (1 - P_y) \\, W_y', '- \\sum_{j \\ne y} P_j W_j', `+ ${texNumber(p.lambda)} \\, (c_y - x)`],
  normface: (p) => turning(`${texNumber(p.s)} (1 - P_y) \\sin\\theta_y`, texNumber(p.s)),
  sphereface: () => turning('\\lVert x \\rVert (1 - P_y) \\, \\psi_\\lambda(\\theta_y)', '\\lVert x \\rVert', PSI),
  cosface: (p) => turning(`${texNumber(p.s)} (1 - P_y) \\sin\\theta_y`, texNumber(p.s)),
  arcface: (p) => turning(`${texNumber(p.s)} (1 - P_y) \\sin(\\theta_y + ${texNumber(p.m)})`, texNumber(p.s)),
  combined: (p) =>
    turning(`${texNumber(p.s)} (1 - P_y) \\, ${texNumber(p.m1)} \\sin(${texNumber(p.m1)} \\theta_y + ${texNumber(p.m2)})`, texNumber(p.s)),
  lsoftmax: () =>
    turning('\\lVert W_y \\rVert \\lVert x \\rVert (1 - P_y) \\, \\psi_\\lambda(\\theta_y)', '\\lVert W_j \\rVert \\lVert x \\rVert', PSI),
  subcenter: (p) =>
    turning(
      `${texNumber(p.s)} (1 - P_y) \\sin(\\theta_y + ${texNumber(p.m)})`,
      texNumber(p.s),
      '\\theta_y: \\text{to the nearest sub-centre}',
    ),
  magface: (p) => turning(`${texNumber(p.s)} (1 - P_y) \\sin(\\theta_y + m(a))`, texNumber(p.s)),
  adaface: (p) => turning(`${texNumber(p.s)} (1 - P_y) \\sin(\\theta_y - ${texNumber(p.m)} \\hat z)`, texNumber(p.s)),
  curricular: (p) => [
    `${LHS} ${texNumber(p.s)} (1 - P_y) \\sin(\\theta_y + ${texNumber(p.m)}) \\, t_y`,
    `- ${texNumber(p.s)} \\sum_{j \\ne y} P_j \\, g_j' \\sin\\theta_j \\, t_j`,
    "g_j' = t + 2 \\cos\\theta_j \\text{ (hard)}, \\; 1 \\text{ (easy)}",
  ],
  sphereface2: (p) => [
    `${LHS} ${texNumber(p.lw, 0)} \\, ${texNumber(p.sfAlpha)} \\, \\sigma(-z_y) \\, g'(\\cos\\theta_y) \\sin\\theta_y \\, t_y`,
    `- ${texNumber(p.lw, 0)} \\, ${texNumber(1 - p.sfAlpha)} \\sum_{j \\ne y} \\sigma(z_j) \\, g'(\\cos\\theta_j) \\sin\\theta_j \\, t_j`,
  ],
};

/** The force as one line. */
export function forceTex(p: AllLossValues): string {
  return FORCE_TEX[p.loss](p).join(' ');
}

/** The force in its lines for a narrow box (continuations indented; a definition set apart). */
export function forceTexLines(p: AllLossValues): string[] {
  return FORCE_TEX[p.loss](p).map((line, i) =>
    i === 0 ? line : line.startsWith('-') || line.startsWith('+') ? `\\qquad ${line}` : `\\quad ${line}`,
  );
}

/** What the force's words say, under the formula. */
export const FORCE_CAPTION =
  'The force on the feature’s direction: the pull toward its own weight fades as P_y → 1; a margin keeps P_y lower at the same angle, so it pulls on.';
