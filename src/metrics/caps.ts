// SphereFace2's caps (one-vs-all): where each test feature falls. Pure numbers.

/**
 * Shares of the features (N×D, labels y) inside their own class's cap (cos to its weight > capCos)
 * and inside no class's cap at all; D×C weights W.
 */
export function capShares(
  x: Float32Array,
  y: ArrayLike<number>,
  W: Float32Array,
  D: number,
  C: number,
  capCos: number,
): { own: number; none: number } {
  const n = y.length;
  if (n === 0) return { own: NaN, none: NaN };
  const wNorm = Float64Array.from({ length: C }, (_, j) => {
    let s = 0;
    for (let d = 0; d < D; d++) s += (W[d * C + j] ?? 0) ** 2;
    return Math.sqrt(s) || 1;
  });
  let own = 0;
  let none = 0;
  for (let i = 0; i < n; i++) {
    let xn = 0;
    for (let d = 0; d < D; d++) xn += (x[i * D + d] ?? 0) ** 2;
    xn = Math.sqrt(xn) || 1;
    let inAny = false;
    for (let j = 0; j < C; j++) {
      let dot = 0;
      for (let d = 0; d < D; d++) dot += (x[i * D + d] ?? 0) * (W[d * C + j] ?? 0);
      if (dot / (xn * wNorm[j]!) > capCos) {
        inAny = true;
        if (j === y[i]) own++;
      }
    }
    if (!inAny) none++;
  }
  return { own: own / n, none: none / n };
}
