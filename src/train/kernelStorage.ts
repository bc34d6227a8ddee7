// What a JavaScript kernel needs of a backend whose tensors live in memory JavaScript can read
// (WASM's heap, the CPU backend's arrays): read an input's values, make an output and write it.
import * as tf from '@tensorflow/tfjs-core';

export interface Storage {
  read(t: tf.TensorInfo): Float32Array | Int32Array;
  /** A new float32 output; `values()` is its storage, to be taken only after every output is made (a WASM allocation may move the heap). */
  output(shape: number[]): { info: tf.TensorInfo; values: () => Float32Array };
}

/** WASM: views on the module's heap. */
export function wasmStorage(backend: unknown): Storage {
  const b = backend as {
    makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
    typedArrayFromHeap(t: tf.TensorInfo): Float32Array | Int32Array;
  };
  return {
    read: (t) => b.typedArrayFromHeap(t),
    output(shape) {
      const info = b.makeOutput(shape, 'float32');
      return { info, values: () => b.typedArrayFromHeap(info) as Float32Array };
    },
  };
}

/** CPU: the backend's own typed arrays. */
export function cpuStorage(backend: unknown): Storage {
  const b = backend as {
    data: { get(id: tf.DataId): { values: Float32Array | Int32Array } };
    makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): tf.TensorInfo;
  };
  return {
    read: (t) => b.data.get(t.dataId).values,
    output(shape) {
      const values = new Float32Array(shape.reduce((n, d) => n * d, 1));
      const info = b.makeTensorInfo(shape, 'float32', values);
      return { info, values: () => values };
    },
  };
}

/** Whether the active backend has the kernel `name` (the JavaScript kernels: on WASM and CPU only). */
export function registeredHere(name: string): boolean {
  return tf.getKernel(name, tf.getBackend()) !== undefined;
}

/** The backends a JavaScript kernel is registered for, with their storage. */
export const JS_KERNEL_BACKENDS = [
  ['wasm', wasmStorage],
  ['cpu', cpuStorage],
] as const;
