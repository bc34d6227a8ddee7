// How much room C classes have on the circle or sphere, and how much scale they need (pure numbers).

/**
 * CosFace Eq. 6: the lowest scale s for which a feature on its class weight can reach
 * probability P (0 < P < 1) among C ≥ 2 classes: s ≥ (C−1)/C · ln((C−1)·P/(1−P)).
 */
export function cosfaceMinScale(C: number, P: number): number {
  return ((C - 1) / C) * Math.log(((C - 1) * P) / (1 - P));
}

/**
 * Largest angle (degrees) achievable between the closest two of C unit vectors in 3-D: the
 * Tammes problem, known exactly or numerically for small C (Tammes 1930; Schütte & van der Waerden 1951).
 */
const TAMMES_3D_DEG: Readonly<Record<number, number>> = {
  2: 180,
  3: 120,
  4: 109.4712206,
  5: 90,
  6: 90,
  7: 77.8695421,
  8: 74.8584922,
  9: 70.5287794,
  10: 66.146822,
  11: 63.4349488,
  12: 63.4349488,
};

/**
 * The best possible minimum angle (radians) between C class weights in D dimensions:
 * 2π/C on the circle, the simplex angle acos(−1/(C−1)) when C ≤ D+1, the Tammes angle in 3-D.
 * Undefined where no value is known (D > 3 with C > D+1, or C > 12 in 3-D).
 */
export function idealMinAngle(C: number, D: number): number | undefined {
  if (C < 2) return undefined;
  if (C <= D + 1) return Math.acos(-1 / (C - 1));
  if (D === 2) return (2 * Math.PI) / C;
  if (D === 3) {
    const deg = TAMMES_3D_DEG[C];
    return deg === undefined ? undefined : (deg * Math.PI) / 180;
  }
  return undefined;
}
