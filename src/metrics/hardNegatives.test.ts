import { describe, expect, it } from 'vitest';
import { curricularNegative } from '../losses/curricular';
import { hardNegativeFlags, hardNegativesOnce } from './hardNegatives';

describe('hardNegativeFlags', () => {
  it("flags a sample exactly when some other class's cosine beats cos(θ_y + m), as the loss's mask", () => {
    // 2-D, weights at 0° and 60°; samples at 0°, 20°, 25°, 40° (all of class 0) and m = 0.3 rad (17.2°).
    const W = Float32Array.from([1, Math.cos(Math.PI / 3), 0, Math.sin(Math.PI / 3)]);
    const deg = [0, 20, 25, 40];
    const x = Float32Array.from(deg.flatMap((d) => [Math.cos((d * Math.PI) / 180), Math.sin((d * Math.PI) / 180)]));
    const flags = hardNegativeFlags(x, [0, 0, 0, 0], W, 2, 2, 0.3);
    deg.forEach((d, i) => {
      const own = (d * Math.PI) / 180;
      const other = Math.cos(Math.PI / 3 - own);
      const phi = Math.cos(own + 0.3);
      // The loss's rule (curricularNegative changes a negative exactly when it is hard).
      expect(flags[i], `${d}°`).toBe(curricularNegative(other, phi, 0.5) !== other ? 1 : 0);
    });
    expect(Array.from(flags)).toEqual([0, 0, 1, 1]);
  });

  it('is computed once per frame: the same features, weights and m give the same array; another m recomputes', () => {
    const W = Float32Array.from([1, 0.5, 0, 0.866]);
    const x = Float32Array.from([1, 0, 0.9, 0.45]);
    const a = hardNegativesOnce(x, [0, 0], W, 2, 2, 0.3);
    expect(hardNegativesOnce(x, [0, 0], W, 2, 2, 0.3)).toBe(a);
    expect(Array.from(a)).toEqual(Array.from(hardNegativeFlags(x, [0, 0], W, 2, 2, 0.3)));
    const b = hardNegativesOnce(x, [0, 0], W, 2, 2, 0.6);
    expect(b).not.toBe(a);
    expect(Array.from(b)).toEqual(Array.from(hardNegativeFlags(x, [0, 0], W, 2, 2, 0.6)));
  });
});
