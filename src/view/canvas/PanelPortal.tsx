import { createPortal, useFrame, useStore, useThree, type RootState } from '@react-three/fiber';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import * as THREE from 'three';
import { panelFramesOf, type PanelFrames } from './panelFrames';
import { POINT_PICK } from '../style/panelFit';

/** A panel's rectangle in CSS pixels (the portal's `size`). */
interface Size {
  width: number;
  height: number;
  top: number;
  left: number;
}

const sizeOf = (el: HTMLElement): Size => ({ width: Math.max(1, el.clientWidth), height: Math.max(1, el.clientHeight), top: 0, left: 0 });

/** The camera a panel starts with: the single view's (a perspective sphere in 3-D, an orthographic circle in 2-D). */
function panelCamera(dim: 2 | 3, size: Size): THREE.PerspectiveCamera | THREE.OrthographicCamera {
  const camera =
    dim === 3
      ? new THREE.PerspectiveCamera(40, size.width / size.height, 0.05, 50)
      : new THREE.OrthographicCamera(-size.width / 2, size.width / 2, size.height / 2, -size.height / 2, 0.1, 50);
  if (dim === 3) camera.position.set(1.2, 1.0, 4.0);
  else camera.position.set(0, 0, 5);
  camera.lookAt(0, 0, 0);
  return camera;
}

/** Fits the portal's camera to its rectangle and keeps the portal's `size` current (R3F copies it in only when the root changes). */
function FitPanel({ size }: { size: Size }) {
  const store = useStore();
  const camera = useThree((s) => s.camera);
  useLayoutEffect(() => {
    if ('isOrthographicCamera' in camera)
      Object.assign(camera, { left: -size.width / 2, right: size.width / 2, top: size.height / 2, bottom: -size.height / 2 });
    else (camera as THREE.PerspectiveCamera).aspect = size.width / size.height;
    camera.updateProjectionMatrix();
    store.setState((s) => ({ size: { ...s.size, ...size } }));
    store.getState().invalidate();
  }, [store, camera, size]);
  return null;
}

/** The panel's rectangle of the canvas, in CSS pixels from the lower left (WebGL's viewport), or null when none shows. */
function viewportOf(canvas: HTMLCanvasElement, track: HTMLElement): [number, number, number, number] | null {
  const c = canvas.getBoundingClientRect();
  const r = track.getBoundingClientRect();
  if (r.width < 1 || r.height < 1 || r.bottom < c.top || r.top > c.bottom) return null;
  return [r.left - c.left, c.bottom - r.bottom, r.width, r.height];
}

/** Whether the camera moved or changed its lens since `seen` (23 numbers, updated); the orbit controls' rounding is no move. */
function cameraChanged(camera: THREE.Camera, seen: Float64Array): boolean {
  const values = [
    camera.position.x,
    camera.position.y,
    camera.position.z,
    camera.quaternion.x,
    camera.quaternion.y,
    camera.quaternion.z,
    camera.quaternion.w,
    ...camera.projectionMatrix.elements,
  ];
  let changed = false;
  values.forEach((v, i) => {
    if (!(Math.abs(seen[i]! - v) <= 1e-7 * (1 + Math.abs(v)))) {
      seen[i] = v;
      changed = true;
    }
  });
  return changed;
}

/**
 * Draws the portal's scene into its panel's rectangle of the shared canvas (a viewport and a
 * scissor: the clear stays inside it), when the panel asked for a frame, its camera moved or the
 * layout changed.
 * First, at priority 1, every panel says where it is; then, at 2, the canvas is cleared if the
 * layout changed, and the panels due are drawn. Counts the panel's frames drawn (`data-frames`).
 */
function DrawPanel({ track, frames, id }: { track: HTMLElement; frames: PanelFrames; id: object }) {
  const place = useRef<[number, number, number, number] | null>(null);
  const seen = useMemo(() => new Float64Array(23).fill(NaN), []);
  useFrame(({ gl, camera }) => {
    // A camera moved this frame (a linked panel's turn, the first framing) is a picture to draw.
    if (cameraChanged(camera, seen)) frames.ask(id);
    place.current = viewportOf(gl.domElement, track);
    frames.place(id, `${place.current?.join()} ${gl.domElement.width}x${gl.domElement.height}`);
  }, 1);
  useFrame(({ gl, scene, camera }) => {
    if (frames.takeClear()) {
      gl.setScissorTest(false);
      gl.setClearColor(0x000000, 0);
      gl.clear();
    }
    const v = place.current;
    if (!frames.takeDraw(id) || !v) return;
    gl.setViewport(...v);
    gl.setScissor(...v);
    gl.setScissorTest(true);
    gl.render(scene, camera);
    gl.setScissorTest(false);
    track.dataset.frames = String(Number(track.dataset.frames ?? 0) + 1);
  }, 2);
  return null;
}

/**
 * One panel of a shared canvas: its own scene, camera and pointer, drawn into the rectangle of
 * `track` (a DOM element over the canvas, where the panel's pointer events arrive) only when
 * something in it asked for a frame. Pointer events elsewhere find nothing in this panel: its
 * raycaster reaches no distance.
 */
export function PanelPortal({ track, dim, children }: { track: HTMLElement; dim: 2 | 3; children: ReactNode }) {
  const [scene] = useState(() => new THREE.Scene());
  const gl = useThree((s) => s.gl);
  const rootInvalidate = useThree((s) => s.invalidate);
  const frames = useMemo(() => panelFramesOf(gl.domElement), [gl]);
  useLayoutEffect(() => {
    frames.add(scene);
    return () => {
      frames.remove(scene);
      rootInvalidate();
    };
  }, [frames, scene, rootInvalidate]);
  // What asks this panel for a frame asks the canvas for one, and marks this panel to be drawn in it.
  const invalidate = useCallback(
    (n?: number) => {
      frames.ask(scene);
      rootInvalidate(n);
    },
    [frames, scene, rootInvalidate],
  );
  const [size, setSize] = useState(() => sizeOf(track));
  // R3F reads a portal's camera once: a new dim or a new element is a new panel (the grid keys it so).
  const [camera] = useState(() => panelCamera(dim, sizeOf(track)));
  useEffect(() => {
    const observer = new ResizeObserver(() =>
      setSize((s) => {
        const n = sizeOf(track);
        return n.width === s.width && n.height === s.height ? s : n;
      }),
    );
    observer.observe(track);
    return () => observer.disconnect();
  }, [track]);
  const compute = useCallback(
    (event: PointerEvent, state: RootState) => {
      const r = track.getBoundingClientRect();
      state.pointer.set(((event.clientX - r.left) / r.width) * 2 - 1, -((event.clientY - r.top) / r.height) * 2 + 1);
      state.raycaster.setFromCamera(state.pointer, state.camera);
      state.raycaster.far = event.target === track ? Infinity : 0;
      state.raycaster.params.Points.threshold = POINT_PICK;
    },
    [track],
  );
  const inject = useMemo(
    () => ({ camera, size, invalidate, events: { compute: compute as never, priority: 1 } }),
    [camera, size, invalidate, compute],
  );
  return createPortal(
    <>
      <FitPanel size={size} />
      <DrawPanel track={track} frames={frames} id={scene} />
      {children}
    </>,
    scene,
    inject,
  );
}
