import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
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

const side = new THREE.Vector3();
const along = new THREE.Vector3();
const toEye = new THREE.Vector3();

/**
 * A line from each training point along the force its loss puts on it (−∂ℓ/∂x, losses/forces.ts):
 * its length proportional to the force (FORCE_SCALE), in the theme's ink, `width` px wide. Each
 * line is a thin quad facing the camera, written on the CPU into one buffer: two plain triangles a
 * line draw as cheaply as anything can on a software renderer (three's fat lines, instanced, cost a
 * weak laptop three quarters of its frame rate). For tests, the element carries `data-forces`
 * (lines drawn), `data-force-scale` and `data-force-mean` (the mean force drawn).
 */
export function ForceLines({ vs, color, width, area }: { vs: ViewState; color: string; width: number; area: HTMLElement }) {
  const mesh = useMemo(() => {
    const m = new THREE.Mesh(
      new THREE.BufferGeometry(),
      new THREE.MeshBasicMaterial({ side: THREE.DoubleSide, depthWrite: false }), // opaque: no blending per pixel
    );
    m.frustumCulled = false; // written in place each frame; it lies within the view
    return m;
  }, []);
  const size = useThree((s) => s.size);
  const camera = useThree((s) => s.camera);
  useEffect(() => void mesh.material.color.set(color), [mesh, color]);
  useEffect(
    () => () => {
      mesh.geometry.dispose();
      mesh.material.dispose();
      for (const k of ['forces', 'forceScale', 'forceMean'] as const) delete area.dataset[k];
    },
    [mesh, area],
  );
  const drawn = useRef<{ version: number; ease: number; vectors: Float32Array; camera: THREE.Vector3; px: number }>({
    version: -1,
    ease: -1,
    vectors: new Float32Array(0),
    camera: new THREE.Vector3(),
    px: 0,
  });
  useFrame(() => {
    mesh.visible = vs.frame !== null && vs.info !== null;
    if (!mesh.visible) return;
    const d = drawn.current;
    // The sphere's radius is 40 % of the shorter side: world units per pixel.
    const half = (width / 2) * (vs.radius / (FORCE_FILL * Math.min(size.width, size.height)));
    if (d.version === vs.version && d.ease === vs.ease && d.camera.equals(camera.position) && d.px === half) return;
    if (d.version !== vs.version) {
      const { vectors, mean } = drawnForces(vs);
      d.vectors = vectors;
      area.dataset.forceMean = mean.toPrecision(4);
      area.dataset.forceScale = String(FORCE_SCALE);
    }
    d.version = vs.version;
    d.ease = vs.ease;
    d.camera.copy(camera.position);
    d.px = half;
    const p = vs.points('train');
    const n = p.length / 3;
    let attr = mesh.geometry.getAttribute('position') as THREE.BufferAttribute | undefined;
    if (!attr || attr.count !== n * 6) {
      attr = new THREE.BufferAttribute(new Float32Array(n * 18), 3).setUsage(THREE.DynamicDrawUsage);
      mesh.geometry.setAttribute('position', attr);
    }
    const out = attr.array as Float32Array;
    const ortho = 'isOrthographicCamera' in camera;
    for (let i = 0; i < n; i++) {
      const x = p[3 * i]!;
      const y = p[3 * i + 1]!;
      const z = p[3 * i + 2]!;
      along.set(d.vectors[3 * i]!, d.vectors[3 * i + 1]!, d.vectors[3 * i + 2]!);
      // Across the line and the line of sight: the quad faces the camera.
      if (ortho) toEye.set(0, 0, 1);
      else toEye.set(camera.position.x - x, camera.position.y - y, camera.position.z - z);
      side.crossVectors(along, toEye);
      const l = side.length();
      if (l > 0) side.multiplyScalar(half / l);
      const k = 18 * i;
      const ex = x + along.x;
      const ey = y + along.y;
      const ez = z + along.z;
      // Two triangles: (a−, a+, b+) and (a−, b+, b−), a the point and b the force's end.
      out[k] = out[k + 9] = x - side.x;
      out[k + 1] = out[k + 10] = y - side.y;
      out[k + 2] = out[k + 11] = z - side.z;
      out[k + 3] = x + side.x;
      out[k + 4] = y + side.y;
      out[k + 5] = z + side.z;
      out[k + 6] = out[k + 12] = ex + side.x;
      out[k + 7] = out[k + 13] = ey + side.y;
      out[k + 8] = out[k + 14] = ez + side.z;
      out[k + 15] = ex - side.x;
      out[k + 16] = ey - side.y;
      out[k + 17] = ez - side.z;
    }
    attr.needsUpdate = true;
    area.dataset.forces = String(n);
  });
  return <primitive object={mesh} />;
}
