import * as tf from '@tensorflow/tfjs-core';
import type { OptimizerName } from './config';
import { fusedStep, hasFusedKernel } from './optimizerKernel';

/**
 * A first-order optimizer whose learning rate can change between steps without losing state.
 * Its moments are flat vectors over all variables. On WASM and CPU the whole update is one
 * registered kernel (optimizerKernel.ts); elsewhere it is a dozen composite ops on the flat
 * vector. A variable without a gradient this step (the bias under a cosine loss) gets a zero
 * gradient and keeps its moments.
 */
export interface Optimizer {
  readonly name: OptimizerName;
  apply(vars: tf.Variable[], grads: tf.NamedTensorMap, lr: number): void;
  /** Its state for `vars` (moments as copies, and the step count), for a checkpoint. */
  save(vars: tf.Variable[]): OptimizerState;
  /** Continues from a saved state of the same variables. */
  restore(vars: tf.Variable[], s: OptimizerState): void;
  dispose(): void;
}

/** An optimizer's state: its name, steps taken and its flat moment vectors. */
export interface OptimizerState {
  name: OptimizerName;
  t: number;
  slots: Float32Array[];
}

/** Flat slots for a fixed list of variables, rebuilt (zeroed) if the list changes. */
function flatSlots(count: number) {
  let key = '';
  let slots: tf.Variable[] = [];
  return {
    get(vars: tf.Variable[]): tf.Variable[] {
      const k = vars.map((v) => `${v.name}:${v.size}`).join('|');
      if (k !== key) {
        tf.dispose(slots);
        const size = vars.reduce((n, v) => n + v.size, 0);
        slots = Array.from({ length: count }, () => tf.tidy(() => tf.variable(tf.zeros([size]), false)));
        key = k;
      }
      return slots;
    },
    dispose() {
      tf.dispose(slots);
      slots = [];
      key = '';
    },
    save(vars: tf.Variable[]): Float32Array[] {
      return this.get(vars).map((s) => Float32Array.from(s.dataSync() as Float32Array));
    },
    restore(vars: tf.Variable[], values: Float32Array[]): void {
      this.get(vars).forEach((s, i) => {
        const v = values[i];
        if (v && v.length === s.size) tf.tidy(() => s.assign(tf.tensor1d(v)));
      });
    },
  };
}

/** All gradients as one flat vector, in `vars` order (zeros where a variable has none). */
function flatGrad(vars: tf.Variable[], grads: tf.NamedTensorMap): tf.Tensor1D {
  return tf.concat(vars.map((v) => tf.reshape(grads[v.name] ?? tf.zerosLike(v), [-1])));
}

/** Subtracts a flat update from the variables it was built from. */
function applyFlat(vars: tf.Variable[], update: tf.Tensor1D): void {
  const parts = tf.split(
    update,
    vars.map((v) => v.size),
  );
  vars.forEach((v, i) => v.assign(tf.sub(v, tf.reshape(parts[i]!, v.shape))));
}

/** `fused`: the one-kernel step where the backend has it (default), or always the composite ops. */
export interface OptimizerOptions {
  fused?: boolean;
}

const fusedHere = (o: OptimizerOptions) => o.fused !== false && hasFusedKernel();

/** Adam (Kingma & Ba) with bias correction; β1 0.9, β2 0.999, ε 1e-8. */
export function adam(o: OptimizerOptions = {}, beta1 = 0.9, beta2 = 0.999, eps = 1e-8): Optimizer {
  const slots = flatSlots(2);
  let t = 0;
  return {
    name: 'adam',
    apply(vars, grads, lr) {
      const [m, v] = slots.get(vars) as [tf.Variable, tf.Variable];
      t += 1;
      if (fusedHere(o)) return fusedStep(vars, grads, [m, v], { rule: 'adam', lr, beta1, beta2, eps, t, mu: 0 });
      tf.tidy(() => {
        const g = flatGrad(vars, grads);
        m.assign(tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1)));
        v.assign(tf.add(tf.mul(v, beta2), tf.mul(tf.square(g), 1 - beta2)));
        const stepSize = (lr * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
        applyFlat(vars, tf.mul(tf.div(m, tf.add(tf.sqrt(v), eps)), stepSize));
      });
    },
    save: (vars) => ({ name: 'adam', t, slots: slots.save(vars) }),
    restore(vars, s) {
      t = s.t;
      slots.restore(vars, s.slots);
    },
    dispose() {
      slots.dispose();
    },
  };
}

/** SGD with (heavy-ball) momentum μ = 0.9. */
export function sgdMomentum(o: OptimizerOptions = {}, mu = 0.9): Optimizer {
  const slots = flatSlots(1);
  return {
    name: 'sgd',
    apply(vars, grads, lr) {
      const [vel] = slots.get(vars) as [tf.Variable];
      if (fusedHere(o)) return fusedStep(vars, grads, [vel], { rule: 'sgd', lr, beta1: 0, beta2: 0, eps: 0, t: 0, mu });
      tf.tidy(() => {
        vel.assign(tf.add(tf.mul(vel, mu), flatGrad(vars, grads)));
        applyFlat(vars, tf.mul(vel, lr));
      });
    },
    save: (vars) => ({ name: 'sgd', t: 0, slots: slots.save(vars) }),
    restore: (vars, s) => slots.restore(vars, s.slots),
    dispose() {
      slots.dispose();
    },
  };
}

export function createOptimizer(name: OptimizerName, o: OptimizerOptions = {}): Optimizer {
  return name === 'adam' ? adam(o) : sgdMomentum(o);
}
