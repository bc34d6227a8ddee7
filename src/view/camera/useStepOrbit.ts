// The 3-D view orbits by keys when it has focus (arrows turn, + and − zoom, Home resets), and by
// the view's buttons: the same moves without a drag (WCAG 2.1.1, 2.5.7).
import { useThree } from '@react-three/fiber';
import { useEffect, type RefObject } from 'react';
import type { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import { KEY_MOVES, moveCamera, type CameraMove } from './cameraMoves';

export function useStepOrbit(
  area: HTMLElement,
  enabled: boolean,
  controls: OrbitControls,
  touch: () => void,
  api?: RefObject<((move: CameraMove) => void) | null>,
): void {
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    if (!enabled) return;
    const apply = (move: CameraMove) => {
      touch(); // as a drag would: no auto-rotation or first framing against the user
      moveCamera(camera, move, { min: controls.minDistance, max: controls.maxDistance });
      controls.update(); // tells linked panels, and asks for a frame
      invalidate();
    };
    area.tabIndex = 0;
    const onKey = (e: KeyboardEvent) => {
      const move = KEY_MOVES[e.key];
      if (!move || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return; // Shift + arrows move the probe (view/marks/useProbeKeys.ts)
      e.preventDefault();
      e.stopPropagation(); // the page's own arrow keys (a step, the tour) are for when the view has no focus
      apply(move);
    };
    area.addEventListener('keydown', onKey);
    if (api) api.current = apply;
    return () => {
      area.removeEventListener('keydown', onKey);
      if (api?.current === apply) api.current = null;
    };
  }, [area, enabled, camera, controls, touch, invalidate, api]);
}
