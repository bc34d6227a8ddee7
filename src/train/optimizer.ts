import * as tf from '@tensorflow/tfjs-core';
import type { OptimizerName } from './config';

/** A first-order optimizer whose learning rate can change between steps without losing state. */
export interface Optimizer {
  readonly name: OptimizerName;
  apply(vars: tf.Variable[], grads: tf.NamedTensorMap, lr: number): void;
  dispose(): void;
}

/** Adam (Kingma & Ba) with bias correction; β1 0.9, β2 0.999, ε 1e-8. */
export function adam(beta1 = 0.9, beta2 = 0.999, eps = 1e-8): Optimizer {
  const moments = new Map<string, { m: tf.Variable; v: tf.Variable; t: number }>();
  return {
    name: 'adam',
    apply(vars, grads, lr) {
      tf.tidy(() => {
        for (const v of vars) {
          const g = grads[v.name];
          if (!g) continue;
          let st = moments.get(v.name);
          if (!st) {
            st = { m: tf.variable(tf.zerosLike(v), false), v: tf.variable(tf.zerosLike(v), false), t: 0 };
            moments.set(v.name, st);
          }
          st.t += 1;
          st.m.assign(tf.add(tf.mul(st.m, beta1), tf.mul(g, 1 - beta1)));
          st.v.assign(tf.add(tf.mul(st.v, beta2), tf.mul(tf.square(g), 1 - beta2)));
          const stepSize = (lr * Math.sqrt(1 - beta2 ** st.t)) / (1 - beta1 ** st.t);
          v.assign(tf.sub(v, tf.mul(tf.div(st.m, tf.add(tf.sqrt(st.v), eps)), stepSize)));
        }
      });
    },
    dispose() {
      for (const st of moments.values()) tf.dispose([st.m, st.v]);
      moments.clear();
    },
  };
}

/** SGD with (heavy-ball) momentum μ = 0.9. */
export function sgdMomentum(mu = 0.9): Optimizer {
  const velocity = new Map<string, tf.Variable>();
  return {
    name: 'sgd',
    apply(vars, grads, lr) {
      tf.tidy(() => {
        for (const v of vars) {
          const g = grads[v.name];
          if (!g) continue;
          let vel = velocity.get(v.name);
          if (!vel) {
            vel = tf.variable(tf.zerosLike(v), false);
            velocity.set(v.name, vel);
          }
          vel.assign(tf.add(tf.mul(vel, mu), g));
          v.assign(tf.sub(v, tf.mul(vel, lr)));
        }
      });
    },
    dispose() {
      tf.dispose([...velocity.values()]);
      velocity.clear();
    },
  };
}

export function createOptimizer(name: OptimizerName): Optimizer {
  return name === 'adam' ? adam() : sgdMomentum();
}
