// Where a sprite lands on screen, from its own geometry, its matrices and the camera, the way
// three.js's sprite vertex shader places its four corners (pure three.js math, no renderer). The
// view's tests read label sizes through this, so they measure what is drawn, not what was asked.
import * as THREE from 'three';

const mv = new THREE.Matrix4();
const corner = new THREE.Vector4();
const col0 = new THREE.Vector3();
const col1 = new THREE.Vector3();

/** A rectangle in CSS pixels of a `width` × `height` view, y down. */
export interface ScreenRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The screen rectangle a sprite covers: its centre through the model-view matrix, its size from
 * its world scale (times the depth without size attenuation in perspective), offset by its
 * `center`, as in three's `sprite.glsl.js`. Matrices are brought up to date first. Rotation is
 * ignored (the view's labels have none).
 */
export function spriteScreenRect(sprite: THREE.Sprite, camera: THREE.Camera, width: number, height: number): ScreenRect {
  sprite.updateWorldMatrix(true, false);
  camera.updateMatrixWorld();
  mv.multiplyMatrices(camera.matrixWorldInverse, sprite.matrixWorld);
  const e = mv.elements;
  const [cx, cy, cz] = [e[12]!, e[13]!, e[14]!];
  const m = sprite.matrixWorld.elements;
  let sx = col0.set(m[0]!, m[1]!, m[2]!).length();
  let sy = col1.set(m[4]!, m[5]!, m[6]!).length();
  const perspective = camera.projectionMatrix.elements[11] === -1;
  if (!sprite.material.sizeAttenuation && perspective) {
    sx *= -cz;
    sy *= -cz;
  }
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [px, py] of [
    [-0.5, -0.5],
    [0.5, -0.5],
    [0.5, 0.5],
    [-0.5, 0.5],
  ] as const) {
    corner.set(cx + (px - (sprite.center.x - 0.5)) * sx, cy + (py - (sprite.center.y - 0.5)) * sy, cz, 1);
    corner.applyMatrix4(camera.projectionMatrix);
    xs.push(((corner.x / corner.w + 1) * width) / 2);
    ys.push(((1 - corner.y / corner.w) * height) / 2);
  }
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** The text's height on screen (CSS px): the sprite's height times the text's share of its canvas. */
export function spriteTextPx(sprite: THREE.Sprite, rect: ScreenRect): number {
  const share = (sprite.userData.textShare as number | undefined) ?? 1;
  return (rect.y1 - rect.y0) * share;
}
