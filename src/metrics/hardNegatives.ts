// CurricularFace's hard negatives (Huang et al. 2020): a sample whose cosine to some other class's
// weight exceeds its own margined target cos(θ_y + m) (before the fallback). Pure numbers.

/** Per sample (N×D features, D×C weights), 1 when some negative class is hard for it. */
export function hardNegativeFlags(x: Float32Array, y: ArrayLike<number>, W: Float32Array, D: number, C: number, m: number): Uint8Array {
  const n = y.length;
  const out = new Uint8Array(n);
  const wNorm = Float64Array.from({ length: C }, (_, j) => {
    let s = 0;
    for (let d = 0; d < D; d++) s += (W[d * C + j] ?? 0) ** 2;
    return Math.sqrt(s) || 1;
  });
  const cos = new Float64Array(C);
  for (let i = 0; i < n; i++) {
    let xn = 0;
    for (let d = 0; d < D; d++) xn += (x[i * D + d] ?? 0) ** 2;
    xn = Math.sqrt(xn) || 1;
    for (let j = 0; j < C; j++) {
      let dot = 0;
      for (let d = 0; d < D; d++) dot += (x[i * D + d] ?? 0) * (W[d * C + j] ?? 0);
      cos[j] = Math.min(1, Math.max(-1, dot / (xn * wNorm[j]!)));
    }
    const own = y[i] as number;
    const target = Math.cos(Math.acos(cos[own]!) + m);
    for (let j = 0; j < C; j++) {
      if (j !== own && cos[j]! > target) {
        out[i] = 1;
        break;
      }
    }
  }
  return out;
}

const computed = new WeakMap<Float32Array, { W: Float32Array; m: number; flags: Uint8Array }>();

/**
 * hardNegativeFlags of one frame's features, computed once: the view and the Angles panel both
 * ask for the frame they show (keyed by its feature array, which is the frame's own).
 */
export function hardNegativesOnce(x: Float32Array, y: ArrayLike<number>, W: Float32Array, D: number, C: number, m: number): Uint8Array {
  const hit = computed.get(x);
  if (hit && hit.W === W && hit.m === m) return hit.flags;
  const flags = hardNegativeFlags(x, y, W, D, C, m);
  computed.set(x, { W, m, flags });
  return flags;
}
