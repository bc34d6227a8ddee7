// TeX building blocks for the losses' formulas (pure strings).

/** A number as the formula shows it: at most `digits` decimals, no trailing zeros. */
export const texNumber = (v: number, digits = 2): string => Number(v.toFixed(digits)).toString();

/** The general form −log(e^{t} / (e^{t} + Σ_{j≠y} e^{o_j})) with a target term t and others o. */
export function crossEntropyTex(target: string, other: string): string {
  return `L = -\\frac{1}{N}\\sum_{i=1}^{N} \\log \\frac{e^{${target}}}{e^{${target}} + \\sum_{j \\neq y_i} e^{${other}}}`;
}

/** The raw-logit softmax form, W_yᵀx + b_y. */
export const RAW_SOFTMAX_TEX = crossEntropyTex('W_{y_i}^{\\top} x_i + b_{y_i}', 'W_j^{\\top} x_i + b_j');

/** The cosine form with scale s and a target term (cos θ_y with its margin). */
export function cosineTex(s: number, target: string): string {
  const sc = texNumber(s, 1);
  return crossEntropyTex(`${sc}${target}`, `${sc}\\cos\\theta_j`);
}
