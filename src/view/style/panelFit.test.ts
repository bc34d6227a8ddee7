import { describe, expect, it } from 'vitest';
import { CAMERA_DISTANCE, fittedFov, labelFontPx, pointScale, viewHalf } from './panelFit';

/** The fraction of the viewport's height a unit sphere's silhouette covers, for a vertical fov. */
const heightShare = (fovDeg: number, distance: number) => Math.tan(Math.asin(1 / distance)) / Math.tan(((fovDeg / 2) * Math.PI) / 180);

describe('panel fit', () => {
  it('a landscape panel: the sphere fills 80 % of its height', () => {
    const fov = fittedFov(440, 230);
    expect(heightShare(fov, CAMERA_DISTANCE)).toBeCloseTo(0.8, 6);
  });
  it('a portrait panel: the sphere fills 80 % of its width', () => {
    const fov = fittedFov(300, 600);
    // The width's share: the height's share divided by the aspect.
    expect(heightShare(fov, CAMERA_DISTANCE) / (300 / 600)).toBeCloseTo(0.8, 6);
  });
  it('the landmark: the old 40° lens filled 66 % of the height', () => {
    expect(heightShare(40, CAMERA_DISTANCE)).toBeCloseTo(0.658, 2);
    expect(fittedFov(800, 600)).toBeCloseTo(33.3, 1);
  });
  it('2-D: the circle of radius 1 fills 80 % of the shorter side', () => {
    expect(2 / (2 * viewHalf())).toBeCloseTo(0.8, 9);
  });
  it('labels: 14 px in a small compare panel, 18 px in a small single view, growing with the panel, ×1.5 for the projector', () => {
    expect(labelFontPx(440, 230, true)).toBe(14);
    expect(labelFontPx(300, 300, false)).toBe(18);
    expect(labelFontPx(1000, 650, false)).toBeCloseTo(22.1, 9);
    expect(labelFontPx(440, 230, true, 1.5)).toBe(21);
  });
  it('points shrink in a small panel and grow in a large one, within bounds', () => {
    expect(pointScale(440, 230)).toBe(0.65);
    expect(pointScale(1000, 560)).toBe(1);
    expect(pointScale(3000, 2000)).toBe(1.3);
  });
});
