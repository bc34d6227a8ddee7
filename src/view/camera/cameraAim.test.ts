import { describe, expect, it } from 'vitest';
import { bestViewDirection, fibonacciSphere } from './cameraAim';
import { separateLabels } from '../labels/labelLayout';
import { cueAnchorPoint } from '../labels/cueAnchor';

const dot = (a: number[], b: number[]) => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;

describe('camera aim', () => {
  it('lattice points are unit vectors spread over both hemispheres', () => {
    const pts = fibonacciSphere(100);
    for (const p of pts) expect(Math.hypot(...p)).toBeCloseTo(1, 10);
    expect(pts.filter((p) => p[1] > 0).length).toBe(50);
  });
  it('looks from the side where the weights are, not from their silhouette', () => {
    // Five weights clustered around +x, one at −x: the view must face +x with all five in view.
    const W = [
      [1, 0, 0],
      [0.8, 0.5, 0],
      [0.8, -0.5, 0],
      [0.8, 0, 0.5],
      [0.8, 0, -0.5],
      [-1, 0, 0],
    ].map((v) => v.map((x) => x / Math.hypot(...v)));
    const c = bestViewDirection(W.flat(), 6);
    for (let j = 0; j < 5; j++) expect(dot(c, W[j]!)).toBeGreaterThanOrEqual(0.5);
    expect(c[0]).toBeGreaterThan(0.9);
  });
  it('keeps the elevation within ±60° even when the weights sit at a pole', () => {
    const c = bestViewDirection([0, 1, 0, 0.1, 0.99, 0], 2);
    expect(Math.abs(c[1])).toBeLessThanOrEqual(0.87);
    expect(c[1]).toBeGreaterThan(0.8); // as high as allowed, towards them
  });
});

describe('label layout', () => {
  it('pushes two overlapping labels apart until they no longer overlap', () => {
    const boxes = [
      { x: 100, y: 100, halfW: 20, halfH: 10 },
      { x: 110, y: 104, halfW: 20, halfH: 10 },
    ];
    expect(separateLabels(boxes)).toBe(0);
    const [a, b] = boxes;
    expect(Math.abs(a!.x - b!.x) >= 42 || Math.abs(a!.y - b!.y) >= 22).toBe(true);
    // Moved symmetrically: the pair's centre stays put.
    expect((a!.y + b!.y) / 2).toBeCloseTo(102, 10);
  });
  it('splits identical labels and leaves separate ones alone', () => {
    const same = [
      { x: 0, y: 0, halfW: 10, halfH: 5 },
      { x: 0, y: 0, halfW: 10, halfH: 5 },
    ];
    expect(separateLabels(same)).toBe(0);
    expect(same[0]!.y).toBeLessThan(same[1]!.y);
    const apart = [
      { x: 0, y: 0, halfW: 10, halfH: 5 },
      { x: 50, y: 0, halfW: 10, halfH: 5 },
    ];
    separateLabels(apart);
    expect(apart.map((b) => b.x)).toEqual([0, 50]);
  });
});

describe('tour cue anchor', () => {
  const vs = {
    wDirs: Float32Array.from([1, 0, 0, 0, 1, 0, -1, 0, 0]),
    centers: Float32Array.from([0.5, 0.1, 0, 0, 0, 0, 0, 0, 0]),
    means: Float32Array.from([0, 0, 2, 0, 0, 0, 0, 0, 0]),
    heldoutMeans: Float32Array.from([0, -3, 0, 1, 0, 0]),
    radius: 2,
  };
  it('points at class 1’s weight tip, centre, cluster, and the boundary to its nearest neighbour', () => {
    expect(cueAnchorPoint(vs, 'weight')).toEqual([2, 0, 0]);
    expect(cueAnchorPoint(vs, 'center')).toEqual([0.5, 0.10000000149011612, 0]);
    expect(cueAnchorPoint(vs, 'cluster')).toEqual([0, 0, 2]);
    expect(cueAnchorPoint(vs, 'heldout')).toEqual([0, -2, 0]);
    expect(cueAnchorPoint({ ...vs, heldoutMeans: new Float32Array(0) }, 'heldout')).toBeNull();
    const b = cueAnchorPoint(vs, 'boundary')!; // bisector of (1,0,0) and (0,1,0) at radius 2
    expect(b[0]).toBeCloseTo(Math.SQRT2, 6);
    expect(b[1]).toBeCloseTo(Math.SQRT2, 6);
  });
  it('has nothing to point at before the first frame', () => {
    expect(
      cueAnchorPoint(
        {
          wDirs: new Float32Array(0),
          centers: new Float32Array(0),
          means: new Float32Array(0),
          heldoutMeans: new Float32Array(0),
          radius: 1,
        },
        'weight',
      ),
    ).toBeNull();
  });
});
