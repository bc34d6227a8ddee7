// The corrected loss formulas as TeX, with the live values substituted (pure strings).
import { LOSS_LABELS, type Params } from '../params/table';

const n = (v: number, digits = 2) => Number(v.toFixed(digits)).toString();

/** One sentence of intuition per loss, for the formula panel. */
export const INTUITION: Record<Params['loss'], string> = {
  softmax: 'Separable but not discriminative: every feature on the right side of the boundary already satisfies it, so classes fan out radially with large norms.',
  center: 'Softmax plus a pull of every feature toward its class centre: compact clusters in Euclidean space (the centres follow their own update rule).',
  normface: 'Features and weights on the sphere, logits s·cos θ: only angles matter, and s sets how peaked the softmax can get.',
  sphereface: 'A multiplicative angular margin: the target angle counts m times, so a class must be m times closer in angle than any other; λ eases it in.',
  cosface: 'An additive cosine margin: the target cosine must beat the others by m, a constant gap in cosine space.',
  arcface: 'An additive angular margin: the target angle must be smaller by m radians, a constant geodesic gap on the sphere.',
  combined: 'ArcFace, CosFace and SphereFace margins at once: cos(m1·θ + m2) − m3, with (1, 0, 0) giving NormFace back.',
};

/** The general form −log(e^{t} / (e^{t} + Σ_{j≠y} e^{o_j})) with a target term t and others o. */
function ce(target: string, other: string): string {
  return `L = -\\frac{1}{N}\\sum_{i=1}^{N} \\log \\frac{e^{${target}}}{e^{${target}} + \\sum_{j \\neq y_i} e^{${other}}}`;
}

/** TeX for the loss in `p`, live values substituted; `lambda` is SphereFace's current λ. */
export function lossTex(p: Params, sphereLambda?: number): string {
  const s = n(p.s, 1);
  switch (p.loss) {
    case 'softmax':
      return ce('W_{y_i}^{\\top} x_i + b_{y_i}', 'W_j^{\\top} x_i + b_j');
    case 'center':
      return `${ce('W_{y_i}^{\\top} x_i + b_{y_i}', 'W_j^{\\top} x_i + b_j')} + \\frac{${n(p.lambda, 3)}}{2N}\\sum_{i=1}^{N} \\lVert x_i - c_{y_i} \\rVert_2^2`;
    case 'normface':
      return ce(`${s}\\cos\\theta_{y_i}`, `${s}\\cos\\theta_j`);
    case 'cosface':
      return ce(`${s}(\\cos\\theta_{y_i} - ${n(p.m)})`, `${s}\\cos\\theta_j`);
    case 'arcface':
      return ce(`${s}\\cos(\\theta_{y_i} + ${n(p.m)})`, `${s}\\cos\\theta_j`);
    case 'combined':
      return ce(`${s}(\\cos(${n(p.m1)}\\,\\theta_{y_i} + ${n(p.m2)}) - ${n(p.m3)})`, `${s}\\cos\\theta_j`);
    case 'sphereface': {
      const m = Math.round(p.m);
      const lam = sphereLambda !== undefined && Number.isFinite(sphereLambda) ? n(sphereLambda, 1) : '\\lambda';
      return `${ce(`\\lVert x_i \\rVert \\frac{${lam}\\cos\\theta_{y_i} + \\psi(\\theta_{y_i})}{1 + ${lam}}`, '\\lVert x_i \\rVert \\cos\\theta_j')}, \\quad \\psi(\\theta) = (-1)^k \\cos(${m}\\theta) - 2k,\\; k = \\lfloor ${m}\\theta/\\pi \\rfloor \\in [0, ${m - 1}]`;
    }
  }
}

/** A short caption naming the loss and its units. */
export function lossCaption(p: Params): string {
  switch (p.loss) {
    case 'arcface':
      return `${LOSS_LABELS.arcface}: m = ${n(p.m)} rad = ${n((p.m * 180) / Math.PI, 1)}°, an angle (not "m ≥ 1").`;
    case 'sphereface':
      return `${LOSS_LABELS.sphereface}: integer m = ${Math.round(p.m)}, W normalised, the feature norm ‖x‖ is the scale.`;
    case 'combined':
      return `${LOSS_LABELS.combined} (ArcFace paper Eq. 4): m1 = ${n(p.m1)}, m2 = ${n(p.m2)} rad, m3 = ${n(p.m3)}.`;
    default:
      return LOSS_LABELS[p.loss];
  }
}
