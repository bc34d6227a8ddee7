import { describe, expect, it } from 'vitest';
import { MIN_SCALE, nextScale } from './resolutionStep';

describe('nextScale', () => {
  it('lowers the resolution by 0.1 while the frame rate is under 90 % of the paused one, down to half', () => {
    expect(nextScale(1, 40, 60)).toBe(0.9);
    expect(nextScale(0.55, 40, 60)).toBe(MIN_SCALE);
    expect(nextScale(MIN_SCALE, 10, 60)).toBe(MIN_SCALE);
  });

  it('raises it by 0.05 with 8 % of room, up to 1, and otherwise keeps it', () => {
    expect(nextScale(0.7, 59, 60)).toBe(0.75);
    expect(nextScale(1, 60, 60)).toBe(1);
    expect(nextScale(0.7, 55, 60)).toBe(0.7); // 54 ≤ 55 ≤ 58.3: within the band
  });
});
