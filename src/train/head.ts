// The loss head's learned tensors: class weights W (D×C), each class's extra sub-centres, the class
// bias, SphereFace2's one scalar b and the center-loss centres; and W as each loss sees it.
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../data/rng';
import { lossDef, type LossSpec } from '../losses/registry';
import { MAX_SUBCENTERS, dominantSubcenters } from '../losses/subcenter';
import type { Frame } from './frame';

/** Copy of a tensor's values: dataSync() on CPU/WebGL may return the tensor's own storage. */
export function readCopy(t: tf.Tensor): Float32Array {
  return Float32Array.from(t.dataSync() as Float32Array);
}

/** Columns c·k + j of [W | extra] for k columns per class: sub-centre 0 of class c is W's column c, the rest come from `extra`. */
export function subcenterColumns(C: number, k: number): Int32Array {
  const extraPerClass = MAX_SUBCENTERS - 1;
  return Int32Array.from({ length: C * k }, (_, i) => {
    const c = Math.floor(i / k);
    const j = i % k;
    return j === 0 ? c : C + c * extraPerClass + (j - 1);
  });
}

export class Head {
  readonly W: tf.Variable;
  /** Sub-centres 1…MAX−1 of every class (D×(C·(MAX−1)), class c's in columns c·(MAX−1)…): trained by sub-center ArcFace only. */
  readonly extra: tf.Variable;
  readonly bias: tf.Variable;
  /** SphereFace2's b (length 1), set to the code's starting value when the loss is chosen. */
  readonly scalarB: tf.Variable;
  readonly centers: tf.Variable;

  /** `rng` draws W exactly as before sub-centres existed; `extraRng` draws the rest (links keep their runs). */
  private readonly D: number;
  private readonly C: number;

  constructor(rng: Rng, extraRng: Rng, D: number, C: number) {
    this.D = D;
    this.C = C;
    const w0 = Float32Array.from({ length: D * C }, () => rng.normal() / Math.sqrt(D));
    const e0 = Float32Array.from({ length: D * C * (MAX_SUBCENTERS - 1) }, () => extraRng.normal() / Math.sqrt(D));
    this.W = tf.tidy(() => tf.variable(tf.tensor2d(w0, [D, C]), true));
    this.extra = tf.tidy(() => tf.variable(tf.tensor2d(e0, [D, C * (MAX_SUBCENTERS - 1)]), true));
    this.bias = tf.tidy(() => tf.variable(tf.zeros([C]), true));
    this.scalarB = tf.tidy(() => tf.variable(tf.zeros([1]), true));
    this.centers = tf.tidy(() => tf.variable(tf.zeros([C, D]), false));
  }

  /**
   * What the optimizer keeps state for under this loss, in a fixed order: W and the class bias
   * always (a zero gradient when unused, so their moments persist), the sub-centres and b only
   * under the losses that train them (the optimizer's moments start afresh when that list changes).
   */
  optimizedFor(spec: LossSpec): tf.Variable[] {
    const def = lossDef(spec.kind);
    return [
      this.W,
      this.bias,
      ...((def.train.weightColumns?.(spec) ?? 1) > 1 ? [this.extra] : []),
      ...(def.train.scalarBias ? [this.scalarB] : []),
    ];
  }

  /** The variables a loss trains. */
  trainedBy(spec: LossSpec): tf.Variable[] {
    const bias = this.biasOf(spec);
    return [this.W, ...((lossDef(spec.kind).train.weightColumns?.(spec) ?? 1) > 1 ? [this.extra] : []), ...(bias ? [bias] : [])];
  }

  /** Called on a loss's first step: SphereFace2's b starts where its code starts it. */
  start(spec: LossSpec): void {
    const def = lossDef(spec.kind);
    if (def.train.scalarBias) {
      const b0 = def.train.scalarBias.initial(spec, this.C);
      tf.tidy(() => this.scalarB.assign(tf.tensor1d([b0])));
    }
  }

