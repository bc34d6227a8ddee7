import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { classColor } from '../style/palette';
import type { ViewState } from '../frame/viewState';

const scratch = new THREE.Object3D();
const UP = new THREE.Vector3(0, 1, 0);

/** One instance per class, coloured by class; the geometry and material are freed on unmount. */
function useClassInstances(classes: number, geo: THREE.BufferGeometry, mat: THREE.Material) {
  const ref = useRef<THREE.InstancedMesh>(null);
  useEffect(() => () => [geo, mat].forEach((o) => o.dispose()), [geo, mat]);
  useEffect(() => {
    const m = ref.current;
    if (!m) return;
    for (let j = 0; j < classes; j++) m.setColorAt(j, new THREE.Color(classColor(j)));
    if (m.instanceColor) m.instanceColor.needsUpdate = true;
  }, [classes]);
  return ref;
}

/** Center-loss centers as diamonds at their projected positions. */
export function CenterMarkers({ vs, classes }: { vs: ViewState; classes: number }) {
  const geo = useMemo(() => new THREE.OctahedronGeometry(0.055), []);
  const mat = useMemo(() => new THREE.MeshBasicMaterial({ color: '#ffffff' }), []);
  const ref = useClassInstances(classes, geo, mat);
  useFrame(() => {
    const m = ref.current;
    if (!m) return;
    for (let j = 0; j < classes; j++) {
      scratch.position.set(vs.centers[3 * j] ?? 0, vs.centers[3 * j + 1] ?? 0, vs.centers[3 * j + 2] ?? 0);
      scratch.updateMatrix();
      m.setMatrixAt(j, scratch.matrix);
    }
    m.instanceMatrix.needsUpdate = true;
  });
  return <instancedMesh ref={ref} args={[geo, mat, classes]} renderOrder={5} />;
}

/** Each class's mean feature direction as a thin translucent spoke to the circle/sphere. */
export function MeanDirections({ vs, classes }: { vs: ViewState; classes: number }) {
  const geo = useMemo(() => new THREE.CylinderGeometry(0.008, 0.008, 1, 8).translate(0, 0.5, 0), []);
  const mat = useMemo(() => new THREE.MeshBasicMaterial({ color: '#ffffff', transparent: true, opacity: 0.7 }), []);
  const ref = useClassInstances(classes, geo, mat);
  const dir = useMemo(() => new THREE.Vector3(), []);
  useFrame(() => {
    const m = ref.current;
    if (!m) return;
    for (let j = 0; j < classes; j++) {
      dir.set(vs.means[3 * j] ?? 0, vs.means[3 * j + 1] ?? 0, vs.means[3 * j + 2] ?? 0);
      if (dir.lengthSq() === 0) dir.set(0, 1e-6, 0);
      scratch.position.set(0, 0, 0);
      scratch.quaternion.setFromUnitVectors(UP, dir.normalize());
      scratch.scale.set(1, vs.radius, 1);
      scratch.updateMatrix();
      m.setMatrixAt(j, scratch.matrix);
    }
    m.instanceMatrix.needsUpdate = true;
  });
  return <instancedMesh ref={ref} args={[geo, mat, classes]} renderOrder={4} />;
}
