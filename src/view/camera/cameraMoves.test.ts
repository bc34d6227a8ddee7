import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { HOME_POSITION, moveCamera } from './cameraMoves';

describe('moveCamera', () => {
  const limits = { min: 1.5, max: 8 };
  it('turns by 15° about the vertical, tilts, zooms within the limits and goes home', () => {
    const cam = new THREE.PerspectiveCamera();
    cam.position.set(0, 0, 4);
    moveCamera(cam, 'right', limits);
    expect(cam.position.length()).toBeCloseTo(4, 10);
    expect(Math.atan2(cam.position.x, cam.position.z)).toBeCloseTo((15 * Math.PI) / 180, 10);
    moveCamera(cam, 'up', limits);
    expect(cam.position.y).toBeGreaterThan(0);
    for (let i = 0; i < 20; i++) moveCamera(cam, 'in', limits);
    expect(cam.position.length()).toBeCloseTo(1.5, 10);
    for (let i = 0; i < 20; i++) moveCamera(cam, 'out', limits);
    expect(cam.position.length()).toBeCloseTo(8, 10);
    for (let i = 0; i < 20; i++) moveCamera(cam, 'up', limits); // never over the pole
    expect(cam.position.y).toBeLessThan(8);
    moveCamera(cam, 'home', limits);
    expect(cam.position.toArray()).toEqual([...HOME_POSITION]);
  });
});
