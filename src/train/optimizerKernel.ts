// The fused optimizer step as one registered tfjs kernel: every parameter, its gradient and the flat
// moments in, the new parameters and moments out, in one pass (updateRule.ts). Registered for the
// WASM and CPU backends, whose tensors live in memory JavaScript can read; elsewhere (WebGL) the
// optimizer falls back to its composite ops.
import * as tf from '@tensorflow/tfjs-core';
import { JS_KERNEL_BACKENDS, registeredHere, type Storage } from './kernelStorage';
import { applyUpdate, type ParamSlice, type UpdateAttrs } from './updateRule';

export const OPTIMIZER_KERNEL = 'HypersphereOptimizerStep';

/** The attributes the kernel takes: the rule's numbers and which parameters have a gradient. */
export type KernelAttrs = UpdateAttrs & { count: number; hasGrad: boolean[] };

/** Inputs p0…, g0… (where hasGrad), m and v (Adam); outputs the new p0…, m and v. */
function kernel(storageOf: (backend: unknown) => Storage): tf.KernelFunc {
  return ({ inputs, attrs, backend }) => {
    const a = attrs as unknown as KernelAttrs;
    const s = storageOf(backend);
    const adam = a.rule === 'adam';
    const params = Array.from({ length: a.count }, (_, i) => inputs[`p${i}`]!);
    const outs = params.map((p) => s.output([...p.shape]));
    const mOut = s.output([...inputs.m!.shape]);
    const vOut = adam ? s.output([...inputs.v!.shape]) : undefined;
    let offset = 0;
    const slices: ParamSlice[] = params.map((p, i) => {
      const slice = {
        param: s.read(p) as Float32Array,
        grad: a.hasGrad[i] ? (s.read(inputs[`g${i}`]!) as Float32Array) : undefined,
        out: outs[i]!.values(),
        offset,
      };
      offset += slice.param.length;
      return slice;
    });
    applyUpdate(
      slices,
      s.read(inputs.m!) as Float32Array,
      mOut.values(),
      adam ? (s.read(inputs.v!) as Float32Array) : undefined,
      vOut?.values(),
      a,
    );
    return [...outs.map((o) => o.info), mOut.info, ...(vOut ? [vOut.info] : [])];
  };
}

for (const [backendName, storage] of JS_KERNEL_BACKENDS)
  tf.registerKernel({ kernelName: OPTIMIZER_KERNEL, backendName, kernelFunc: kernel(storage) });

/** Whether the active backend runs the fused kernel. */
export function hasFusedKernel(): boolean {
  return registeredHere(OPTIMIZER_KERNEL);
}

/**
 * One fused step: assigns each variable and slot its new value. `slots` are the flat moments (Adam: m, v;
 * SGD: the velocity). Variables without a gradient keep their moments' decay, as a zero gradient would.
 */
export function fusedStep(vars: tf.Variable[], grads: tf.NamedTensorMap, slots: tf.Variable[], attrs: UpdateAttrs): void {
  const inputs: tf.NamedTensorMap = {};
  const hasGrad = vars.map((v) => grads[v.name] !== undefined);
  vars.forEach((v, i) => {
    inputs[`p${i}`] = v;
    const g = grads[v.name];
    if (g) inputs[`g${i}`] = g;
  });
  inputs.m = slots[0]!;
  if (attrs.rule === 'adam') inputs.v = slots[1]!;
  const kernelAttrs: KernelAttrs = { ...attrs, count: vars.length, hasGrad };
  const out = tf.engine().runKernel(OPTIMIZER_KERNEL, inputs, kernelAttrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
  vars.forEach((v, i) => {
    v.assign(out[i]!);
    out[i]!.dispose();
  });
  slots.forEach((s, i) => {
    s.assign(out[vars.length + i]!);
    out[vars.length + i]!.dispose();
  });
}
