// The fused loss head as one registered tfjs kernel (WASM and CPU): raw features, raw class weights,
// the bias where the loss trains one (the class bias, or SphereFace2's one b), center loss's
// centres, and labels in; the mean loss and the gradients to the features, W and the bias out. The
// head is the one the loss's definition names for the spec (`fused`): the cosine and raw heads
// (losses/fusedHead.ts) or the binary head (losses/binaryHead.ts). A spec with none, and WebGL,
// take tfjs's autodiff path.
import * as tf from '@tensorflow/tfjs-core';
import { headClasses, headReads, runHead, type RunnableHead } from '../losses/runHead';
import { lossDef, type LossSpec } from '../losses/registry';
import { JS_KERNEL_BACKENDS, registeredHere, type Storage } from './kernelStorage';

export const HEAD_KERNEL = 'HypersphereSoftmaxHead';

/** Which head serves this spec, or undefined when its loss names none for it. */
function headOf(spec: LossSpec): RunnableHead | undefined {
  const head = lossDef(spec.kind).fused(spec);
  return head.kind === 'none' ? undefined : head;
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
    const C = headClasses(head, W.shape[1]!);
    const st = storageOf(backend);
    const loss = st.output([]);
    const dx = st.output([N, D]);
    const dW = st.output([D, W.shape[1]!]);
    const db = bias ? st.output([...bias.shape]) : undefined;
    const input = {
      x: st.read(x),
      W: st.read(W),
      labels: st.read(labels),
      bias: bias && st.read(bias),
      centers: centers && st.read(centers),
    };
    loss.values()[0] = runHead(head, input, { N, D, C }, { dx: dx.values(), dW: dW.values(), db: db?.values() });
    return [loss.info, dx.info, dW.info, ...(db ? [db.info] : [])];
  };
}

for (const [backendName, storage] of JS_KERNEL_BACKENDS)
  tf.registerKernel({ kernelName: HEAD_KERNEL, backendName, kernelFunc: kernel(storage) });

/** Whether the fused head serves this spec on the active backend. */
export function fusedHeadServes(spec: LossSpec): boolean {
  return headOf(spec) !== undefined && registeredHere(HEAD_KERNEL);
}

/** What the head reads under this spec besides x, W and the labels: a bias (the class bias, or the binary head's b), the centres. */
export function fusedHeadInputs(spec: LossSpec): { bias: boolean; centers: boolean } {
  const head = headOf(spec);
  return head ? headReads(head) : { bias: false, centers: false };
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
