import { describe, expect, it } from 'vitest';
import type { FrameSlot } from './frameSlot';
import { defaultParams } from '../../params/table';
import type { Frame, RunInfo } from '../../train/frame';
import { ViewState } from './viewState';

const info: RunInfo = {
  dim: 2,
  numClasses: 2,
  inputDim: 2,
  trainLabels: Int32Array.from([0, 1]),
  testLabels: Int32Array.from([1]),
  heldoutLabels: new Int32Array(0),
  numHeldout: 0,
};
function frame(train: number[]): Frame {
  return {
    step: 1,
    loss: 0.1,
    spec: { kind: 'arcface', s: 10, m: 0.3, fallback: 'none' },
    lambda: NaN,
    lossState: [],
    train: Float32Array.from(train),
    test: Float32Array.from([0, -3]),
    heldout: new Float32Array(0),
    forces: new Float32Array(0),
    W: Float32Array.from([1, 0, 0, 1]),
    bias: Float32Array.from([0, 0]),
    centers: Float32Array.from([0, 0, 0, 0]),
    metrics: {
      trainAccuracy: 1,
      testAccuracy: 1,
      meanAngleToWeight: 0,
      intraClassAngle: 0,
      testIntraClassAngle: 0,
      marginP5: 0,
      marginMedian: 0,
      minWeightAngle: Math.PI / 2,
      turningForce: NaN,
      histOwn: new Uint32Array(36),
      histNearest: new Uint32Array(36),
    },
    numTensors: 0,
  };
}

describe('ViewState', () => {
  it('waits for a frame, whatever the projection (no crash before the first frame)', () => {
    const vs = new ViewState();
    const empty: FrameSlot = { frame: null, info: null, receivedAt: 0, serial: 0 };
    expect(() => vs.update(empty, { ...defaultParams(), projection: 'raw' }, 0)).not.toThrow();
    expect(vs.frame).toBeNull();
  });
  it('projects onto the unit circle, or scales raw features to fit', () => {
    const vs = new ViewState();
    const slot: FrameSlot = { frame: frame([2, 0, 0, 4]), info, receivedAt: 0, serial: 1 };
    vs.update(slot, defaultParams(), 0);
    expect(Array.from(vs.points('train'))).toEqual([1, 0, 0, 0, 1, 0]);
    vs.update(slot, { ...defaultParams(), loss: 'softmax', projection: 'raw' }, 1);
    // Raw: the larger norm (4) sets the scale, so both keep their ratio 1 : 2.
    expect(vs.points('train')[4]! / vs.points('train')[0]!).toBeCloseTo(2, 5);
    expect(vs.radius).toBeGreaterThan(0);
  });
  it('moves points smoothly from one frame to the next', () => {
    const vs = new ViewState();
    vs.update({ frame: frame([1, 0, 0, 1]), info, receivedAt: 0, serial: 1 }, defaultParams(), 0);
    vs.update({ frame: frame([0, 1, 1, 0]), info, receivedAt: 0, serial: 2 }, defaultParams(), 50);
    vs.update({ frame: frame([0, 1, 1, 0]), info, receivedAt: 0, serial: 2 }, defaultParams(), 60);
    const x = vs.points('train')[0]!;
    const y = vs.points('train')[1]!;
    expect(x).toBeGreaterThan(0); // on its way from (1, 0) to (0, 1), still on the circle
    expect(y).toBeGreaterThan(0);
    expect(Math.hypot(x, y)).toBeCloseTo(1, 5);
  });
  it('eases on the GPU: from and to change only when a frame arrives, the ease in between', () => {
    const vs = new ViewState();
    vs.update({ frame: frame([1, 0, 0, 1]), info, receivedAt: 0, serial: 1 }, defaultParams(), 0);
    const second = { frame: frame([0, 1, 1, 0]), info, receivedAt: 0, serial: 2 };
    vs.update(second, defaultParams(), 50);
    const version = vs.version;
    expect(Array.from(vs.from.train)).toEqual([1, 0, 0, 0, 1, 0]); // where the first frame was drawn
    expect(Array.from(vs.to.train)).toEqual([0, 1, 0, 1, 0, 0]);
    expect(vs.ease).toBe(0);
    vs.update(second, defaultParams(), 60);
    expect(vs.version).toBe(version); // nothing to upload between frames
    expect(vs.ease).toBeGreaterThan(0);
    expect(vs.ease).toBeLessThan(1);
    // A frame arriving mid-move starts the next move where the points are drawn now.
    const drawn = vs.points('train');
    vs.update({ frame: frame([-1, 0, 0, -1]), info, receivedAt: 0, serial: 3 }, defaultParams(), 61);
    expect(vs.version).toBe(version + 1);
    Array.from(vs.from.train).forEach((v, i) => expect(v).toBeCloseTo(drawn[i]!, 6));
    const one = vs.pointAt('train', 1, new Float32Array(3));
    expect(Array.from(one)).toEqual(Array.from(vs.points('train').subarray(3, 6)));
  });
});
