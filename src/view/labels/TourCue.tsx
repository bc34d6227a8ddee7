import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import type { CueAnchor } from './cueAnchor';
import { cueAnchorPoint } from './cueAnchor';
import { disposeSprite, makeTextSprite } from './textSprite';
import type { ViewState } from '../frame/viewState';
import type { LabelBoard } from './labelBoard';

const point = new THREE.Vector3();
const out = new THREE.Vector3();

/**
 * The lecture tour's "notice this": a ring around the thing to notice (a weight's tip, a centre, a
 * cluster, a margin zone on a boundary) and a short label beside it, drawn over everything.
 */
export function TourCue({
  vs,
  anchor,
  label,
  color,
  outline,
  dim,
  board,
}: {
  vs: ViewState;
  anchor: CueAnchor;
  label: string;
  color: string;
  outline: string;
  dim: 2 | 3;
  board: LabelBoard;
}) {
  const camera = useThree((s) => s.camera);
  const group = useRef<THREE.Group>(null);
  const ring = useMemo(() => {
    const geo = new THREE.RingGeometry(dim === 3 ? 0.1 : 0.11, dim === 3 ? 0.125 : 0.135, 48);
    const mat = new THREE.MeshBasicMaterial({ color, transparent: true, opacity: 0.9, depthTest: false });
    const mesh = new THREE.Mesh(geo, mat);
    mesh.renderOrder = 11;
    return mesh;
  }, [color, dim]);
  const text = useMemo(
    () => (dim === 3 ? makeTextSprite(label, color, outline, 0.03, false) : makeTextSprite(label, color, outline, 0.11)),
    [label, color, outline, dim],
  );
  useEffect(
    () => () => {
      ring.geometry.dispose();
      (ring.material as THREE.Material).dispose();
    },
    [ring],
  );
  useEffect(() => {
    const remove = board.add({ sprite: text, kind: 'cue' });
    return () => {
      remove();
      disposeSprite(text);
    };
  }, [text, board]);

  useFrame(() => {
    const g = group.current;
    if (!g) return;
    const p = cueAnchorPoint(vs, anchor);
    g.visible = p !== null;
    if (!p) return;
    point.set(p[0], p[1], p[2]);
    ring.position.copy(point);
    ring.quaternion.copy(camera.quaternion); // faces the audience
    // The label sits just outside the ring, away from the centre of the view.
    if (point.length() > 1e-6) out.copy(point).normalize();
    else out.set(0, 1, 0);
    text.position.copy(point).addScaledVector(out, dim === 3 ? 0.2 : 0.3);
    text.center.set(out.x >= 0 ? 0 : 1, 0.5);
  });

  return (
    <group ref={group}>
      <primitive object={ring} />
      <primitive object={text} />
    </group>
  );
}
