import { describe, expect, it } from 'vitest';
import { clampMargin, marginFor } from './margin';
import { defaultParams } from './table';

describe('marginFor: the one rule for m', () => {
  it('a missing m is the loss’s default; a loss with no m leaves m alone', () => {
    expect(marginFor('arcface', undefined)).toEqual({ m: 0.3 });
    expect(marginFor('sphereface', undefined)).toEqual({ m: 4 });
    expect(marginFor('softmax', undefined)).toEqual({ m: undefined });
    expect(marginFor('softmax', 7)).toEqual({ m: 7 });
  });

  it('an m in range passes quietly; out of range it is clamped, and a fraction where a whole number is meant is rounded, each with a notice that says which', () => {
    expect(marginFor('arcface', 0.5)).toEqual({ m: 0.5 });
    expect(marginFor('arcface', 5)).toEqual({ m: 1.2, notice: "m = 5 is outside arcface's range 0–1.2; using 1.2." });
    expect(marginFor('arcface', -1).m).toBe(0);
    expect(marginFor('sphereface', 2.6)).toEqual({ m: 3, notice: 'm = 2.6 must be a whole number for sphereface (1–4); using 3.' });
    expect(marginFor('sphereface', 9)).toEqual({ m: 4, notice: "m = 9 is outside sphereface's range 1–4; using 4." });
    expect(marginFor('sphereface', 0.5)).toEqual({ m: 1, notice: "m = 0.5 is outside sphereface's range 1–4; using 1." });
  });

  it('on a change of loss m is kept when it means the same there, else the new default, quietly', () => {
    expect(marginFor('cosface', 0.2, 'arcface')).toEqual({ m: 0.2 }); // both real, in range
    expect(marginFor('arcface', 3, 'sphereface')).toEqual({ m: 0.3 }); // whole number → angle: default
    expect(marginFor('sphereface', 0.5, 'arcface')).toEqual({ m: 4 }); // angle → whole number: default
    expect(marginFor('lsoftmax', 3, 'sphereface').m).toBe(3); // whole numbers both
    expect(marginFor('cosface', 1.1, 'arcface').m).toBe(marginFor('cosface', undefined).m); // out of the new range
    expect(marginFor('softmax', 0.5, 'arcface')).toEqual({ m: 0.5 });
  });

  it('clampMargin applies it to params, returning the same object when nothing moves', () => {
    const p = { ...defaultParams(), loss: 'arcface' as const, m: 0.4 };
    expect(clampMargin(p)).toBe(p);
    expect(clampMargin({ ...p, loss: 'sphereface', m: 2.2 }).m).toBe(2);
  });
});
