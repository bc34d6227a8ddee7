import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { classColor } from '../style/palette';
import { disposeSprite, makeTextSprite } from './textSprite';
import type { ViewState } from '../frame/viewState';
import type { LabelBoard } from './labelBoard';

/** Below this spread (radians, ≈ 1.5°) a class's points overlap into one tick on the circle. */
const COLLAPSED = (1.5 * Math.PI) / 180;

/**
 * 2-D: a class that a margin has collapsed to a tick still reads as a cluster. A ring in its colour
 * marks where its points are, and its count sits outside the circle. Both are drawn at the class's
 * mean direction, where the features are: nothing is moved or magnified.
 */
export function ClusterCounts({
  vs,
  classes,
  ink,
  outline,
  board,
}: {
  vs: ViewState;
  classes: number;
  ink: string;
  outline: string;
  board: LabelBoard;
}) {
  const rings = useMemo(
    () =>
      Array.from({ length: classes }, (_, j) => {
        const mesh = new THREE.Mesh(
          new THREE.RingGeometry(0.05, 0.065, 32),
          new THREE.MeshBasicMaterial({ color: classColor(j), transparent: true, opacity: 0.95, depthTest: false }),
        );
        mesh.renderOrder = 9;
        return mesh;
      }),
    [classes],
  );
  const group = useRef<THREE.Group>(null);
  // The count labels follow the run's class counts, known only once its first frame arrives: made in the frame loop.
  const made = useRef<{ key: string; labels: THREE.Sprite[]; leave: (() => void)[] }>({ key: '', labels: [], leave: [] });
  useEffect(
    () => () => {
      for (const r of rings) {
        r.geometry.dispose();
        (r.material as THREE.Material).dispose();
      }
    },
    [rings],
  );
  useEffect(
    () => () => {
      made.current.leave.forEach((leave) => leave());
      made.current.labels.forEach(disposeSprite);
      made.current = { key: '', labels: [], leave: [] };
    },
    [],
  );

  useFrame(() => {
    const key = `${Array.from(vs.classCount).join(',')}|${ink}|${outline}`;
    if (made.current.key !== key && group.current) {
      made.current.leave.forEach((leave) => leave());
      made.current.labels.forEach((l) => {
        group.current!.remove(l);
        disposeSprite(l);
      });
      const labels = Array.from({ length: classes }, (_, j) => makeTextSprite(`×${vs.classCount[j] ?? 0}`, ink, outline, 0.075));
      labels.forEach((l) => group.current!.add(l));
      made.current = { key, labels, leave: labels.map((sprite) => board.add({ sprite, kind: 'count' })) };
    }
    const labels = made.current.labels;
    for (let j = 0; j < classes; j++) {
      const shown = (vs.classSpread[j] ?? Infinity) < COLLAPSED && (vs.classCount[j] ?? 0) > 1;
      const x = vs.means[3 * j] ?? 0;
      const y = vs.means[3 * j + 1] ?? 0;
      const r = rings[j]!;
      const l = labels[j];
      r.visible = shown;
      if (l) l.visible = shown;
      if (!shown || !l) continue;
      r.position.set(x * vs.radius, y * vs.radius, 0.01);
      l.position.set(x * vs.radius * 1.17, y * vs.radius * 1.17, 0.01);
      l.center.set(x >= 0 ? 0 : 1, 0.5);
    }
  });

  return (
    <group ref={group}>
      {rings.map((r, j) => (
        <primitive key={j} object={r} />
      ))}
    </group>
  );
}
