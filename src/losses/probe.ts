// One feature under a loss, as the head training runs sees it (runHead on a batch of one): its
// cosine to each class, P_y, its loss ℓ and its force −∂ℓ/∂x. The probe panel reads it, the loss
// landscape is held to its loss, and "the same feature, every loss" runs it under each lecture loss.
import { lossDef, type LossSpec } from './registry';
import { headClasses, headReads, runHead, type RunnableHead } from './runHead';
import { unitColumns } from './unitVectors';

/** The classifier a feature is read against: W as the loss reads it (D×columns), the bias the head reads (class bias, or SphereFace2's one b), the centres. */
export interface HeadModel {
  W: ArrayLike<number>;
  D: number;
  bias?: ArrayLike<number>;
  centers?: ArrayLike<number>;
}

export interface ProbeReading {
  /** cos θ_j to each class (a class of sub-centres: its nearest one). */
  cosines: Float64Array;
  /** The probability the loss gives the class y (SphereFace2: its own binary classifier's). */
  py: number;
  /** ℓ(x; y). */
  loss: number;
  /** −∂ℓ/∂x (length D). */
  force: Float64Array;
}

/** The head of a spec, or null when it trains on tfjs's tape (no head to read). */
export function headOf(spec: LossSpec): RunnableHead | null {
  const head = lossDef(spec.kind).fused(spec);
  return head.kind === 'none' ? null : head;
}

/** Each class's cosine to the unit feature and the column it comes from (the best of its sub-centres). */
function classCosines(head: RunnableHead, xn: ArrayLike<number>, W: ArrayLike<number>, D: number): Float64Array {
  const cols = W.length / D;
  const K = head.kind === 'cosine' ? (head.K ?? 1) : 1;
  const { wn } = unitColumns(W, D, cols);
  const out = new Float64Array(cols / K).fill(-Infinity);
  for (let col = 0; col < cols; col++) {
    let c = 0;
    for (let d = 0; d < D; d++) c += (xn[d] as number) * wn[d * cols + col]!;
    const j = Math.floor(col / K);
    out[j] = Math.max(out[j]!, c);
  }
  return out;
}

/** P_y from the head's logits at this feature. */
function targetProbability(head: RunnableHead, x: ArrayLike<number>, cos: Float64Array, y: number, m: HeadModel): number {
  const C = cos.length;
  const norm = Math.sqrt(Array.from(x, (v) => v * v).reduce((a, v) => a + v, 0) + 1e-12);
  if (head.kind === 'binary') {
    const c = Math.min(1, Math.max(-1, cos[y]!));
    const z = head.r * (2 * ((c + 1) / 2) ** head.t - 1 - head.m) + (m.bias?.[0] ?? 0);
    return 1 / (1 + Math.exp(-z));
  }
  const z = new Float64Array(C);
  if (head.kind === 'raw') {
    for (let j = 0; j < C; j++) {
      let v = head.bias ? (m.bias?.[j] ?? 0) : 0;
      for (let d = 0; d < m.D; d++) v += (x[d] as number) * (m.W[d * C + j] as number);
      z[j] = v;
    }
  } else {
    const { rw } = unitColumns(m.W, m.D, m.W.length / m.D);
    const K = head.K ?? 1;
    const clip = (c: number) => (head.clip ? Math.min(1 - head.clip, Math.max(-1 + head.clip, c)) : c);
    const cy = clip(cos[y]!);
    for (let j = 0; j < C; j++) {
      // 'norms' (L-Softmax): ‖x‖·‖W_j‖ of the class's column (K is 1 for it).
      const r = head.s === 'norm' ? norm : head.s === 'norms' ? norm / rw[j * K]! : head.s;
      const c = clip(cos[j]!);
      z[j] = r * (j === y ? head.target(cy, norm)[0] : head.negative ? head.negative(c, cy)[0] : c);
    }
  }
  const max = Math.max(...z);
  let sum = 0;
  for (const v of z) sum += Math.exp(v - max);
  return Math.exp(z[y]! - max) / sum;
}

/** The feature x (raw, length D) of class y under `spec`: null when the spec has no head to read. */
export function probeFeature(spec: LossSpec, model: HeadModel, x: ArrayLike<number>, y: number): ProbeReading | null {
  const head = headOf(spec);
  if (!head) return null;
  const { D, W } = model;
  const reads = headReads(head);
  const dx = new Float32Array(D);
  const db = reads.bias ? new Float32Array(model.bias?.length ?? 1) : undefined;
  const loss = runHead(
    head,
    { x, W, labels: [y], ...(reads.bias ? { bias: model.bias } : {}), ...(reads.centers ? { centers: model.centers } : {}) },
    { N: 1, D, C: headClasses(head, W.length / D) },
    { dx, ...(db ? { db } : {}) },
  );
  let sq = 0;
  for (let d = 0; d < D; d++) sq += (x[d] as number) ** 2;
  const xn = Array.from(x, (v) => v / Math.sqrt(sq + 1e-12));
  const cosines = classCosines(head, xn, W, D);
  return { cosines, py: targetProbability(head, x, cosines, y, model), loss, force: Float64Array.from(dx, (v) => -v) };
}

/** ℓ(x_i; y) for each row of `x` (N×D): the landscape along the circle. Null when the spec has no head. */
export function sampleLosses(spec: LossSpec, model: HeadModel, x: Float32Array, y: number): Float64Array | null {
  const head = headOf(spec);
  if (!head) return null;
  const { D, W } = model;
  const reads = headReads(head);
  const shapes = { N: 1, D, C: headClasses(head, W.length / D) };
  const input = { x, W, labels: [y], ...(reads.bias ? { bias: model.bias } : {}), ...(reads.centers ? { centers: model.centers } : {}) };
  const out = { dx: new Float32Array(D), ...(reads.bias ? { db: new Float32Array(model.bias?.length ?? 1) } : {}) };
  const losses = new Float64Array(x.length / D);
  for (let i = 0; i < losses.length; i++) losses[i] = runHead(head, { ...input, x: x.subarray(i * D, i * D + D) }, shapes, out);
  return losses;
}
