// The loss landscape's uniforms: what landscapeValues computed, packed for three's ShaderMaterial.
import * as THREE from 'three';
import type { Frame } from '../../train/frame';
import { headModelOf } from '../../train/headModel';
import { LOSS_HI, LOSS_LO, LOSS_RAMP } from '../style/lossRamp';
import { landscapeValues, MAX_LAND_COLUMNS, type LandscapeValues } from './landscapeGlsl';
import { MAX_CLASSES } from './regionUniforms';

export function makeLandscapeUniforms() {
  return {
    uLClass: { value: 0 },
    uLScale: { value: new Array<number>(MAX_CLASSES).fill(1) },
    uLBias: { value: new Array<number>(MAX_CLASSES).fill(0) },
    uLClip: { value: 0 },
    uLTarget: { value: new THREE.Vector4() },
    uLNeg: { value: new THREE.Vector4() },
    uLExtra: { value: new THREE.Vector2() },
    uLBin: { value: new THREE.Vector4(1, 0, 1, 0.5) },
    uLBinB: { value: new THREE.Vector2(0, 1) },
    uLCols: { value: Array.from({ length: MAX_LAND_COLUMNS }, () => new THREE.Vector3()) },
    uLCenters: { value: Array.from({ length: MAX_CLASSES }, () => new THREE.Vector3()) },
    // The ramp in the linear working space (THREE.Color converts the sRGB hex): the bake encodes its output.
    uLRamp: { value: LOSS_RAMP.map((c) => new THREE.Color(c)) },
    uLRange: { value: new THREE.Vector2(Math.log10(LOSS_LO), Math.log10(LOSS_HI)) },
  };
}
export type LandscapeUniforms = ReturnType<typeof makeLandscapeUniforms>;

/** Writes class y's landscape under the frame's own spec; false when it has none (no head, too many columns). */
export function setLandscapeUniforms(u: LandscapeUniforms, frame: Frame, D: number, featureNorm: number, y: number): boolean {
  const v: LandscapeValues | null = landscapeValues(frame.spec, headModelOf(frame, D), featureNorm, y);
  if (!v || v.scale.length > MAX_CLASSES || v.columns.length / 3 > MAX_LAND_COLUMNS) return false;
  u.uLClass.value = v.cls;
  v.scale.forEach((s, j) => (u.uLScale.value[j] = s));
  v.bias.forEach((b, j) => (u.uLBias.value[j] = b));
  u.uLClip.value = v.clip;
  u.uLTarget.value.fromArray(v.target);
  u.uLNeg.value.fromArray(v.negative);
  u.uLExtra.value.fromArray(v.extra);
  u.uLBin.value.fromArray(v.bin);
  u.uLBinB.value.fromArray(v.binB);
  for (let j = 0; j < v.columns.length / 3; j++) u.uLCols.value[j]!.fromArray(v.columns, 3 * j);
  for (let j = 0; j < v.centers.length / 3; j++) u.uLCenters.value[j]!.fromArray(v.centers, 3 * j);
  return true;
}
