// How big things are drawn in a panel of a given size: the sphere's framing, the labels' text and
// the points (pure). The single view and compare mode's panels share these rules.

/** The fraction of a panel's shorter side the sphere or circle fills. */
export const FILL = 0.8;

/**
 * How far from the pointer's ray a point is hit (world units; the sphere's radius is 1): about a
 * point's own size. three's default, a whole radius, made the hover tip name whichever point came
 * first within it, not the one under the pointer.
 */
export const POINT_PICK = 0.03;

/** The 3-D camera's distance from the centre at first (|(1.2, 1.0, 4.0)|): the framing is fitted there. */
export const CAMERA_DISTANCE = Math.hypot(1.2, 1.0, 4.0);
/** The text size of weight labels (CSS px), at least: compare mode's panels, and the single view. */
export const LABEL_MIN_PX = { panel: 14, single: 18 } as const;
/** Weight labels grow with the panel beyond their minimum: this fraction of its shorter side. */
const LABEL_FRACTION = 0.034;

/**
 * The vertical field of view (degrees) at which a unit sphere seen from `distance` fills `fill`
 * of the panel's shorter side: its silhouette's half-angle is asin(1/distance), and a portrait
 * panel (width < height) is fitted by its width.
 */
export function fittedFov(width: number, height: number, distance = CAMERA_DISTANCE, fill = FILL): number {
  const aspect = Math.max(1e-6, width) / Math.max(1e-6, height);
  const silhouette = Math.tan(Math.asin(Math.min(0.999, 1 / distance)));
  const halfHeight = silhouette / (fill * Math.min(1, aspect));
  return (2 * Math.atan(halfHeight) * 180) / Math.PI;
}

/** The half-extent (world units) of the 2-D view's shorter side: the unit circle fills `fill` of it. */
export function viewHalf(fill = FILL): number {
  return 1 / fill;
}

/** The text size (CSS px) of a weight label in a panel: a share of its shorter side, never below the minimum; times the theme's factor (the projector's 1.5). */
export function labelFontPx(width: number, height: number, panel: boolean, themeFactor = 1): number {
  const min = panel ? LABEL_MIN_PX.panel : LABEL_MIN_PX.single;
  return Math.max(min, LABEL_FRACTION * Math.min(width, height)) * themeFactor;
}

/** A factor on the points' size: they shrink in a small panel (not below 0.65) and grow in a large one (not above 1.3). */
export function pointScale(width: number, height: number): number {
  return Math.min(1.3, Math.max(0.65, Math.min(width, height) / 560));
}
