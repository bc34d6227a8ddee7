import { describe, expect, it } from 'vitest';
import { sphereface2CapCos } from '../losses/sphereface2';
import { classifyDirection, marginGapWidth, type RegionModel } from './regions';

const deg = (d: number) => (d * Math.PI) / 180;
const phi = deg(90);

describe('margin gap between two classes 90° apart in 2-D', () => {
  it('ArcFace: exactly m (θ_i + m = θ_j on both sides)', () => {
    expect(marginGapWidth({ kind: 'arcface', s: 10, m: 0.3 }, phi)).toBeCloseTo(0.3, 9);
    expect(marginGapWidth({ kind: 'arcface', s: 10, m: 0.5, fallback: 'none' }, phi)).toBeCloseTo(0.5, 9);
  });
  it('CosFace: cos θ − sin θ = m gives θ* = acos(m/√2) − 45°', () => {
    const m = 0.35;
    const theta = Math.acos(m / Math.SQRT2) - deg(45);
    expect(marginGapWidth({ kind: 'cosface', s: 30, m }, phi)).toBeCloseTo(phi - 2 * theta, 9);
  });
  it('SphereFace (λ = 0): mθ_i = θ_j gives a gap of φ(m−1)/(m+1)', () => {
    for (const m of [1, 2, 3, 4]) {
      expect(marginGapWidth({ kind: 'sphereface', m, lambda: 0 }, phi)).toBeCloseTo((phi * (m - 1)) / (m + 1), 9);
    }
  });
  it('SphereFace with a large λ (early annealing) has almost no gap', () => {
    const gap = marginGapWidth({ kind: 'sphereface', m: 4, lambda: 1000 }, phi);
    expect(gap).toBeGreaterThan(0);
    expect(gap).toBeLessThan(deg(0.2)); // ≈ 0.14° against 54° at λ = 0
  });
  it('combined (1, m2, m3) = ArcFace gap when m3 = 0, CosFace gap when m2 = 0', () => {
    expect(marginGapWidth({ kind: 'combined', s: 10, m1: 1, m2: 0.3, m3: 0 }, phi)).toBeCloseTo(0.3, 6);
    expect(marginGapWidth({ kind: 'combined', s: 10, m1: 1, m2: 0, m3: 0.35 }, phi)).toBeCloseTo(
      marginGapWidth({ kind: 'cosface', s: 10, m: 0.35 }, phi),
      6,
    );
  });
  it('NormFace and softmax have no gap', () => {
    expect(marginGapWidth({ kind: 'normface', s: 10 }, phi)).toBe(0);
    expect(marginGapWidth({ kind: 'softmax' }, phi)).toBe(0);
  });
});

describe('classifyDirection', () => {
  const base: RegionModel = {
    spec: { kind: 'arcface', s: 10, m: 0.3, fallback: 'insightface' },
    featureNorm: 1,
    weightNorms: [1, 1],
    bias: [0, 0],
  };
  const cosAt = (theta: number) => [Math.cos(theta), Math.cos(phi - theta)]; // weights at 0° and 90°
  it('ArcFace: secure below (90° − m)/2 from the weight, margin zone above', () => {
    const edge = (phi - 0.3) / 2;
    expect(classifyDirection(cosAt(edge - 0.01), base)).toEqual({ winner: 0, secure: true });
    expect(classifyDirection(cosAt(edge + 0.01), base)).toEqual({ winner: 0, secure: false });
    expect(classifyDirection(cosAt(phi - edge + 0.01), base)).toEqual({ winner: 1, secure: true });
  });
  it('softmax: the bias and ‖w‖ move the boundary, with no margin zone', () => {
    const soft: RegionModel = { ...base, spec: { kind: 'softmax' }, weightNorms: [1, 1], bias: [0, 0.5] };
    expect(classifyDirection(cosAt(deg(40)), soft)).toEqual({ winner: 1, secure: true }); // bias pulls it to class 1
    expect(classifyDirection(cosAt(deg(40)), { ...soft, bias: [0, 0] })).toEqual({ winner: 0, secure: true });
  });
  it('SphereFace2: the winner holds a direction only inside its own cap r·g(c) + b = 0, whatever the others', () => {
    const spec = { kind: 'sphereface2', alpha: 0.7, r: 40, m: 0.4, t: 3, lw: 50, gradient: 'detached', b: -20 } as const;
    const edge = sphereface2CapCos(spec, 2); // cap radius acos(edge) around each weight
    const radius = Math.acos(edge);
    const sf2: RegionModel = { spec, featureNorm: 1, weightNorms: [1, 1], bias: [0, 0] };
    expect(radius).toBeLessThan(phi / 2); // a gap between the two caps, 90° apart
    expect(classifyDirection(cosAt(radius - 0.01), sf2)).toEqual({ winner: 0, secure: true });
    expect(classifyDirection(cosAt(radius + 0.01), sf2)).toEqual({ winner: 0, secure: false }); // in the gap: nobody's
    expect(classifyDirection(cosAt(phi - radius + 0.01), sf2)).toEqual({ winner: 1, secure: true });
  });
});
