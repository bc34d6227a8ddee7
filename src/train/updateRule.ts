// The optimizers' update rules on plain arrays: what the fused optimizer kernel (optimizerKernel.ts)
// runs over every parameter in one pass. Pure: no tfjs.

/** Adam (Kingma & Ba) or SGD with heavy-ball momentum, and the numbers of this step. */
export interface UpdateAttrs {
  rule: 'adam' | 'sgd';
  lr: number;
  /** Adam's β1, β2, ε and the step count t after this step (bias correction). */
  beta1: number;
  beta2: number;
  eps: number;
  t: number;
  /** SGD's momentum μ. */
  mu: number;
}

/** One parameter tensor's slice of the update: its values, its gradient (none: zero) and where its moments start in the flat slots. */
export interface ParamSlice {
  param: Float32Array;
  grad: Float32Array | undefined;
  out: Float32Array;
  offset: number;
}

/**
 * One step over every parameter. Reads `param`, `grad` and the flat moments `m` (`v`, Adam's second
 * moments) and writes the new values to `out`, `mOut` and `vOut` (which may alias their inputs).
 * The same arithmetic as the composite ops it replaces: m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g²,
 * p ← p − lr·√(1−β2ᵗ)/(1−β1ᵗ) · m/(√v + ε); SGD: u ← μ·u + g, p ← p − lr·u.
 */
export function applyUpdate(
  slices: readonly ParamSlice[],
  m: Float32Array,
  mOut: Float32Array,
  v: Float32Array | undefined,
  vOut: Float32Array | undefined,
  a: UpdateAttrs,
): void {
  if (a.rule === 'adam') {
    if (!v || !vOut) throw new Error('Adam needs its second moments');
    const stepSize = (a.lr * Math.sqrt(1 - a.beta2 ** a.t)) / (1 - a.beta1 ** a.t);
    const c1 = 1 - a.beta1;
    const c2 = 1 - a.beta2;
    for (const { param, grad, out, offset } of slices) {
      for (let i = 0; i < param.length; i++) {
        const g = grad ? grad[i]! : 0;
        const j = offset + i;
        const mj = a.beta1 * m[j]! + c1 * g;
        const vj = a.beta2 * v[j]! + c2 * g * g;
        mOut[j] = mj;
        vOut[j] = vj;
        out[i] = param[i]! - stepSize * (mj / (Math.sqrt(vj) + a.eps));
      }
    }
    return;
  }
  for (const { param, grad, out, offset } of slices) {
    for (let i = 0; i < param.length; i++) {
      const j = offset + i;
      const u = a.mu * m[j]! + (grad ? grad[i]! : 0);
      mOut[j] = u;
      out[i] = param[i]! - a.lr * u;
    }
  }
}
