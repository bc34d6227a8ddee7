// The landscape's contract: the GLSL the sphere is coloured with equals the loss of the head training
// runs (probeFeature) at sampled directions, for every loss and variant.
import { lab65 } from 'culori';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../data/rng';
import { probeFeature, type HeadModel } from '../../losses/probe';
import type { LossSpec } from '../../losses/registry';
import { inputs, SPECS } from '../../losses/test/headCases';
import { lossPosition, LOSS_HI, LOSS_LO, LOSS_RAMP } from '../style/lossRamp';
import { landscapeFunctions, landscapeShader, landscapeValues } from './landscapeGlsl';
import { glslToJs } from './test/glslToJs';

/** ℓ at unit direction n by the landscape's GLSL, run as JavaScript with the uniforms the view sets. */
function glslLoss(spec: LossSpec, model: HeadModel, featureNorm: number, y: number, n: readonly number[]): number {
  const shader = landscapeShader(spec)!;
  const v = landscapeValues(spec, model, featureNorm, y)!;
  const C = v.scale.length;
  const xyzw = (a: readonly number[]) => ({ x: a[0], y: a[1], z: a[2], w: a[3] });
  const fn = glslToJs(landscapeFunctions(shader), 'landscapeLoss', {
    NUM_CLASSES: C,
    uLClass: v.cls,
    uLScale: v.scale,
    uLBias: v.bias,
    uLClip: v.clip,
    uLTarget: xyzw(v.target),
    uLNeg: xyzw(v.negative),
    uLExtra: xyzw(v.extra),
    uLBin: xyzw(v.bin),
    uLBinB: xyzw(v.binB),
  });
  // landscapeColor's vector part: each class's best sub-centre (columns j·K … j·K + K − 1), x̂·c_j.
  const dot = (a: ArrayLike<number>, i: number) => n[0]! * a[3 * i]! + n[1]! * a[3 * i + 1]! + n[2]! * a[3 * i + 2]!;
  const c = Array.from({ length: C }, (_, j) => Math.max(...Array.from({ length: shader.K }, (_, k) => dot(v.columns, j * shader.K + k))));
  const cd = Array.from({ length: C }, (_, j) => dot(v.centers, j));
  return fn(c, cd);
}

function randomDirections(count: number, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => {
    const v = [rng.normal(), rng.normal(), rng.normal()];
    const r = Math.hypot(...v);
    return v.map((a) => a / r);
  });
}

describe('the loss landscape: its GLSL equals the head’s loss', () => {
  it.each(SPECS.map((s) => [`${s.kind} ${JSON.stringify(s)}`, s] as const))('%s', (_name, spec) => {
    const C = 5;
    const model = inputs(spec, 1, 3, C);
    let checked = 0;
    for (const featureNorm of [0.8, 3.5]) {
      for (let y = 0; y < C; y++) {
        for (const n of randomDirections(12, 7 * y + 1)) {
          const want = probeFeature(
            spec,
            model,
            n.map((a) => a * featureNorm),
            y,
          )!.loss;
          const got = glslLoss(spec, model, featureNorm, y, n);
          expect(
            Math.abs(got - want),
            `${spec.kind}: y = ${y}, ‖x‖ = ${featureNorm}, n = ${n.map((a) => a.toFixed(3))}`,
          ).toBeLessThanOrEqual(1e-6 + 1e-5 * Math.abs(want));
          checked++;
        }
      }
    }
    expect(checked).toBe(2 * C * 12);
  });

  it('a spec with no head (center loss normalised) has no landscape', () => {
    expect(landscapeShader({ kind: 'center', lambda: 0.3, normalize: true })).toBeNull();
  });
});

describe('the landscape’s colour scale', () => {
  it('spans 0.01–100 on a log scale, every decade a quarter', () => {
    expect(lossPosition(LOSS_LO)).toBe(0);
    expect(lossPosition(LOSS_HI)).toBe(1);
    expect(lossPosition(1)).toBeCloseTo(0.5, 12);
    expect(lossPosition(0.1)).toBeCloseTo(0.25, 12);
    expect(lossPosition(0)).toBe(0);
    expect(lossPosition(Infinity)).toBe(1);
    expect(lossPosition(NaN)).toBe(1);
  });
  it('its lightness rises at every stop (CIELAB L*), so the order reads without colour', () => {
    const L = LOSS_RAMP.map((c) => lab65(c)!.l);
    for (let i = 1; i < L.length; i++) expect(L[i]!).toBeGreaterThan(L[i - 1]! + 4);
  });
});
