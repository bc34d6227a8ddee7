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
    uC: { value: 0 },
    uKind: { value: 3 },
    uFallback: { value: 0 },
    uS: { value: 10 },
    uM: { value: 0.3 },
    uM1: { value: 1 },
    uM2: { value: 0 },
    uM3: { value: 0 },
    uLambda: { value: 0 },
    uFeatureNorm: { value: 1 },
    uShowRegions: { value: 1 },
    uShowMargins: { value: 1 },
    uBase: { value: new THREE.Color('#e8e9ef') },
    uMarginColor: { value: new THREE.Color('#9a9aa2') },
    uLine: { value: new THREE.Color('#2a2c33') },
    uOpacity: { value: 0.8 },
  };
}
export type RegionUniforms = ReturnType<typeof makeRegionUniforms>;

/** Writes the current classifier and loss into the uniforms. */
export function setRegionUniforms(u: RegionUniforms, r: RegionModel, wDirs: Float32Array, C: number): void {
  const n = Math.min(C, MAX_CLASSES);
  u.uC.value = n;
  for (let j = 0; j < n; j++) {
    u.uW.value[j]!.set(wDirs[3 * j] ?? 0, wDirs[3 * j + 1] ?? 0, wDirs[3 * j + 2] ?? 0);
    u.uWNorm.value[j] = r.weightNorms[j] ?? 1;
    u.uBias.value[j] = r.bias[j] ?? 0;
  }
  u.uKind.value = KIND_CODE[r.kind];
  u.uFallback.value = FALLBACK_CODE[r.fallback];
  u.uS.value = r.s;
  u.uM.value = r.kind === 'sphereface' ? Math.max(1, Math.round(r.m)) : r.m;
  u.uM1.value = r.m1;
  u.uM2.value = r.m2;
  u.uM3.value = r.m3;
  u.uLambda.value = r.lambda;
  u.uFeatureNorm.value = r.featureNorm;
}

/** GLSL mirror of geometry/regions.ts classifyDirection and losses/curves.ts targetLogit (÷ scale). */
export const REGION_GLSL = /* glsl */ `
  #define PI 3.141592653589793
  uniform vec3 uW[${MAX_CLASSES}];
  uniform float uWNorm[${MAX_CLASSES}];
  uniform float uBias[${MAX_CLASSES}];
  uniform vec3 uColor[${MAX_CLASSES}];
  uniform int uC;
  uniform int uKind;
  uniform int uFallback;
  uniform float uS, uM, uM1, uM2, uM3, uLambda, uFeatureNorm;

  float marginTarget(float c) {
    float cc = clamp(c, -0.99999, 0.99999);
    float th = acos(cc);
    if (uKind == 2) return cc - uM;
    if (uKind == 3) {
      float phi = cos(th + uM);
      if (uFallback == 0) return cc > cos(PI - uM) ? phi : cc - uM * sin(uM);
      if (uFallback == 1) return cc > 0.0 ? phi : cc;
      return phi;
    }
    if (uKind == 4) return cos(uM1 * th + uM2) - uM3;
    if (uKind == 5) {
      float k = clamp(floor(uM * th / PI), 0.0, uM - 1.0);
      float psi = (mod(k, 2.0) < 0.5 ? 1.0 : -1.0) * cos(uM * th) - 2.0 * k;
      return (uLambda * cc + psi) / (1.0 + uLambda);
    }
    return cc;
  }

  // Returns (winner, secure, best score, second score) for a unit direction n.
  vec4 classify(vec3 n) {
    float best = -1e30; float second = -1e30; float bestCos = -1.0; float other = -1.0;
    int winner = 0;
    for (int j = 0; j < ${MAX_CLASSES}; j++) {
      if (j >= uC) break;
      float c = dot(n, uW[j]);
      float score = uKind == 0 ? uFeatureNorm * uWNorm[j] * c + uBias[j] : c;
      if (score > best) { second = best; other = bestCos; best = score; bestCos = c; winner = j; }
      else if (score > second) { second = score; other = max(other, c); }
      else { other = max(other, c); }
    }
    float secure = (uKind == 0 || uKind == 1 || uC < 2) ? 1.0 : (marginTarget(bestCos) > other ? 1.0 : 0.0);
    return vec4(float(winner), secure, best, second);
  }

  vec3 classColorAt(int w) {
    vec3 col = uColor[0];
    for (int j = 0; j < ${MAX_CLASSES}; j++) { if (j == w) col = uColor[j]; }
    return col;
  }
`;
