// Runs the head a loss names (LossDefinition.fused) on plain arrays: the cosine, raw or binary head.
// The trainer's kernel (train/headKernel.ts) and the tests call this one dispatch.
import { binaryHead } from './binaryHead';
import { cosineHead, rawSoftmaxHead, type HeadShapes } from './fusedHead';
import type { FusedHead } from './headSpec';

/** A head that computes (not `none`). */
export type RunnableHead = Exclude<FusedHead, { kind: 'none' }>;

/** What a head reads: raw features (N×D), raw weights (D×columns), labels; a bias and centres (C×D) where it uses them. */
export interface HeadInputs {
  x: ArrayLike<number>;
  W: ArrayLike<number>;
  labels: ArrayLike<number>;
  bias?: ArrayLike<number>;
  centers?: ArrayLike<number>;
}

/** Where a head writes its gradients: ∂L/∂x, ∂L/∂W, and ∂L/∂b when it reads a bias. */
export interface HeadOutputs {
  dx: Float32Array;
  /** Absent: ∂L/∂W is not wanted (the forces), and is not accumulated. */
  dW?: Float32Array;
  db?: Float32Array;
}

/** The classes of a batch: W's columns over the head's sub-centres per class. */
export function headClasses(head: RunnableHead, columns: number): number {
  return columns / (head.kind === 'cosine' ? (head.K ?? 1) : 1);
}

/** What a head reads besides x, W and the labels: a bias (the class bias, or the binary head's b), the centres. */
export function headReads(head: RunnableHead): { bias: boolean; centers: boolean } {
  if (head.kind === 'raw') return { bias: head.bias, centers: head.pull !== undefined };
  return { bias: head.kind === 'binary', centers: false };
}

/** The batch's mean loss; the gradients are written into `out`. */
export function runHead(head: RunnableHead, input: HeadInputs, shapes: HeadShapes, out: HeadOutputs): number {
  const { x, W, labels, bias, centers } = input;
  if (head.kind === 'cosine') return cosineHead(x, W, labels, shapes, head, out.dx, out.dW);
  if (head.kind === 'binary') {
    if (!bias || !out.db) throw new Error('the binary head needs its bias b (length 1) and room for ∂L/∂b');
    return binaryHead(x, W, bias, labels, shapes, head, out.dx, out.dW, out.db);
  }
  const pull = head.pull !== undefined && centers ? { lambda: head.pull, centers } : undefined;
  return rawSoftmaxHead(x, W, head.bias ? bias : undefined, labels, shapes, out.dx, out.dW, out.db, pull);
}
