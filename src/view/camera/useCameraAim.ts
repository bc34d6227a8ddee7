import { useFrame, useThree } from '@react-three/fiber';
import { useRef } from 'react';
import * as THREE from 'three';
import { bestViewDirection } from './cameraAim';
import type { ViewState } from '../frame/viewState';
import { ownFrame } from '../canvas/panelFrames';

/** The camera follows the best direction while the weights settle, up to this step. */
const AIM_UNTIL_STEP = 400;
/** Easing time constant, seconds: a calm swing, not a jump. */
const TAU = 0.8;

const target = new THREE.Vector3();
const current = new THREE.Vector3();

/**
 * Frames the first view of a run (3-D): the camera eases toward a direction from which most class
 * weights, and so most clusters, face the audience rather than sit on the silhouette. It follows
 * the weights while they settle (the first AIM_UNTIL_STEP steps, or until the run stands still)
 * and stops for good once the user
 * turns the view. Returns whether it is still aiming (auto-rotation waits for it) and whether
 * the camera is still on its way (the canvas must draw another frame).
 */
export function useCameraAim(
  vs: ViewState,
  enabled: boolean,
  interacted: () => boolean,
  moved: () => void,
  instant = false,
): { aiming: () => boolean; swinging: () => boolean } {
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const state = useRef({
    info: null as unknown,
    aiming: false,
    swinging: false,
    serial: -1,
    serialAt: 0,
    at: 0,
    dir: new THREE.Vector3(0, 0, 1),
  });
  useFrame(() => {
    const s = state.current;
    if (vs.info !== s.info) {
      s.info = vs.info;
      s.aiming = enabled && vs.info !== null;
    }
    // A panel of a shared canvas swings only in frames it asked for (its new training frames).
    if (!ownFrame(gl.domElement, scene)) return;
    const now = performance.now();
    const delta = s.at === 0 ? 0 : (now - s.at) / 1000; // since this view's last frame
    s.at = now;
    s.swinging = false;
    if (!s.aiming) return;
    const C = vs.info?.numClasses ?? 0;
    if (interacted() || C === 0 || vs.wDirs.length < 3 * C) {
      s.aiming = interacted() ? false : s.aiming;
      return;
    }
    if (vs.serial !== s.serial) {
      s.serial = vs.serial;
      s.serialAt = now;
      s.dir.set(...bestViewDirection(vs.wDirs, C));
    }
    const distance = camera.position.length();
    current.copy(camera.position).normalize();
    target.copy(s.dir);
    // Reduced motion: no glide, the camera jumps to each new framing.
    const k = instant ? 1 : 1 - Math.exp(-Math.min(delta, 0.1) / TAU);
    current.lerp(target, k).normalize();
    camera.position.copy(current).multiplyScalar(distance);
    camera.lookAt(0, 0, 0);
    moved();
    const left = current.angleTo(target);
    s.swinging = left > 0.002;
    // Done once the weights have settled, or once the run stands still (paused early).
    const still = now - s.serialAt > 1500;
    if (left < 0.02 && ((vs.frame?.step ?? 0) >= AIM_UNTIL_STEP || still)) s.aiming = false;
  });
  return { aiming: () => state.current.aiming, swinging: () => state.current.swinging };
}
