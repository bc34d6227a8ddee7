// The loss landscape in GLSL: ℓ(x̂; y), the loss a feature of class y at norm ‖x‖ would incur at each
// direction, from the rule the head trains with (losses/probe.ts's probeFeature runs that head on the
// CPU; landscape.test.ts holds this GLSL equal to it for every loss). Strings and plain numbers only.
import { lossDef, type LossSpec } from '../../losses/registry';
import { headOf, type HeadModel } from '../../losses/probe';
import { MAX_SUBCENTERS } from '../../losses/subcenter';
import { unitColumns } from '../../losses/unitVectors';
import { MAX_CLASSES } from './regionUniforms';

/** W's columns the landscape reads at most: every class's sub-centres (classes × K). */
export const MAX_LAND_COLUMNS = MAX_CLASSES * MAX_SUBCENTERS;

/** The class a landscape shows: the one asked for, or the hovered point's; within the run's classes. */
export function landscapeClass(vs: { hoverClass: number; info: { numClasses: number } | null }, cls: number | 'hover'): number {
  const C = vs.info?.numClasses ?? 1;
  return Math.max(0, Math.min(C - 1, cls === 'hover' ? vs.hoverClass : cls));
}

/** The shader variant of a spec: which assembly, its target and negative rules, sub-centres per class (discrete: a change recompiles). */
export interface LandscapeShader {
  head: 'softmax' | 'binary';
  /** Body of `float landTarget(float c)`, with `cc` the cosine clamped to ±0.99999 and `uLTarget` its values. */
  target: string;
  /** Body of `float landNegative(float c, float cy)`, reading `uLNeg`. */
  negative: string;
  K: number;
}

/** The landscape shader of a spec; null when the spec has no head (it trains on tfjs's tape). */
export function landscapeShader(spec: LossSpec): LandscapeShader | null {
  const head = headOf(spec);
  if (!head) return null;
  if (head.kind === 'binary') return { head: 'binary', target: 'return c;', negative: 'return c;', K: 1 };
  const def = lossDef(spec.kind);
  const rule = head.kind === 'cosine' ? (def.view.landscape?.target ?? def.view.shader) : undefined;
  return {
    head: 'softmax',
    target: rule ? rule.source(spec).replace(/\buLoss\b/g, 'uLTarget') : 'return c;',
    negative: def.view.landscape?.negative?.source(spec) ?? 'return c;',
    K: head.kind === 'cosine' ? (head.K ?? 1) : 1,
  };
}

/** The landscape's values for one class: what its uniforms hold. */
export interface LandscapeValues {
  cls: number;
  /** Each class's logit scale r_j, and its bias (raw logits). */
  scale: number[];
  bias: number[];
  clip: number;
  target: number[];
  negative: number[];
  /** A constant added to ℓ, and the factor on x̂·c_y taken off it (center loss's pull, MagFace's penalty). */
  extra: [number, number];
  /** The binary head: (r, m, t, α) and (b, λ). */
  bin: [number, number, number, number];
  binB: [number, number];
  /** W's columns as unit vectors (3 floats each, C·K of them), and the centres (3 floats a class). */
  columns: Float32Array;
  centers: Float32Array;
}

const vec4 = (v: readonly number[]) => [0, 1, 2, 3].map((i) => v[i] ?? 0);

/** The values of class y's landscape for features of norm `featureNorm` (D ≤ 3: the drawn space is the feature space). */
export function landscapeValues(spec: LossSpec, model: HeadModel, featureNorm: number, y: number): LandscapeValues | null {
  const head = headOf(spec);
  if (!head) return null;
  const { D, W } = model;
  const cols = W.length / D;
  const K = head.kind === 'cosine' ? (head.K ?? 1) : 1;
  const C = cols / K;
  const { wn, rw } = unitColumns(W, D, cols);
  const columns = new Float32Array(3 * cols);
  for (let j = 0; j < cols; j++) for (let d = 0; d < D; d++) columns[3 * j + d] = wn[d * cols + j]!;
  const centers = new Float32Array(3 * C);
  if (model.centers) for (let j = 0; j < C; j++) for (let d = 0; d < D; d++) centers[3 * j + d] = model.centers[j * D + d] as number;
  const out: LandscapeValues = {
    cls: y,
    scale: new Array<number>(C).fill(1),
    bias: new Array<number>(C).fill(0),
    clip: 0,
    target: [0, 0, 0, 0],
    negative: [0, 0, 0, 0],
    extra: [0, 0],
    bin: [1, 0, 1, 0.5],
    binB: [0, 1],
    columns,
    centers,
  };
  const n = featureNorm;
  if (head.kind === 'binary') {
    out.bin = [head.r, head.m, head.t, head.alpha];
    out.binB = [(model.bias?.[0] as number | undefined) ?? 0, head.lw];
    return out;
  }
  if (head.kind === 'raw') {
    // Raw logits x·W_j + b_j = ‖x‖‖W_j‖cos θ_j + b_j; center loss's λ/2‖x − c_y‖² = λ/2(‖x‖² + ‖c_y‖²) − λ‖x‖ x̂·c_y.
    out.scale = Array.from({ length: C }, (_, j) => n / rw[j]!);
    if (head.bias) out.bias = Array.from({ length: C }, (_, j) => (model.bias?.[j] as number | undefined) ?? 0);
    if (head.pull !== undefined && model.centers) {
      let cc = 0;
      for (let d = 0; d < D; d++) cc += (model.centers[y * D + d] as number) ** 2;
      out.extra = [(head.pull / 2) * (n * n + cc), head.pull * n];
    }
    return out;
  }
  const def = lossDef(spec.kind);
  const rule = def.view.landscape?.target ?? def.view.shader;
  out.scale = Array.from({ length: C }, (_, j) => (head.s === 'norm' ? n : head.s === 'norms' ? n / rw[j * K]! : head.s));
  out.clip = head.clip ?? 0;
  out.target = vec4(rule?.uniforms(spec, n) ?? []);
  out.negative = vec4(def.view.landscape?.negative?.uniforms(spec, n) ?? []);
  out.extra = [head.penalty ? head.penalty(n)[0] : 0, 0];
  return out;
}

