// What the trainer's fused head kernel runs for a spec (types only): a loss's definition names its
// head (LossDefinition.fused) in these terms, and losses/fusedHead.ts and binaryHead.ts compute it.

/**
 * A margin target on one target cosine c: [f(c), ∂f/∂c] and, where the gradient flows through the
 * sample's feature norm n = √(‖x‖² + 10⁻¹²), ∂f/∂n (MagFace's margin m(a)). A target that reads n
 * without that third value takes it as a constant (AdaFace's quality, detached as in the paper).
 */
export type TargetFunction = (c: number, norm: number) => readonly [value: number, slope: number, normSlope?: number];

/** A term added to each sample's loss from its feature norm n (batch mean): [h(n), h′(n)] (MagFace's λ_g·g(a)). */
export type NormPenalty = (norm: number) => readonly [value: number, slope: number];

/** A negative class's logit on its cosine c, given the row's target cosine c_y: [g(c), g′(c)] (no gradient through c_y). */
export type NegativeFunction = (c: number, targetCos: number) => readonly [value: number, slope: number];

/**
 * The cosine head: logits r_j·g(cos θ_j), the target r_y·f(cos θ_y). Its scale r: s, `'norm'` (the
 * feature norm ‖x‖, SphereFace) or `'norms'` (‖x‖·‖W_j‖, L-Softmax's raw logits W_jᵀx written in
 * angle), all differentiated; the clip ε of every cosine to [−1 + ε, 1 − ε] (0: none), what the
 * negatives' cosines go through (absent: nothing), and the sub-centres per class.
 */
export interface CosineHeadSpec {
  s: number | 'norm' | 'norms';
  target: TargetFunction;
  clip?: number;
  negative?: NegativeFunction;
  /** Sub-centres per class: W has C·K columns (c·K + k), a class's cosine is the best of its K and its gradient goes to that one (sub-center ArcFace). Absent: 1. */
  K?: number;
  /** A term of each sample's feature norm added to the loss (batch mean; MagFace's regulariser). */
  penalty?: NormPenalty;
}

/**
 * The binary head (SphereFace2): C logistic terms per sample on z_j = r·(g(c_j) ∓ m) + b, − on the
 * target, one learned b; the loss lw/(r·N)·Σ_i [α·softplus(−z_iy) + (1 − α)·Σ_{j≠y} softplus(z_ij)].
 * Cosines are clipped to [−1, 1]. `exact`: the gradient through g; else the code's (∂z/∂c = r).
 */
export interface BinaryHeadSpec {
  r: number;
  m: number;
  /** g(c) = 2((c + 1)/2)^t − 1. */
  t: number;
  alpha: number;
  lw: number;
  exact: boolean;
}

/** The raw head: softmax cross-entropy on x·W (+ b when `bias`), plus center loss's pull λ/(2N)·Σ‖x_i − c_{y_i}‖² when `pull` is λ. */
export interface RawHeadSpec {
  bias: boolean;
  pull?: number;
}

/** The head a spec trains through in one kernel, or why it has none (a sentence: the reason it takes tfjs's tape). */
export type FusedHead =
  | ({ kind: 'cosine' } & CosineHeadSpec)
  | ({ kind: 'raw' } & RawHeadSpec)
  | ({ kind: 'binary' } & BinaryHeadSpec)
  | { kind: 'none'; why: string };
