import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import { tangentForces } from '../../losses/forces';
import type { ViewState } from '../frame/viewState';
import { FILL } from '../style/panelFit';

/**
 * Sphere radii per unit of force: one scale for every panel and every step, so that a fading force
 * is seen to fade and two panels compare by eye. A force on a direction of 0.1 is a fifth of a radius.
 */
export const FORCE_SCALE = 3;
/** The sphere's radius as a share of a panel's shorter side (the panel's FILL is its diameter's). */
export const FORCE_FILL = FILL / 2;
/** The longest line, in radii: a misclassified feature's force (up to ~s) would cross the sphere. */
const MAX_LENGTH = 0.25;

/** The drawn force of each training feature (N×3, world units): on the sphere its turning part, raw as it is. */
export function drawnForces(vs: ViewState): { vectors: Float32Array; mean: number } {
  const frame = vs.frame!;
  const D = vs.info!.dim;
  const n = vs.info!.trainLabels.length;
  const f =
    frame.forces.length === n * D ? (vs.onSphere ? tangentForces(frame.train, frame.forces, D) : frame.forces) : new Float32Array(n * D);
  const vectors = new Float32Array(n * 3);
  const unit = FORCE_SCALE * vs.radius;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const a = f[i * D]!;
    const b = f[i * D + 1]!;
    const c = D > 2 ? f[i * D + 2]! : 0;
    const length = Math.hypot(a, b, c);
    sum += length;
    const k = length > 0 ? Math.min(length * unit, MAX_LENGTH * vs.radius) / length : 0;
    vectors.set([a * k, b * k, c * k], 3 * i);
  }
  return { vectors, mean: n ? sum / n : 0 };
}

/**
 * A line from each training point along the force its loss puts on it (−∂ℓ/∂x, losses/forces.ts):
 * its length proportional to the force (FORCE_SCALE), in the theme's ink. For tests, the element
 * carries `data-forces` (lines drawn), `data-force-scale` and `data-force-mean` (the mean force drawn).
 */
export function ForceLines({ vs, color, width, area }: { vs: ViewState; color: string; width: number; area: HTMLElement }) {
  const lines = useMemo(() => new LineSegments2(new LineSegmentsGeometry(), new LineMaterial({ linewidth: 1, transparent: true })), []);
  const size = useThree((s) => s.size);
  useEffect(() => {
    lines.material.color.set(color);
    lines.material.linewidth = width;
    lines.material.opacity = 0.9;
    lines.material.resolution.set(size.width, size.height);
  }, [lines, color, width, size]);
  useEffect(
    () => () => {
      lines.geometry.dispose();
      lines.material.dispose();
      for (const k of ['forces', 'forceScale', 'forceMean'] as const) delete area.dataset[k];
    },
    [lines, area],
  );
  const drawn = useRef<{ version: number; ease: number; vectors: Float32Array }>({ version: -1, ease: -1, vectors: new Float32Array(0) });
  useFrame(() => {
    lines.visible = vs.frame !== null && vs.info !== null;
    if (!lines.visible) return;
    const d = drawn.current;
    if (d.version === vs.version && d.ease === vs.ease) return;
    if (d.version !== vs.version) {
      const { vectors, mean } = drawnForces(vs);
      d.vectors = vectors;
      area.dataset.forceMean = mean.toPrecision(4);
      area.dataset.forceScale = String(FORCE_SCALE);
    }
    d.version = vs.version;
    d.ease = vs.ease;
    const p = vs.points('train');
    const n = p.length / 3;
    const segments = new Float32Array(n * 6);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < 3; k++) {
        segments[6 * i + k] = p[3 * i + k]!;
        segments[6 * i + 3 + k] = p[3 * i + k]! + d.vectors[3 * i + k]!;
      }
    }
    lines.geometry.setPositions(segments);
    area.dataset.forces = String(n);
  });
  return <primitive object={lines} />;
}
