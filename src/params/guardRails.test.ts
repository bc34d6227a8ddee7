import { describe, expect, it } from 'vitest';
import { guardRails } from './guardRails';
import { defaultParams, type Params } from './table';

const p = (over: Partial<Params>): Params => ({ ...defaultParams(), ...over });

describe('guard rails', () => {
  it('quiet for the defaults', () => {
    expect(guardRails(defaultParams(), 6, 3)).toEqual([]);
  });
  it('s below the CosFace bound (C = 8: 3.6)', () => {
    expect(guardRails(p({ loss: 'normface', s: 3 }), 8, 2).join()).toMatch(/below 3\.6/);
    expect(guardRails(p({ loss: 'normface', s: 4 }), 8, 2)).toEqual([]);
  });
  it('CosFace m above 1 − cos(2π/C) in 2-D', () => {
    expect(guardRails(p({ loss: 'cosface', s: 16, m: 0.3 }), 8, 2).join()).toMatch(/m ≤ 0\.293/);
    expect(guardRails(p({ loss: 'cosface', s: 16, m: 0.28 }), 8, 2)).toEqual([]);
  });
  it('ArcFace m larger than the angle between neighbouring classes', () => {
    expect(guardRails(p({ loss: 'arcface', s: 16, m: 0.9 }), 8, 2).join()).toMatch(/45\.0°/);
    expect(guardRails(p({ loss: 'arcface', s: 16, m: 0.7 }), 8, 2)).toEqual([]);
  });
});
