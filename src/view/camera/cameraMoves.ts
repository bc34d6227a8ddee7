// Turning and zooming the 3-D camera by steps: the keyboard's and the buttons' way to orbit (no drag needed).
import * as THREE from 'three';

export type CameraMove = 'left' | 'right' | 'up' | 'down' | 'in' | 'out' | 'home';

/** The 3-D view's first camera position (looking at the origin). */
export const HOME_POSITION: readonly [number, number, number] = [1.2, 1.0, 4.0];
/** One step: 15° of turn, or a zoom by this factor. */
const TURN = (15 * Math.PI) / 180;
const ZOOM = 1.2;

/** The keys that move the camera when the view has focus. */
export const KEY_MOVES: Readonly<Record<string, CameraMove>> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
  '+': 'in',
  '=': 'in',
  '-': 'out',
  _: 'out',
  Home: 'home',
};

const spherical = new THREE.Spherical();

/** Moves a camera that looks at the origin by one step, its distance kept within [min, max]. */
export function moveCamera(camera: THREE.Camera, move: CameraMove, limits: { min: number; max: number }): void {
  if (move === 'home') camera.position.set(...HOME_POSITION);
  else {
    spherical.setFromVector3(camera.position);
    if (move === 'left') spherical.theta -= TURN;
    if (move === 'right') spherical.theta += TURN;
    if (move === 'up') spherical.phi -= TURN;
    if (move === 'down') spherical.phi += TURN;
    if (move === 'in') spherical.radius /= ZOOM;
    if (move === 'out') spherical.radius *= ZOOM;
    spherical.phi = Math.min(Math.PI - 0.05, Math.max(0.05, spherical.phi));
    spherical.radius = Math.min(limits.max, Math.max(limits.min, spherical.radius));
    camera.position.setFromSpherical(spherical);
  }
  camera.lookAt(0, 0, 0);
}
