import { describe, expect, it } from 'vitest';
import { annealedLambda, arcfacePhi, cosfaceMaxMargin, cosfaceMinScale, idealMinAngle, sphereK, spherePsi, targetLogit } from './curves';

const deg = (d: number) => (d * Math.PI) / 180;

describe('SphereFace ψ and k', () => {
  it('ψ(0) = 1 and ψ(π) = 1 − 2m for m = 1…4', () => {
    for (const m of [1, 2, 3, 4]) {
      expect(spherePsi(0, m)).toBeCloseTo(1, 12);
      expect(spherePsi(Math.PI, m)).toBeCloseTo(1 - 2 * m, 12);
    }
  });
  it('k = ⌊mθ/π⌋ within [0, m−1]', () => {
    expect(sphereK(deg(44), 4)).toBe(0);
    expect(sphereK(deg(46), 4)).toBe(1);
    expect(sphereK(deg(100), 4)).toBe(2);
    expect(sphereK(deg(170), 4)).toBe(3);
    expect(sphereK(Math.PI, 4)).toBe(3); // mθ/π = m exactly stays on the last branch
    expect(sphereK(deg(170), 1)).toBe(0);
  });
  it('ψ is continuous and strictly decreasing on [0, π] (m = 4)', () => {
    let prev = spherePsi(0, 4);
    for (let i = 1; i <= 1800; i++) {
      const v = spherePsi((i / 1800) * Math.PI, 4);
      expect(v).toBeLessThan(prev);
      expect(prev - v).toBeLessThan(0.03); // no jumps: |ψ'| ≤ m = 4, step π/1800 → ≤ 0.007
      prev = v;
    }
  });
  it('hand values: m = 2 gives ψ(60°) = cos 120° = −0.5 (k = 0), ψ(120°) = −cos 240° − 2 = −1.5 (k = 1)', () => {
    expect(spherePsi(deg(60), 2)).toBeCloseTo(-0.5, 12);
    expect(spherePsi(deg(120), 2)).toBeCloseTo(-1.5, 12);
  });
});

describe('λ annealing (Caffe defaults)', () => {
  it('λ(0) = 1000, λ(1) ≈ 893, floor 5 from it ≈ 1659', () => {
    expect(annealedLambda(0)).toBe(1000);
    expect(annealedLambda(1)).toBeCloseTo(1000 / 1.12, 9);
    expect(annealedLambda(1)).toBeCloseTo(892.857, 2);
    expect(annealedLambda(1657)).toBeGreaterThan(5);
    expect(annealedLambda(1659)).toBe(5);
    expect(annealedLambda(1e6)).toBe(5);
  });
  it('accepts a custom schedule', () => {
    expect(annealedLambda(10, { base: 100, gamma: 0.1, power: 2, lambdaMin: 0 })).toBeCloseTo(25, 12);
  });
});

describe('CosFace bounds', () => {
  it('lowest s for C = 8: 3.6 at P = 0.9, 5.7 at P = 0.99', () => {
    expect(cosfaceMinScale(8, 0.9)).toBeCloseTo((7 / 8) * Math.log(63), 12);
    expect(cosfaceMinScale(8, 0.9)).toBeCloseTo(3.6, 1);
    expect(cosfaceMinScale(8, 0.99)).toBeCloseTo(5.7, 1);
  });
  it('highest m: 1 − cos(2π/8) ≈ 0.29 in 2-D for C = 8; C/(C−1) when C ≤ D+1', () => {
    expect(cosfaceMaxMargin(8, 2)).toBeCloseTo(1 - Math.cos(Math.PI / 4), 12);
    expect(cosfaceMaxMargin(8, 2)).toBeCloseTo(0.29, 2);
    expect(cosfaceMaxMargin(3, 2)).toBeCloseTo(1.5, 12);
    expect(cosfaceMaxMargin(4, 3)).toBeCloseTo(4 / 3, 12);
    expect(cosfaceMaxMargin(6, 3)).toBeCloseTo(1, 9); // octahedron: 90°
    expect(cosfaceMaxMargin(20, 3)).toBeUndefined();
  });
  it('ideal spreads: 2π/C on the circle, the tetrahedral angle for 4 in 3-D', () => {
    expect(idealMinAngle(5, 2)).toBeCloseTo(deg(72), 12);
    expect(idealMinAngle(4, 3)).toBeCloseTo(Math.acos(-1 / 3), 12);
    expect(idealMinAngle(1, 2)).toBeUndefined();
  });
});

describe('target logit curves', () => {
  const theta = deg(60); // cos = 0.5
  it('NormFace, CosFace, combined', () => {
    expect(targetLogit({ kind: 'normface', s: 10 }, theta)).toBeCloseTo(5, 12);
    expect(targetLogit({ kind: 'cosface', s: 10, m: 0.2 }, theta)).toBeCloseTo(3, 12);
    expect(targetLogit({ kind: 'combined', s: 10, m1: 1, m2: deg(30), m3: 0.1 }, theta)).toBeCloseTo(-1, 9);
  });
  it('ArcFace: cos(θ + m) before π − m, each fallback after', () => {
    const m = 0.5;
    expect(targetLogit({ kind: 'arcface', s: 2, m }, theta)).toBeCloseTo(2 * Math.cos(theta + m), 9);
    const late = deg(160); // θ + m > π
    const c = Math.cos(late);
    expect(arcfacePhi(c, m, 'insightface')).toBeCloseTo(c - m * Math.sin(m), 9);
    expect(arcfacePhi(c, m, 'easy')).toBeCloseTo(c, 9);
    expect(arcfacePhi(c, m, 'none')).toBeCloseTo(Math.cos(late + m), 9);
    expect(arcfacePhi(Math.cos(deg(100)), m, 'easy')).toBeCloseTo(Math.cos(deg(100)), 9);
  });
  it('SphereFace blends λ·cos θ with ψ(θ) and scales by ‖x‖', () => {
    // θ = 120°: cos = −0.5, ψ = −1.5, so ‖x‖·(λc + ψ)/(1+λ) = 4·(−0.5 − 1.5)/2 = −4.
    expect(targetLogit({ kind: 'sphereface', m: 2, lambda: 1 }, deg(120), 4)).toBeCloseTo(-4, 9);
    expect(targetLogit({ kind: 'sphereface', m: 2, lambda: 1, s: 8 }, deg(120), 4)).toBeCloseTo(-8, 9);
    expect(targetLogit({ kind: 'softmax' }, theta, 3)).toBeCloseTo(1.5, 12);
  });
});
