import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../data/rng';
import { toleranceRatio, useCpuBackend } from '../losses/test/tfSetup';
import { createOptimizer } from './optimizer';
import { hasFusedKernel } from './optimizerKernel';

beforeAll(useCpuBackend);

/** Three variables of different shapes and, per step, gradients for all but the last on odd steps. */
function run(name: 'adam' | 'sgd', fused: boolean, steps: number) {
  const rng = createRng(7);
  const draw = (n: number) => Float32Array.from({ length: n }, () => rng.normal());
  const vars = tf.tidy(() => [
    tf.variable(tf.tensor2d(draw(12), [3, 4]), true, `a${fused}${name}`),
    tf.variable(tf.tensor1d(draw(4)), true, `b${fused}${name}`),
    tf.variable(tf.tensor2d(draw(6), [2, 3]), true, `c${fused}${name}`),
  ]);
  const opt = createOptimizer(name, { fused });
  for (let s = 0; s < steps; s++) {
    const grads: tf.NamedTensorMap = {};
    vars.forEach((v, i) => {
      if (i === 2 && s % 2 === 1) return;
      grads[v.name] = tf.tensor(draw(v.size), v.shape);
    });
    opt.apply(vars, grads, 0.01 * (1 + s / 10));
    tf.dispose(Object.values(grads));
  }
  const out = { values: vars.map((v) => Array.from(v.dataSync())), state: opt.save(vars) };
  opt.dispose();
  tf.dispose(vars);
  return out;
}

describe('the fused optimizer kernel', () => {
  it('is registered for the CPU backend', () => {
    expect(hasFusedKernel()).toBe(true);
  });

  for (const name of ['adam', 'sgd'] as const) {
    it(`${name}: one kernel does what the composite ops do, moments and all, a missing gradient as zero`, () => {
      const before = tf.memory().numTensors;
      const fused = run(name, true, 7);
      const composite = run(name, false, 7);
      fused.values.forEach((v, i) => expect(toleranceRatio(v, composite.values[i]!, 1e-5, 1e-6)).toBeLessThanOrEqual(1));
      expect(fused.state.t).toBe(composite.state.t);
      fused.state.slots.forEach((s, i) => expect(toleranceRatio(s, composite.state.slots[i]!, 1e-5, 1e-7)).toBeLessThanOrEqual(1));
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('runs as one kernel', async () => {
    const v = tf.tidy(() => [tf.variable(tf.ones([4]), true, 'kone'), tf.variable(tf.ones([2, 2]), true, 'ktwo')]);
    const opt = createOptimizer('adam');
    const g = { kone: tf.ones([4]), ktwo: tf.ones([2, 2]) };
    opt.apply(v, g, 0.1); // the slots are made on the first call
    const prof = await tf.profile(() => opt.apply(v, g, 0.1));
    expect(prof.kernels.map((k) => k.name)).toEqual(['HypersphereOptimizerStep']);
    opt.dispose();
    tf.dispose([...v, ...Object.values(g)]);
  });
});
