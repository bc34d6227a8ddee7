// The fused loss head as one registered tfjs kernel (WASM and CPU): raw features, raw class weights
// and labels in; the mean loss, ∂L/∂features and ∂L/∂W out (losses/cosineHead.ts). It serves the
// losses whose definition gives `cosineTarget`; the others, and WebGL, take tfjs's autodiff path.
import * as tf from '@tensorflow/tfjs-core';
import { cosineHead } from '../losses/cosineHead';
import type { TargetFunction } from '../losses/definition';
import { lossDef, type LossSpec } from '../losses/registry';
import { JS_KERNEL_BACKENDS, type Storage } from './kernelStorage';

export const HEAD_KERNEL = 'HypersphereCosineHead';

/** The margin target the fused head would use for this spec, or undefined when it does not serve it. */
function targetOf(spec: LossSpec): TargetFunction | undefined {
  const def = lossDef(spec.kind);
  return (def.cosineTarget as ((s: LossSpec) => TargetFunction | undefined) | undefined)?.(spec);
}

function kernel(storageOf: (backend: unknown) => Storage): tf.KernelFunc {
  return ({ inputs, attrs, backend }) => {
    const spec = (attrs as unknown as { spec: LossSpec }).spec;
    const target = targetOf(spec);
    if (!target) throw new Error(`the fused head does not serve ${spec.kind}`);
    const { x, W, labels } = inputs as { x: tf.TensorInfo; W: tf.TensorInfo; labels: tf.TensorInfo };
    const [N, D] = x.shape as [number, number];
    const C = W.shape[1]!;
    const st = storageOf(backend);
    const loss = st.output([]);
    const dx = st.output([N, D]);
    const dW = st.output([D, C]);
    const s = (spec as { s: number }).s;
    loss.values()[0] = cosineHead(st.read(x), st.read(W), st.read(labels), { N, D, C }, s, target, dx.values(), dW.values());
    return [loss.info, dx.info, dW.info];
  };
}

for (const [backendName, storage] of JS_KERNEL_BACKENDS) tf.registerKernel({ kernelName: HEAD_KERNEL, backendName, kernelFunc: kernel(storage) });

/** Whether the fused head serves this spec on the active backend. */
export function fusedHeadServes(spec: LossSpec): boolean {
  return targetOf(spec) !== undefined && tf.getKernel(HEAD_KERNEL, tf.getBackend()) !== undefined;
}

/** The mean loss and the gradients to the raw features and raw weights, in one kernel. */
export function fusedHead(spec: LossSpec, x: tf.Tensor2D, W: tf.Tensor2D, labels: tf.Tensor1D): { loss: tf.Scalar; dx: tf.Tensor2D; dW: tf.Tensor2D } {
  const [loss, dx, dW] = tf.engine().runKernel(HEAD_KERNEL, { x, W, labels }, { spec } as unknown as tf.NamedAttrMap) as [tf.Scalar, tf.Tensor2D, tf.Tensor2D];
  return { loss, dx, dW };
}
