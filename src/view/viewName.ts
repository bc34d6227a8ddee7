// The view's accessible name: what the picture shows, in words (pure).
import type { Params } from '../params/table';
import { panelTitle } from '../params/compare';

/**
 * "8 classes on the sphere, ArcFace m = 0.3, s = 10, step 1,200" (and the held-out classes):
 * the name a screen reader gives the canvas (role img).
 */
export function viewName(p: Params, classes: number, dim: 2 | 3, step: number, heldout: number): string {
  const where = dim === 3 ? 'on the sphere' : 'on the circle';
  const raw = p.projection === 'raw' ? ' (raw features)' : '';
  const held = heldout > 0 ? `, and ${heldout} held-out class${heldout > 1 ? 'es' : ''} as hollow rings` : '';
  return `${classes} classes ${where}${raw}${held}, ${panelTitle(p, { loss: p.loss, set: {} })}, step ${step.toLocaleString('en')}`;
}
