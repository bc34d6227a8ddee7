// The first view's direction: one from which most class weights face the audience (pure).

/** Points spread evenly over the sphere (a Fibonacci lattice), as unit vectors. */
export function fibonacciSphere(n: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  const golden = Math.PI * (3 - Math.sqrt(5));
  for (let i = 0; i < n; i++) {
    const y = 1 - (2 * (i + 0.5)) / n;
    const r = Math.sqrt(1 - y * y);
    out.push([Math.cos(golden * i) * r, y, Math.sin(golden * i) * r]);
  }
  return out;
}

const CANDIDATES = fibonacciSphere(400);
/** A weight is well in view when within 60° of the view direction: off the silhouette. */
const IN_VIEW_COS = 0.5;

/**
 * The unit direction to look from (camera position on the unit sphere) that shows the most
 * weights (directions 3×C, row-major by class) within 60° of the centre of view, ties broken by
 * the summed cosines; elevations beyond ±60° are not considered, so "up" stays up on screen.
 */
export function bestViewDirection(wDirs: ArrayLike<number>, C: number): [number, number, number] {
  let best: [number, number, number] = [0, 0, 1];
  let bestScore = -Infinity;
  for (const c of CANDIDATES) {
    if (Math.abs(c[1]) > 0.87) continue;
    let count = 0;
    let sum = 0;
    for (let j = 0; j < C; j++) {
      const d = c[0] * (wDirs[3 * j] as number) + c[1] * (wDirs[3 * j + 1] as number) + c[2] * (wDirs[3 * j + 2] as number);
      if (d >= IN_VIEW_COS) count++;
      sum += Math.max(0, d);
    }
    const score = count * 1000 + sum;
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}
