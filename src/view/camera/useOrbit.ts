import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';

interface Options {
  enableRotate: boolean;
  minDistance: number;
  maxDistance: number;
  autoRotateSpeed: number;
  onStart: () => void;
  onEnd: () => void;
}

/**
 * Orbit controls for a canvas that draws on demand, driven by the pointer on `area` (the canvas,
 * or a panel's rectangle of a shared one). Unlike drei's, a change the controls merely
 * notice (the camera moved by the first framing or by a linked panel) asks for no extra frame:
 * the caller says so with `moved()` after moving the camera; drags, their damping and
 * auto-rotation still ask for frames.
 */
export function useOrbit(area: HTMLElement, { enableRotate, minDistance, maxDistance, autoRotateSpeed, onStart, onEnd }: Options) {
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  const state = useMemo(() => ({ controls: new OrbitControls(camera), external: false }), [camera]);
  const { controls } = state;
  Object.assign(controls, { enableRotate, enablePan: false, enableDamping: true, minDistance, maxDistance, autoRotateSpeed });
  useEffect(() => {
    controls.connect(area);
    const change = () => {
      if (state.external) state.external = false;
      else invalidate();
    };
    controls.addEventListener('change', change);
    controls.addEventListener('start', onStart);
    controls.addEventListener('end', onEnd);
    return () => {
      controls.removeEventListener('change', change);
      controls.removeEventListener('start', onStart);
      controls.removeEventListener('end', onEnd);
      controls.dispose();
    };
  }, [controls, area, invalidate, onStart, onEnd, state]);
  useFrame(() => controls.update(), -1);
  return useMemo(() => ({ controls, moved: () => (state.external = true) }), [controls, state]);
}
