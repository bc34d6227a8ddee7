import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import { probeDirection } from '../../geometry/probe';
import { tangentForces } from '../../losses/forces';
import { probeFrame } from '../../train/probeFrame';
import type { ViewState } from '../frame/viewState';
import { FORCE_SCALE } from './ForceLines';

/** The probe's force may reach further than a point's (it is one line, and the one asked about). */
const MAX_LENGTH = 0.6;

interface Props {
  vs: ViewState;
  az: number;
  el: number;
  cls: number;
  dim: 2 | 3;
  ink: string;
  outline: string;
  width: number;
  area: HTMLElement;
}

/**
 * The pinned probe: a ring on the sphere (or circle) at its direction, and its force on the
 * direction (−∂ℓ/∂x̂, at the forces' scale) as an arrow. For tests the area carries `data-probe`
 * (az,el), `data-probe-class` (1-based), `data-probe-loss` and `data-probe-py`.
 */
export function ProbeMarker({ vs, az, el, cls, dim, ink, outline, width, area }: Props) {
  const size = useThree((s) => s.size);
  const camera = useThree((s) => s.camera);
  const ring = useMemo(() => {
    const group = new THREE.Group();
    const mat = (color: string) => new THREE.MeshBasicMaterial({ color, side: THREE.DoubleSide, depthTest: false, transparent: true });
    group.add(new THREE.Mesh(new THREE.RingGeometry(0.045, 0.075, 40), mat(outline)));
    group.add(new THREE.Mesh(new THREE.RingGeometry(0.052, 0.068, 40), mat(ink)));
    group.renderOrder = 5;
    return group;
  }, [ink, outline]);
  const arrow = useMemo(() => new LineSegments2(new LineSegmentsGeometry(), new LineMaterial({ linewidth: 1, depthTest: false })), []);
  useEffect(() => {
    arrow.material.color.set(ink);
    arrow.material.linewidth = width;
    arrow.material.resolution.set(size.width, size.height);
  }, [arrow, ink, width, size]);
  useEffect(
    () => () => {
      ring.traverse((o) => {
        if (o instanceof THREE.Mesh) {
          o.geometry.dispose();
          (o.material as THREE.Material).dispose();
        }
      });
    },
    [ring],
  );
  useEffect(
    () => () => {
      arrow.geometry.dispose();
      arrow.material.dispose();
      for (const k of ['probe', 'probeClass', 'probeLoss', 'probePy'] as const) delete area.dataset[k];
    },
    [arrow, area],
  );

  const last = useMemo(() => ({ key: '' }), []);
  useFrame(() => {
    // The ring faces the camera (a disc seen edge-on at the sphere's rim would vanish).
    ring.quaternion.copy(camera.quaternion);
    const f = vs.frame;
    const info = vs.info;
    if (!f || !info) return;
    const key = `${vs.serial}|${az}|${el}|${cls}|${vs.radius}|${dim}`;
    if (key === last.key) return;
    last.key = key;
    const dir = probeDirection(az, el, dim);
    const p = new THREE.Vector3(dir[0], dir[1], dir[2] ?? 0).multiplyScalar(vs.radius);
    ring.position.copy(p);
    const probe = info.dim === dim ? probeFrame(f, info.dim, dir, cls) : null;
    const ds = area.dataset;
    ds.probe = `${az},${el}`;
    ds.probeClass = probe ? String(probe.y + 1) : '';
    ds.probeLoss = probe ? probe.reading.loss.toPrecision(6) : '';
    ds.probePy = probe ? probe.reading.py.toPrecision(6) : '';
    const t = probe ? tangentForces(probe.x, probe.reading.force, info.dim) : new Float32Array(3);
    const v = new THREE.Vector3(t[0], t[1], t[2] ?? 0);
    const length = v.length();
    if (length > 0) v.multiplyScalar(Math.min(length * FORCE_SCALE * vs.radius, MAX_LENGTH * vs.radius) / length);
    const end = p.clone().add(v);
    // A shaft and a two-stroke head, in the plane of the shaft and the radius.
    const back = v.clone().multiplyScalar(-0.3);
    const side = v
      .clone()
      .cross(p)
      .normalize()
      .multiplyScalar(0.4 * back.length());
    const h1 = end.clone().add(back).add(side);
    const h2 = end.clone().add(back).sub(side);
    if (length > 0)
      arrow.geometry.setPositions([...p.toArray(), ...end.toArray(), ...end.toArray(), ...h1.toArray(), ...end.toArray(), ...h2.toArray()]);
    arrow.visible = length > 0;
  });
  return (
    <group>
      <primitive object={ring} />
      <primitive object={arrow} renderOrder={5} />
    </group>
  );
}