  /** W (D×(C·k)) and the bias as `computeLoss` takes them for this spec (call inside a tidy, under the gradient tape). */
  inputs(spec: LossSpec): { W: tf.Tensor2D; bias: tf.Tensor1D | undefined } {
    const def = lossDef(spec.kind);
    const k = def.train.weightColumns?.(spec) ?? 1;
    // The columns are picked by a 0/1 matrix rather than tf.gather: gather's gradient
    // (UnsortedSegmentSum) has no WASM kernel, a matMul's has.
    const W = k > 1 ? (tf.matMul(tf.concat([this.W, this.extra], 1), this.picker(k)) as tf.Tensor2D) : (this.W as tf.Tensor2D);
    return { W, bias: this.biasOf(spec) as tf.Tensor1D | undefined };
  }

  /** The bias this loss trains: SphereFace2's one b, the class bias under raw logits with one, or none. */
  biasOf(spec: LossSpec): tf.Variable | undefined {
    const def = lossDef(spec.kind);
    return def.train.scalarBias ? this.scalarB : def.train.rawLogits && !def.train.noBias ? this.bias : undefined;
  }

  /**
   * W as the fused head reads it under this loss, and how its gradient goes back to the variables:
   * W itself, or the k sub-centres of each class picked from [W | extra] (the picker's transpose
   * takes the gradient back to both). Call inside a tidy.
   */
  fusedWeights(spec: LossSpec): { W: tf.Tensor2D; grads: (dW: tf.Tensor2D) => tf.NamedTensorMap } {
    const k = lossDef(spec.kind).train.weightColumns?.(spec) ?? 1;
    if (k <= 1) return { W: this.W as tf.Tensor2D, grads: (dW) => ({ [this.W.name]: dW }) };
    const P = this.picker(k);
    return {
      W: this.inputs(spec).W,
      grads: (dW) => {
        const [dMain, dExtra] = tf.split(tf.matMul(dW, P, false, true), [this.C, this.C * (MAX_SUBCENTERS - 1)], 1);
        return { [this.W.name]: dMain!, [this.extra.name]: dExtra! };
      },
    };
  }

  private pick: { k: number; M: tf.Tensor2D } | undefined;

  /** The (C·MAX)×(C·k) 0/1 matrix whose column i picks column subcenterColumns(C, k)[i] of [W | extra]; kept across steps. */
  private picker(k: number): tf.Tensor2D {
    if (this.pick?.k !== k) {
      this.pick?.M.dispose();
      const cols = subcenterColumns(this.C, k);
      const rows = this.C * MAX_SUBCENTERS;
      const M = new Float32Array(rows * cols.length);
      cols.forEach((r, i) => (M[r * cols.length + i] = 1));
      this.pick = { k, M: tf.keep(tf.tensor2d(M, [rows, cols.length])) };
    }
    return this.pick.M;
  }

  /**
   * The classifier a frame shows: W, bias, and for sub-centre ArcFace every sub-centre with each
   * class's dominant one (W's column c is then the dominant sub-centre: the one the paper keeps).
   */
  snapshot(spec: LossSpec, train: Float32Array, trainLabels: Int32Array): Pick<Frame, 'W' | 'bias' | 'subcenters' | 'scalarBias'> {
    const def = lossDef(spec.kind);
    const k = def.train.weightColumns?.(spec) ?? 1;
    const bias = def.train.noBias ? new Float32Array(this.C) : readCopy(this.bias);
    const scalarBias = def.train.scalarBias ? { scalarBias: readCopy(this.scalarB)[0]! } : {};
    if (k <= 1) return { W: readCopy(this.W), bias, ...scalarBias };
    const columns = tf.tidy(() => this.inputs(spec).W);
    const all = readCopy(columns);
    columns.dispose();
    const { D, C } = this;
    const dominant = dominantSubcenters(train, trainLabels, all, D, C, k);
    const W = new Float32Array(D * C);
    for (let d = 0; d < D; d++) for (let c = 0; c < C; c++) W[d * C + c] = all[d * C * k + c * k + dominant[c]!]!;
    return { W, bias, subcenters: { K: k, W: all, dominant }, ...scalarBias };
  }

  dispose(): void {
    tf.dispose([this.W, this.extra, this.bias, this.scalarB, this.centers, ...(this.pick ? [this.pick.M] : [])]);
  }
}
