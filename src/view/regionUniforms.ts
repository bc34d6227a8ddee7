// Packs a RegionModel into shader uniforms (shared by the sphere shader and its tests of parity).
import * as THREE from 'three';
import type { RegionModel } from '../geometry/regions';
import { classColor } from './palette';

export const MAX_CLASSES = 12;

/** Loss kinds as the shader's integer codes. */
export const KIND_CODE = { softmax: 0, center: 0, normface: 1, cosface: 2, arcface: 3, combined: 4, sphereface: 5 } as const;
export const FALLBACK_CODE = { insightface: 0, easy: 1, none: 2 } as const;

export function makeRegionUniforms() {
  return {
    uW: { value: Array.from({ length: MAX_CLASSES }, () => new THREE.Vector3()) },
    uWNorm: { value: new Array<number>(MAX_CLASSES).fill(1) },
    uBias: { value: new Array<number>(MAX_CLASSES).fill(0) },
    uColor: { value: Array.from({ length: MAX_CLASSES }, (_, j) => new THREE.Color(classColor(j))) },
    uS: { value: 10 },
    uM: { value: 0.3 },
    uM1: { value: 1 },
    uM2: { value: 0 },
    uM3: { value: 0 },
    uLambda: { value: 0 },
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
  return [r.kind, r.s, r.m, r.m1, r.m2, r.m3, f(r.lambda, 4), r.fallback, f(r.featureNorm, 3), ...Array.from(r.bias, (b) => (coarse ? b.toFixed(3) : String(b))), ...Array.from(r.weightNorms, (n) => f(n, 3))].join(',');
}

/** Writes the current classifier and loss into the uniforms. */
export function setRegionUniforms(u: RegionUniforms, r: RegionModel, wDirs: Float32Array, C: number): void {
  const n = Math.min(C, MAX_CLASSES);
  for (let j = 0; j < n; j++) {
    u.uW.value[j]!.set(wDirs[3 * j] ?? 0, wDirs[3 * j + 1] ?? 0, wDirs[3 * j + 2] ?? 0);
    u.uWNorm.value[j] = r.weightNorms[j] ?? 1;
    u.uBias.value[j] = r.bias[j] ?? 0;
  }
  u.uS.value = r.s;
  u.uM.value = r.kind === 'sphereface' ? Math.max(1, Math.round(r.m)) : r.m;
  u.uM1.value = r.m1;
  u.uM2.value = r.m2;
  u.uM3.value = r.m3;
  u.uLambda.value = r.lambda;
  u.uFeatureNorm.value = r.featureNorm;
}

/**
 * GLSL mirror of geometry/regions.ts classifyDirection and losses/curves.ts targetLogit (÷ scale),
 * specialised at compile time for the class count, loss and fallback: fixed, unrolled loops and
 * no branching on the loss keep it cheap on software rasterizers (SwiftShader) too.
 */
export function regionGlsl(classes: number, kind: number, fallback: number): string {
  const C = Math.max(1, Math.min(MAX_CLASSES, classes));
  return /* glsl */ `
  #define PI 3.141592653589793
  #define NUM_CLASSES ${C}
  #define KIND ${kind}
  #define FALLBACK ${fallback}
  uniform vec3 uW[${MAX_CLASSES}];
  uniform float uWNorm[${MAX_CLASSES}];
  uniform float uBias[${MAX_CLASSES}];
  uniform vec3 uColor[${MAX_CLASSES}];
  uniform float uS, uM, uM1, uM2, uM3, uLambda, uFeatureNorm;

  float marginTarget(float c) {
    float cc = clamp(c, -0.99999, 0.99999);
  #if KIND == 2
    return cc - uM;
  #elif KIND == 3
    float phi = cc * cos(uM) - sqrt(1.0 - cc * cc) * sin(uM); // cos(θ + m), θ ∈ [0, π]
    #if FALLBACK == 0
      return cc > cos(PI - uM) ? phi : cc - uM * sin(uM);
    #elif FALLBACK == 1
      return cc > 0.0 ? phi : cc;
    #else
      return phi;
    #endif
  #elif KIND == 4
    return cos(uM1 * acos(cc) + uM2) - uM3;
  #elif KIND == 5
    float th = acos(cc);
    float k = clamp(floor(uM * th / PI), 0.0, uM - 1.0);
    float psi = (mod(k, 2.0) < 0.5 ? 1.0 : -1.0) * cos(uM * th) - 2.0 * k;
    return (uLambda * cc + psi) / (1.0 + uLambda);
  #else
    return cc;
  #endif
  }

  // Winner colour in col; returns (secure, angular distance to the nearest decision boundary).
  vec2 classify(vec3 n, out vec3 col) {
    float best = -1e30; float second = -1e30; float bestCos = -1.0; float other = -1.0;
    vec3 gBest = vec3(0.0); vec3 gSecond = vec3(0.0); // score gradients of the two best classes
    col = uColor[0];
    for (int j = 0; j < NUM_CLASSES; j++) {
      float c = dot(n, uW[j]);
  #if KIND == 0
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
  #if KIND == 0 || KIND == 1 || NUM_CLASSES < 2
    float secure = 1.0;
  #else
    float secure = marginTarget(bestCos) > other ? 1.0 : 0.0;
  #endif
    return vec2(secure, (best - second) / rate);
  }
`;
}
