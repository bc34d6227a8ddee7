// MagFace (Meng et al. 2021, IrvingMeng/MagFace models/magface.py): the feature norm a = ‖x‖ is a
// quality proxy; the angular margin grows with it, m(a) = l_m + k·(a − l_a), and a regulariser
// λ_g·g(a), g(a) = a/u_a² + 1/a, rewards a large norm for a feature that meets its margin.
import type * as TF from '@tensorflow/tfjs-core';
import type { ParamDef } from '../schema/paramDef';
import type { LossDefinition } from './definition';
import { arcfacePhi } from './arcface';
import { sinAndSlope } from './cosine';
import { cosineTex, texNumber } from './tex';

export interface MagFaceSpec {
  kind: 'magface';
  s: number;
  /** Norm bounds l_a < u_a: a = clamp(‖x‖, l_a, u_a). */
  la: number;
  ua: number;
  /** Margins at l_a and at u_a (radians). */
  lm: number;
  um: number;
  /** Weight λ_g of the norm regulariser. */
  lambdaG: number;
}

// The paper's l_a 10, u_a 110 are face-feature norms; this app's toy features sit near 1–10, so
// the bounds are scaled by 1/10 (the margins, in radians, are the paper's).
const params = [
  { key: 'la', label: 'Norm floor l_a', type: 'number', scope: 'live', default: 1, min: 0.1, max: 50, step: 0.1 },
  { key: 'ua', label: 'Norm ceiling u_a', type: 'number', scope: 'live', default: 11, min: 0.5, max: 200, step: 0.5 },
  { key: 'lm', label: 'Margin at l_a', type: 'number', scope: 'live', default: 0.45, min: 0, max: 1.2, step: 0.01, unit: 'rad' },
  { key: 'um', label: 'Margin at u_a', type: 'number', scope: 'live', default: 0.8, min: 0, max: 1.2, step: 0.01, unit: 'rad' },
  { key: 'lambdaG', label: 'Norm regulariser λ_g', type: 'number', scope: 'live', default: 1, min: 0, max: 100, step: 0.05 },
] as const satisfies readonly ParamDef[];

/** The slope k of m(a) (radians per unit of norm); 0 when the bounds are not ordered. */
const slope = (spec: MagFaceSpec) => (spec.ua > spec.la ? (spec.um - spec.lm) / (spec.ua - spec.la) : 0);

/** a = clamp(‖x‖, l_a, u_a), and whether the norm lies inside (where a passes ‖x‖'s gradient, as tfjs's clip). */
function clippedNorm(spec: MagFaceSpec, norm: number): { a: number; inside: boolean } {
  const hi = Math.max(spec.la, spec.ua);
  return { a: Math.min(Math.max(norm, spec.la), hi), inside: norm >= spec.la && norm <= hi };
}

/** m(a) for a feature norm (clamped into [l_a, u_a] first). */
export function magfaceMargin(spec: MagFaceSpec, norm: number): number {
  return spec.lm + slope(spec) * (clippedNorm(spec, norm).a - spec.la);
}

/**
 * The smallest λ_g for which the MagFace code's convexity argument holds (its own check):
 * s·k·u_a²·l_a²/(u_a² − l_a²), k the slope of m(a).
 */
export function magfaceMinLambdaG(spec: Pick<MagFaceSpec, 's' | 'la' | 'ua' | 'lm' | 'um'>): number {
  const { s, la, ua } = spec;
  return ua > la ? (s * slope(spec as MagFaceSpec) * ua * ua * la * la) / (ua * ua - la * la) : Infinity;
}

