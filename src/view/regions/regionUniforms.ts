// Packs a RegionModel into shader uniforms (shared by the sphere shader and its tests of parity).
import * as THREE from 'three';
import type { RegionModel } from '../../geometry/regions';
import { lossDef, type LossSpec } from '../../losses/registry';
import { classColor } from '../style/palette';

export const MAX_CLASSES = 12;

/** How the shader classifies: raw logits, or cosines with a margin rule (GLSL body) or none. */
export interface RegionShader {
  raw: boolean;
  /** The body of `marginTarget(cc)`; null: no margin zone. */
  margin: string | null;
  /** A one-vs-all loss (SphereFace2): each class's cap edge, cos θ = uLoss.x, is drawn as a ring in its colour (the caps may overlap). */
  caps?: boolean;
}

/** The shader variant of a spec (its discrete settings only: live values travel as uniforms). */
export function regionShader(spec: LossSpec): RegionShader {
  const def = lossDef(spec.kind);
  if (def.view.capCos) return { raw: false, margin: CAP_GLSL, caps: true };
  return { raw: def.train.rawLogits, margin: def.train.rawLogits ? null : (def.view.shader?.source(spec) ?? null) };
}

/** A one-vs-all loss's rule (SphereFace2): the winner holds a direction only inside its own cap, cos > uLoss.x (others' cosines are ≤ 1). */
const CAP_GLSL = 'return cc > uLoss.x ? 2.0 : -2.0;';

export function makeRegionUniforms() {
  return {
    uW: { value: Array.from({ length: MAX_CLASSES }, () => new THREE.Vector3()) },
    uWNorm: { value: new Array<number>(MAX_CLASSES).fill(1) },
    uBias: { value: new Array<number>(MAX_CLASSES).fill(0) },
    uColor: { value: Array.from({ length: MAX_CLASSES }, (_, j) => new THREE.Color(classColor(j))) },
    uLoss: { value: new THREE.Vector4() },
    uFeatureNorm: { value: 1 },
    uBase: { value: new THREE.Color('#e8e9ef') },
    uMarginColor: { value: new THREE.Color('#9a9aa2') },
    uLine: { value: new THREE.Color('#2a2c33') },
    uOpacity: { value: 0.8 },
  };
}
export type RegionUniforms = ReturnType<typeof makeRegionUniforms>;

/**
 * Everything of a region model but the weight directions, as a string: equal keys draw the same
 * map. `coarse` rounds the continuous values (λ, ‖x‖, bias, ‖w‖) to what the baked map can show.
 */
export function regionKey(r: RegionModel, coarse = false): string {
  const f = (v: number, digits: number) => (coarse ? v.toPrecision(digits) : String(v));
  const spec = Object.entries(r.spec).map(([k, v]) => `${k}=${typeof v === 'number' ? f(v, 4) : String(v)}`);
  return [
    ...spec,
    f(r.featureNorm, 3),
    ...Array.from(r.bias, (b) => (coarse ? b.toFixed(3) : String(b))),
    ...Array.from(r.weightNorms, (n) => f(n, 3)),
  ].join(',');
}

/** Writes the current classifier and loss into the uniforms. */
export function setRegionUniforms(u: RegionUniforms, r: RegionModel, wDirs: Float32Array, C: number): void {
  const n = Math.min(C, MAX_CLASSES);
  for (let j = 0; j < n; j++) {
    u.uW.value[j]!.set(wDirs[3 * j] ?? 0, wDirs[3 * j + 1] ?? 0, wDirs[3 * j + 2] ?? 0);
    u.uWNorm.value[j] = r.weightNorms[j] ?? 1;
    u.uBias.value[j] = r.bias[j] ?? 0;
  }
  const def = lossDef(r.spec.kind);
  const values = def.view.capCos ? [def.view.capCos(r.spec, C)] : (def.view.shader?.uniforms(r.spec, r.featureNorm) ?? []);
  u.uLoss.value.set(values[0] ?? 0, values[1] ?? 0, values[2] ?? 0, values[3] ?? 0);
  u.uFeatureNorm.value = r.featureNorm;
}

/**
 * GLSL mirror of geometry/regions.ts classifyDirection and each loss's targetLogit (÷ scale),
 * specialised at compile time for the class count and the loss's margin rule: fixed, unrolled
 * loops and no branching on the loss keep it cheap on software rasterizers (SwiftShader) too.
 */
export function regionGlsl(classes: number, shader: RegionShader): string {
  const C = Math.max(1, Math.min(MAX_CLASSES, classes));
  return /* glsl */ `
  #define PI 3.141592653589793
  #define NUM_CLASSES ${C}
  #define RAW_LOGITS ${shader.raw ? 1 : 0}
  #define HAS_MARGIN ${shader.margin === null ? 0 : 1}
  uniform vec3 uW[${MAX_CLASSES}];
  uniform float uWNorm[${MAX_CLASSES}];
  uniform float uBias[${MAX_CLASSES}];
  uniform vec3 uColor[${MAX_CLASSES}];
  uniform vec4 uLoss;
  uniform float uFeatureNorm;

  float marginTarget(float c) {
    float cc = clamp(c, -0.99999, 0.99999);
    ${shader.margin ?? 'return cc;'}
  }

  // Winner colour in col; returns (secure, angular distance to the nearest decision boundary).
  vec2 classify(vec3 n, out vec3 col) {
    float best = -1e30; float second = -1e30; float bestCos = -1.0; float other = -1.0;
    vec3 gBest = vec3(0.0); vec3 gSecond = vec3(0.0); // score gradients of the two best classes
    col = uColor[0];
    for (int j = 0; j < NUM_CLASSES; j++) {
      float c = dot(n, uW[j]);
  #if RAW_LOGITS
      float score = uFeatureNorm * uWNorm[j] * c + uBias[j];
      vec3 g = uFeatureNorm * uWNorm[j] * uW[j];
  #else
      float score = c;
      vec3 g = uW[j];
  #endif
      if (score > best) { second = best; gSecond = gBest; other = bestCos; best = score; gBest = g; bestCos = c; col = uColor[j]; }
      else {
        if (score > second) { second = score; gSecond = g; }
        other = max(other, c);
      }
    }
    // Gap over its rate of change along the sphere: the angle to the boundary (first order).
    float rate = max(length(cross(n, gBest - gSecond)), 1e-4);
  #if RAW_LOGITS || !HAS_MARGIN || NUM_CLASSES < 2
    float secure = 1.0;
  #else
    float secure = marginTarget(bestCos) > other ? 1.0 : 0.0;
  #endif
    return vec2(secure, (best - second) / rate);
  }
`;
}
