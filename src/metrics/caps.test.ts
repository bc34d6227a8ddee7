import { describe, expect, it } from 'vitest';
import { capShares } from './caps';

describe('capShares', () => {
  it('counts features inside their own cap and inside none (2-D, weights at 0° and 90°, caps of 30°)', () => {
    const W = Float32Array.from([1, 0, 0, 1]);
    const at = (d: number) => [Math.cos((d * Math.PI) / 180), Math.sin((d * Math.PI) / 180)];
    // Class 0 at 10° (own cap), 45° (no cap), 80° (class 1's cap); class 1 at 85° (own cap).
    const x = Float32Array.from([...at(10), ...at(45), ...at(80), ...at(85)]);
    const { own, none } = capShares(x, [0, 0, 0, 1], W, 2, 2, Math.cos(Math.PI / 6));
    expect(own).toBe(2 / 4);
    expect(none).toBe(1 / 4);
  });
});
