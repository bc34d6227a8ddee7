// Unit tests run tfjs on its CPU backend in Node (tfjs-node downloads a binary and fails here).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';

/** Selects the CPU backend once; await it in beforeAll. */
export async function useCpuBackend(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}

/** Max over entries of |a − e| / (atol + rtol·|e|): ≤ 1 means every entry is within tolerance. */
export function toleranceRatio(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol: number, atol: number): number {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} ≠ ${expected.length}`);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i] as number;
    const a = actual[i] as number;
    if (!Number.isFinite(a)) return Infinity;
    worst = Math.max(worst, Math.abs(a - e) / (atol + rtol * Math.abs(e)));
  }
  return worst;
}
