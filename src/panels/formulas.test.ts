import { describe, expect, it } from 'vitest';
import { LOSS_KINDS } from '../losses/registry';
import { defaultParams, type Params } from '../params/table';
import { intuition, lossCaption, lossTex } from './formulas';

const p = (over: Partial<Params>): Params => ({ ...defaultParams(), ...over });
const count = (s: string, sub: string) => s.split(sub).length - 1;

describe('loss formulas (docs/losses.md: corrections of the lecture slides)', () => {
  it('CosFace: s(cos θ − m) in the numerator and repeated in the denominator (typos 1 and 2)', () => {
    const tex = lossTex(p({ loss: 'cosface', s: 16, m: 0.2 }));
    expect(count(tex, 'e^{16(\\cos\\theta_{y_i} - 0.2)}')).toBe(2);
  });
  it('ArcFace: the denominator target is s cos(θ + m) (typo 3), m in radians (typo 4)', () => {
    const params = p({ loss: 'arcface', s: 10, m: 0.5 });
    expect(count(lossTex(params), 'e^{10\\cos(\\theta_{y_i} + 0.5)}')).toBe(2);
    expect(lossCaption(params)).toMatch(/0\.5 rad = 28\.6°/);
  });
  it('SphereFace: the full fraction with ψ and k ∈ [0, m−1] (typo 5)', () => {
    const tex = lossTex(p({ loss: 'sphereface', m: 4 }), 5);
    expect(tex).toContain('\\frac{e^{');
    expect(count(tex, '\\psi(\\theta_{y_i})')).toBe(2);
    expect(tex).toContain('\\in [0, 3]');
    expect(tex).toContain('5\\cos\\theta_{y_i}');
  });
  it('every loss has a formula and a sentence of intuition', () => {
    for (const loss of LOSS_KINDS) {
      expect(lossTex(p({ loss }))).toMatch(/\\log/);
      expect(intuition(loss).length).toBeGreaterThan(40);
    }
  });
});
