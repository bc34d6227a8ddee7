// The fused loss head as one registered tfjs kernel (WASM and CPU): raw features, raw class weights,
// the bias where the loss trains one, center loss's centres, and labels in; the mean loss and the gradients to the features,
// W and the bias out (losses/fusedHead.ts). It serves the losses whose definition gives
// `cosineTarget` (the cosine head) or `plainSoftmax` / `centerPull` (the raw head); the others, and WebGL, take
// tfjs's autodiff path.
import * as tf from '@tensorflow/tfjs-core';
import { cosineHead, rawSoftmaxHead, type CosineHeadSpec } from '../losses/fusedHead';
import { cosineHeadOf } from '../losses/cosineHeadOf';
import { lossDef, type LossSpec } from '../losses/registry';
import { JS_KERNEL_BACKENDS, registeredHere, type Storage } from './kernelStorage';

export const HEAD_KERNEL = 'HypersphereSoftmaxHead';

type Head = ({ kind: 'cosine' } & CosineHeadSpec) | { kind: 'raw'; bias: boolean; pull: number | undefined };

/** Which head serves this spec, or undefined when neither does. */
function headOf(spec: LossSpec): Head | undefined {
  const cosine = cosineHeadOf(spec);
  if (cosine) return { kind: 'cosine', ...cosine };
  const def = lossDef(spec.kind);
  const pull = (def.centerPull as ((s: LossSpec) => number | undefined) | undefined)?.(spec);
  if (def.plainSoftmax || pull !== undefined) return { kind: 'raw', bias: def.rawLogits && !def.noBias, pull };
  return undefined;
}

function kernel(storageOf: (backend: unknown) => Storage): tf.KernelFunc {
  return ({ inputs, attrs, backend }) => {
    const spec = (attrs as unknown as { spec: LossSpec }).spec;
    const head = headOf(spec);
    if (!head) throw new Error(`the fused head does not serve ${spec.kind}`);
    const { x, W, labels, bias, centers } = inputs as {
      x: tf.TensorInfo;
      W: tf.TensorInfo;
      labels: tf.TensorInfo;
      bias?: tf.TensorInfo;
      centers?: tf.TensorInfo;
    };
    const [N, D] = x.shape as [number, number];
    const C = W.shape[1]! / (head.kind === 'cosine' ? (head.K ?? 1) : 1); // classes (W: K sub-centres each)
    const st = storageOf(backend);
    const loss = st.output([]);
    const dx = st.output([N, D]);
    const dW = st.output([D, W.shape[1]!]);
    const db = bias ? st.output([C]) : undefined;
    const shapes = { N, D, C };
    loss.values()[0] =
      head.kind === 'cosine'
        ? cosineHead(st.read(x), st.read(W), st.read(labels), shapes, head, dx.values(), dW.values())
        : rawSoftmaxHead(
            st.read(x),
            st.read(W),
            bias && st.read(bias),
            st.read(labels),
            shapes,
            dx.values(),
            dW.values(),
            db?.values(),
            head.pull !== undefined && centers ? { lambda: head.pull, centers: st.read(centers) } : undefined,
          );
    return [loss.info, dx.info, dW.info, ...(db ? [db.info] : [])];
  };
}

for (const [backendName, storage] of JS_KERNEL_BACKENDS)
  tf.registerKernel({ kernelName: HEAD_KERNEL, backendName, kernelFunc: kernel(storage) });

/** Whether the fused head serves this spec on the active backend. */
export function fusedHeadServes(spec: LossSpec): boolean {
  return headOf(spec) !== undefined && registeredHere(HEAD_KERNEL);
}

/** What the raw head reads under this spec besides x, W and the labels: the bias, the centres. */
export function fusedHeadInputs(spec: LossSpec): { bias: boolean; centers: boolean } {
  const head = headOf(spec);
  return head?.kind === 'raw' ? { bias: head.bias, centers: head.pull !== undefined } : { bias: false, centers: false };
}

/** The mean loss and the gradients to the raw features, the raw weights and the bias (when given), in one kernel. */
export function fusedHead(
  spec: LossSpec,
  x: tf.Tensor2D,
  W: tf.Tensor2D,
  labels: tf.Tensor1D,
  extra: { bias?: tf.Tensor1D; centers?: tf.Tensor2D } = {},
): { loss: tf.Scalar; dx: tf.Tensor2D; dW: tf.Tensor2D; db?: tf.Tensor1D } {
  const inputs: tf.NamedTensorMap = {
    x,
    W,
    labels,
    ...(extra.bias ? { bias: extra.bias } : {}),
    ...(extra.centers ? { centers: extra.centers } : {}),
  };
  const [loss, dx, dW, db] = tf.engine().runKernel(HEAD_KERNEL, inputs, { spec } as unknown as tf.NamedAttrMap) as [
    tf.Scalar,
    tf.Tensor2D,
    tf.Tensor2D,
    tf.Tensor1D?,
  ];
  return { loss, dx, dW, ...(db ? { db } : {}) };
}
