import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { spriteScreenRect, spriteTextPx } from './spriteScreen';

const W = 800;
const H = 600;

function camera(): THREE.PerspectiveCamera {
  const c = new THREE.PerspectiveCamera(50, W / H, 0.1, 100);
  c.position.set(0, 0, 5);
  c.lookAt(0, 0, 0);
  c.updateMatrixWorld();
  return c;
}

/** The screen height (px) of a world-space height `h` at distance `d`, from the lens alone. */
const lensPx = (c: THREE.PerspectiveCamera, h: number, d: number) => (h / (2 * d * Math.tan((c.fov * Math.PI) / 360))) * H;

describe('spriteScreenRect', () => {
  it('a sprite with size attenuation shrinks with distance, as the lens says', () => {
    const c = camera();
    const s = new THREE.Sprite(new THREE.SpriteMaterial({ sizeAttenuation: true }));
    s.scale.set(0.4, 0.2, 1);
    const r = spriteScreenRect(s, c, W, H);
    expect(r.y1 - r.y0).toBeCloseTo(lensPx(c, 0.2, 5), 6);
    expect(r.x1 - r.x0).toBeCloseTo(2 * (r.y1 - r.y0), 6);
    expect((r.x0 + r.x1) / 2).toBeCloseTo(W / 2, 6);
    s.position.set(0, 0, -5); // twice as far
    expect(spriteScreenRect(s, c, W, H).y1 - spriteScreenRect(s, c, W, H).y0).toBeCloseTo(lensPx(c, 0.2, 10), 6);
  });

  it('without size attenuation its height is the same at any distance (units at distance 1)', () => {
    const c = camera();
    const s = new THREE.Sprite(new THREE.SpriteMaterial({ sizeAttenuation: false }));
    s.scale.set(0.05, 0.05, 1);
    const near = spriteScreenRect(s, c, W, H);
    s.position.set(0.3, 0.2, -3);
    const far = spriteScreenRect(s, c, W, H);
    expect(near.y1 - near.y0).toBeCloseTo(lensPx(c, 0.05, 1), 6);
    expect(far.y1 - far.y0).toBeCloseTo(near.y1 - near.y0, 6);
  });

  it('its anchor shifts the rectangle: center (0, 0.5) puts the sprite to the right of its position', () => {
    const c = camera();
    const s = new THREE.Sprite(new THREE.SpriteMaterial());
    s.center.set(0, 0.5);
    const r = spriteScreenRect(s, c, W, H);
    expect(r.x0).toBeCloseTo(W / 2, 6);
    expect(r.x1).toBeGreaterThan(W / 2);
  });

  it('follows a parent that scales it, and the text is its share of the height', () => {
    const c = camera();
    const parent = new THREE.Group();
    parent.scale.setScalar(2);
    const s = new THREE.Sprite(new THREE.SpriteMaterial());
    s.scale.set(0.1, 0.1, 1);
    s.userData.textShare = 0.75;
    parent.add(s);
    const r = spriteScreenRect(s, c, W, H);
    expect(r.y1 - r.y0).toBeCloseTo(lensPx(c, 0.2, 5), 6);
    expect(spriteTextPx(s, r)).toBeCloseTo(0.75 * lensPx(c, 0.2, 5), 6);
  });
});
