import { describe, expect, it } from 'vitest';
import type { Frame } from '../train/frame';
import { frameProblem, isToWorker } from './validate';

describe('isToWorker', () => {
  it('accepts the commands of the protocol', () => {
    expect(isToWorker({ type: 'play', runId: 1 })).toBe(true);
    expect(isToWorker({ type: 'step', runId: 1, n: 3 })).toBe(true);
    expect(isToWorker({ type: 'setParams', runId: 2, params: { m: 0.2 } })).toBe(true);
    expect(isToWorker({ type: 'snapshotRate', runId: 2, hz: 10 })).toBe(true);
    expect(isToWorker({ type: 'setParams', runId: 2, params: { m: 0.2 }, model: 3 })).toBe(true);
    expect(isToWorker({ type: 'pace', runId: 2, speed: 60 })).toBe(true);
    expect(isToWorker({ type: 'pace', runId: 2, speed: 0 })).toBe(true);
    expect(isToWorker({ type: 'init', runId: 1, config: {}, models: [{}], play: true, pace: 60, assetBase: 'http://x/' })).toBe(true);
    expect(isToWorker({ type: 'init', runId: 1, config: {}, models: [{}, {}, {}, {}], play: true, pace: 0, assetBase: 'http://x/' })).toBe(
      true,
    );
  });
  it('refuses anything else', () => {
    for (const bad of [
      null,
      3,
      'play',
      {},
      { type: 'play' },
      { type: 'explode', runId: 1 },
      { type: 'step', runId: 1, n: NaN },
      { type: 'step', runId: 1 },
      { type: 'setParams', runId: 1, params: null },
      { type: 'init', runId: 1, config: {} },
      { type: 'init', runId: 1, config: {}, models: [], assetBase: '' },
      { type: 'init', runId: 1, config: {}, models: Array(7).fill({}), assetBase: '' },
      { type: 'setParams', runId: 1, params: {}, model: -1 },
      { type: 'setParams', runId: 1, params: {}, model: 0.5 },
      // The pace: a finite number of steps a second, ≥ 0, in its own message and in init.
      { type: 'pace', runId: 1 },
      { type: 'pace', runId: 1, speed: -1 },
      { type: 'pace', runId: 1, speed: Infinity },
      { type: 'pace', runId: 1, speed: '60' },
      { type: 'init', runId: 1, config: {}, models: [{}], play: true, assetBase: '' },
      { type: 'init', runId: 1, config: {}, models: [{}], play: true, pace: NaN, assetBase: '' },
    ]) {
      expect(isToWorker(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('frameProblem', () => {
  const ok = (): Frame => ({
    step: 3,
    loss: 0.5,
    spec: { kind: 'softmax' },
    lambda: NaN,
    lossState: [],
    train: Float32Array.from([1, 0]),
    test: Float32Array.from([0, 1]),
    heldout: new Float32Array(0),
    forces: new Float32Array(0),
    W: Float32Array.from([1, 0, 0, 1]),
    bias: new Float32Array(2),
    centers: new Float32Array(4),
    metrics: {
      trainAccuracy: 1,
      testAccuracy: 1,
      meanAngleToWeight: 0,
      intraClassAngle: 0,
      testIntraClassAngle: 0,
      marginP5: 0,
      marginMedian: 0,
      minWeightAngle: 1,
      turningForce: NaN,
      histOwn: new Uint32Array(1),
      histNearest: new Uint32Array(1),
    },
    numTensors: 0,
  });
  it('passes a sound frame, and the NaN loss of step 0 (no step yet)', () => {
    expect(frameProblem(ok())).toBeUndefined();
    expect(frameProblem({ ...ok(), step: 0, loss: NaN })).toBeUndefined();
  });
  it('names the cause of a diverged frame', () => {
    expect(frameProblem({ ...ok(), loss: Infinity })).toMatch(/loss is Infinity/);
    expect(frameProblem({ ...ok(), train: Float32Array.from([NaN, 0]) })).toMatch(/feature/);
    expect(frameProblem({ ...ok(), W: Float32Array.from([1, Infinity, 0, 1]) })).toMatch(/class weight/);
  });
});