/**
 * GLSL of `float landscapeLoss(float c[NUM_CLASSES], float cd[NUM_CLASSES])`: ℓ from each class's
 * cosine c_j (its best sub-centre) and x̂·c_j. Plain scalar code (no vectors), so that a test can run
 * it as JavaScript. Needs `NUM_CLASSES` defined.
 */
export function landscapeFunctions(shader: LandscapeShader): string {
  const assembly =
    shader.head === 'binary'
      ? /* glsl */ `
  float loss = 0.0;
  for (int j = 0; j < NUM_CLASSES; j++) {
    float cj = clamp(c[j], -1.0, 1.0);
    float g = 2.0 * pow((cj + 1.0) / 2.0, uLBin.z) - 1.0;
    if (j == uLClass) loss += uLBin.w * landSoftplus(-(uLBin.x * (g - uLBin.y) + uLBinB.x));
    else loss += (1.0 - uLBin.w) * landSoftplus(uLBin.x * (g + uLBin.y) + uLBinB.x);
  }
  return (uLBinB.y / uLBin.x) * loss;`
      : /* glsl */ `
  float cy = 0.0;
  float dy = 0.0;
  for (int j = 0; j < NUM_CLASSES; j++) {
    if (j == uLClass) {
      cy = landClip(c[j]);
      dy = cd[j];
    }
  }
  float zMax = -1e30;
  float zy = 0.0;
  for (int j = 0; j < NUM_CLASSES; j++) {
    float z = landLogit(j, landClip(c[j]), cy);
    zMax = max(zMax, z);
    if (j == uLClass) zy = z;
  }
  float sum = 0.0;
  for (int j = 0; j < NUM_CLASSES; j++) {
    sum += exp(landLogit(j, landClip(c[j]), cy) - zMax);
  }
  return zMax + log(sum) - zy + uLExtra.x - uLExtra.y * dy;`;
  return /* glsl */ `
float landSoftplus(float z) {
  return max(z, 0.0) + log(1.0 + exp(-abs(z)));
}
float landClip(float c) {
  return uLClip > 0.0 ? clamp(c, -1.0 + uLClip, 1.0 - uLClip) : c;
}
float landTarget(float c) {
  float cc = clamp(c, -0.99999, 0.99999);
  ${shader.target}
}
float landNegative(float c, float cy) {
  ${shader.negative}
}
float landLogit(int j, float c, float cy) {
  if (j == uLClass) return uLScale[j] * landTarget(c) + uLBias[j];
  return uLScale[j] * landNegative(c, cy) + uLBias[j];
}
float landscapeLoss(float c[NUM_CLASSES], float cd[NUM_CLASSES]) {${assembly}
}
`;
}

/** The landscape's uniforms, its functions, and `vec3 landscapeColor(vec3 n)`: the colour at a unit direction. */
export function landscapeGlsl(shader: LandscapeShader): string {
  return /* glsl */ `
  #define L_K ${shader.K}
  uniform int uLClass;
  uniform float uLScale[${MAX_CLASSES}];
  uniform float uLBias[${MAX_CLASSES}];
  uniform float uLClip;
  uniform vec4 uLTarget;
  uniform vec4 uLNeg;
  uniform vec2 uLExtra;
  uniform vec4 uLBin;
  uniform vec2 uLBinB;
  uniform vec3 uLCols[${MAX_LAND_COLUMNS}];
  uniform vec3 uLCenters[${MAX_CLASSES}];
  uniform vec3 uLRamp[9];
  uniform vec2 uLRange; // log10 of the scale's ends
  ${landscapeFunctions(shader)}
  vec3 landscapeColor(vec3 n) {
    float c[NUM_CLASSES];
    float cd[NUM_CLASSES];
    for (int j = 0; j < NUM_CLASSES; j++) {
      float best = -2.0;
      for (int k = 0; k < L_K; k++) best = max(best, dot(n, uLCols[j * L_K + k]));
      c[j] = best;
      cd[j] = dot(n, uLCenters[j]);
    }
    float loss = landscapeLoss(c, cd);
    float t = clamp((log(max(loss, 1e-30)) / log(10.0) - uLRange.x) / (uLRange.y - uLRange.x), 0.0, 1.0) * 8.0;
    int i = int(min(floor(t), 7.0));
    vec3 lo = uLRamp[0];
    vec3 hi = uLRamp[1];
    for (int k = 0; k < 8; k++) {
      if (k == i) {
        lo = uLRamp[k];
        hi = uLRamp[k + 1];
      }
    }
    return mix(lo, hi, t - float(i));
  }
`;
}
