import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { MAX_SUBCENTERS } from '../../losses/subcenter';
import { MAX_CLASSES } from '../regions/regionUniforms';
import { classColor } from '../style/palette';
import type { ViewState } from '../frame/viewState';

const MAX_ARROWS = MAX_CLASSES * (MAX_SUBCENTERS - 1);
const UP = new THREE.Vector3(0, 1, 0);
const dir = new THREE.Vector3();
const q = new THREE.Quaternion();
const m = new THREE.Matrix4();
const scale = new THREE.Vector3();
const at = new THREE.Vector3();
const color = new THREE.Color();

/**
 * Sub-center ArcFace's other sub-centres: thin, shorter arrows in their class's colour beside the
 * class's thick one (its dominant sub-centre, drawn by WeightArrows). Two instanced meshes, so any
 * number of classes and K costs two draw calls.
 */
export function SubcenterArrows({ vs, dim, thickness = 1 }: { vs: ViewState; dim: 2 | 3; thickness?: number }) {
  const shafts = useMemo(() => {
    const mesh = new THREE.InstancedMesh(
      new THREE.CylinderGeometry(0.007 * thickness, 0.007 * thickness, 1, 8).translate(0, 0.5, 0),
      new THREE.MeshBasicMaterial(),
      MAX_ARROWS,
    );
    mesh.renderOrder = 1;
    mesh.frustumCulled = false;
    return mesh;
  }, [thickness]);
  const heads = useMemo(() => {
    const mesh = new THREE.InstancedMesh(
      new THREE.ConeGeometry(0.032, 0.1, 12).translate(0, -0.05, 0),
      new THREE.MeshBasicMaterial(),
      MAX_ARROWS,
    );
    mesh.renderOrder = 1;
    mesh.frustumCulled = false;
    return mesh;
  }, []);
  useEffect(
    () => () => {
      for (const mesh of [shafts, heads]) {
        mesh.geometry.dispose();
        (mesh.material as THREE.Material).dispose();
        mesh.dispose();
      }
    },
    [shafts, heads],
  );

  useFrame(() => {
    const n = Math.min(MAX_ARROWS, vs.subClass.length);
    const L = 1.05 * vs.radius;
    for (let i = 0; i < n; i++) {
      dir.set(vs.subDirs[3 * i] ?? 0, vs.subDirs[3 * i + 1] ?? 0, dim === 3 ? (vs.subDirs[3 * i + 2] ?? 0) : 0).normalize();
      q.setFromUnitVectors(UP, dir);
      shafts.setMatrixAt(i, m.compose(at.set(0, 0, 0), q, scale.set(1, L - 0.09, 1)));
      heads.setMatrixAt(i, m.compose(at.copy(dir).multiplyScalar(L), q, scale.set(1, 1, 1)));
      color.set(classColor(vs.subClass[i]!));
      shafts.setColorAt(i, color);
      heads.setColorAt(i, color);
    }
    for (const mesh of [shafts, heads]) {
      mesh.count = n;
      mesh.instanceMatrix.needsUpdate = true;
      if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    }
  });

  return (
    <group>
      <primitive object={shafts} />
      <primitive object={heads} />
    </group>
  );
}