export const magface: LossDefinition<MagFaceSpec, typeof params> = {
  kind: 'magface',
  meta: {
    label: 'MagFace',
    showcase: {
      preset: 'after-magface',
      lookFor: 'With blurred samples, drawn raw: the blurred ones sit near the centre, the clear ones far out, where the margin is larger.',
    },
    intuition:
      'The feature norm stands for quality: a confident, high-quality sample gets a larger norm and must meet a larger angular margin; a blurred one may sit near the origin with a small margin.',
    uses: ['s'],
    params,
    titleKeys: ['lm', 'um', 's'],
  },
  train: {
    rawLogits: false,
    spec: (p) => ({ kind: 'magface', s: p.s, la: p.la, ua: p.ua, lm: p.lm, um: p.um, lambdaG: p.lambdaG }),
    effectiveMargin: (spec) => spec.lm,
    loss({ tf, ops }, spec, b) {
      // The gradient flows through ‖x‖: into the margin, the regulariser and the normalisation.
      const norm = tf.sqrt(tf.add(tf.sum(tf.square(b.x), 1), 1e-12)) as TF.Tensor1D;
      const a = tf.clipByValue(norm, spec.la, Math.max(spec.la, spec.ua));
      const m = tf.add(tf.mul(tf.sub(a, spec.la), slope(spec)), spec.lm);
      const ce = ops.cosineMarginLoss(b.x, b.W, b.oneHot, spec.s, (c) => {
        const phi = tf.sub(tf.mul(c, tf.cos(m)), tf.mul(ops.sinFromCos(c), tf.sin(m))) as TF.Tensor1D; // cos(θ + m(a))
        return ops.select(c, phi, c); // the easy margin: only where θ < 90°
      });
      const g = tf.mean(tf.add(tf.div(a, spec.ua * spec.ua), tf.div(1, a)));
      return tf.add(ce, tf.mul(g, spec.lambdaG));
    },
  },
  view: {
    scale: (spec) => spec.s,
    // ArcFace's easy margin at this norm's m(a).
    targetLogit: (spec, theta, featureNorm) => spec.s * arcfacePhi(Math.cos(theta), magfaceMargin(spec, featureNorm), 'easy'),
    curve: { paper: {}, label: 'MagFace (at the norm floor)' },
    tex: (p) =>
      `${cosineTex(p.s, '\\cos(\\theta_{y_i} + m(a_i))')} + \\frac{${texNumber(p.lambdaG)}}{N}\\sum_{i} \\Big(\\frac{a_i}{${texNumber(p.ua, 1)}^2} + \\frac{1}{a_i}\\Big), \\quad a_i = \\mathrm{clip}(\\lVert x_i \\rVert, ${texNumber(p.la, 1)}, ${texNumber(p.ua, 1)}),\\; m(a) = ${texNumber(p.lm)} + \\frac{${texNumber(p.um - p.lm)}}{${texNumber(p.ua - p.la, 1)}}(a - ${texNumber(p.la, 1)})`,
    caption: (p) =>
      `MagFace: the margin grows from ${texNumber(p.lm)} rad at ‖x‖ = ${texNumber(p.la, 1)} to ${texNumber(p.um)} rad at ${texNumber(p.ua, 1)} (easy margin: none past 90°).`,
    shader: {
      source: () => 'float phi = cc * cos(uLoss.x) - sqrt(1.0 - cc * cc) * sin(uLoss.x);\n    return cc > 0.0 ? phi : cc;',
      uniforms: (spec, featureNorm) => [magfaceMargin(spec, featureNorm)],
    },
  },
  rails: {
    guardRails(p) {
      const min = magfaceMinLambdaG(p);
      return p.lambdaG < min
        ? [
            `λ_g = ${p.lambdaG} is below ${min.toFixed(2)}, the MagFace code's bound s·k·u_a²l_a²/(u_a²−l_a²): the norm need not grow with quality.`,
          ]
        : [];
    },
  },
  // The fused head: the easy margin at m(a), with ∂f/∂n through m (a = n inside [l_a, u_a]), and
  // λ_g·g(a) with its slope; a clipped norm passes no gradient, as tfjs's clip.
  fused: (spec) => {
    const k = slope(spec);
    return {
      kind: 'cosine',
      s: spec.s,
      target: (c, n) => {
        if (!(c > 0)) return [c, 1, 0];
        const m = magfaceMargin(spec, n);
        const [sin, dSin] = sinAndSlope(c);
        const cosM = Math.cos(m);
        const sinM = Math.sin(m);
        return [c * cosM - sin * sinM, cosM - dSin * sinM, clippedNorm(spec, n).inside ? k * (-c * sinM - sin * cosM) : 0];
      },
      penalty: (n) => {
        const { a, inside } = clippedNorm(spec, n);
        return [spec.lambdaG * (a / (spec.ua * spec.ua) + 1 / a), inside ? spec.lambdaG * (1 / (spec.ua * spec.ua) - 1 / (a * a)) : 0];
      },
    };
  },
};
