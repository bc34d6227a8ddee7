import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import * as THREE from 'three';
import type { CameraLink } from './cameraLink';

const EPS2 = 1e-10;

/**
 * Keeps this canvas's camera on the link: a move made here (a drag, auto-rotation, the first
 * framing) is published; a move published by another panel is copied. Compare mode's 3-D panels
 * turn together. Runs after the orbit controls' update in each frame.
 */
export function useLinkedCamera(link: CameraLink | undefined, id: number, moved: () => void): void {
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  const get = useThree((s) => s.get);
  const seen = useRef({ version: -1, position: new THREE.Vector3(Infinity, 0, 0) });
  // A canvas already due to draw picks the new position up then: one draw, not two.
  useEffect(() => link?.subscribe(id, () => get().internal.frames === 0 && invalidate()), [link, id, get, invalidate]);
  useFrame(() => {
    if (!link) return;
    const s = seen.current;
    const p = camera.position;
    if (link.version !== s.version && link.source !== id && link.version > 0) {
      p.set(...link.position);
      camera.lookAt(0, 0, 0);
      moved();
      s.version = link.version;
      s.position.copy(p);
      return;
    }
    if (p.distanceToSquared(s.position) > EPS2) {
      link.publish(id, p.x, p.y, p.z);
      s.version = link.version;
      s.position.copy(p);
    }
  });
}
