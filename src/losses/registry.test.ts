import { describe, expect, it } from 'vitest';
import { PARAMS, defaultParams, lossUses, type ParamDef } from '../params/table';
import { stepSpec } from './stepSpec';
import { defaultSpecOf } from '../params/defaultSpec';
import { clampCos } from './cosine';
import { LOSSES, LOSS_KINDS, isLossKind, lossDef } from './registry';

const keys = (PARAMS as readonly ParamDef[]).map((d) => d.key);

describe('the loss registry: every definition keeps the contract the app relies on', () => {
  it('kinds match their keys; each table key is defined once', () => {
    for (const kind of LOSS_KINDS) expect(LOSSES[kind].kind).toBe(kind);
    expect(new Set(keys).size).toBe(keys.length);
    expect(isLossKind('arcface')).toBe(true);
    expect(isLossKind('toString')).toBe(false);
  });
  it('every key a loss uses or names in its title is a table row, and a loss reads only its own rows', () => {
    for (const kind of LOSS_KINDS) {
      const def = lossDef(kind);
      for (const k of [...def.meta.uses, ...def.meta.params.map((r) => r.key), ...(def.meta.titleKeys as string[])])
        expect(keys).toContain(k);
      for (const other of LOSS_KINDS.filter((o) => o !== kind)) {
        for (const row of lossDef(other).meta.params)
          if (!def.meta.params.some((r) => r.key === row.key)) expect(lossUses(kind, row.key)).toBe(false);
      }
      expect(lossUses(kind, 'lr')).toBe(true);
    }
  });
  it('a margin range holds its default, within the shared row of m; m is used exactly when it has a range', () => {
    const mRow = PARAMS.find((d) => d.key === 'm')!;
    for (const kind of LOSS_KINDS) {
      const { margin, uses } = lossDef(kind).meta;
      expect(uses.includes('m')).toBe(margin !== undefined);
      if (!margin) continue;
      expect(margin.default).toBeGreaterThanOrEqual(margin.min);
      expect(margin.default).toBeLessThanOrEqual(margin.max);
      expect(margin.min).toBeGreaterThanOrEqual(mRow.min);
      expect(margin.max).toBeLessThanOrEqual(mRow.max);
    }
  });
  it('a curve shared with another loss names a loss with a curve of its own', () => {
    for (const kind of LOSS_KINDS) {
      const { curve } = lossDef(kind).view;
      if ('as' in curve) {
        expect(isLossKind(curve.as)).toBe(true);
        expect('as' in lossDef(curve.as as never).view.curve).toBe(false);
      }
    }
  });
  it('at its defaults, a feature on its own weight has the largest target logit; the spec has the loss kind', () => {
    for (const kind of LOSS_KINDS) {
      const def = lossDef(kind);
      const { spec } = stepSpec({ ...defaultParams(), loss: kind, m: def.meta.margin?.default ?? 0 }, { step: 1e6, lossStep: 1e6 });
      expect(spec.kind).toBe(kind);
      const onWeight = def.view.targetLogit(spec, 0, 1);
      for (let d = 5; d <= 180; d += 5) expect(def.view.targetLogit(spec, (d * Math.PI) / 180, 1)).toBeLessThan(onWeight);
      expect(def.view.scale(spec, 1)).toBeGreaterThan(0);
    }
  });
  it("the shader's uniforms fit its vec4, and a margin loss's GLSL returns a value", () => {
    for (const kind of LOSS_KINDS) {
      const def = lossDef(kind);
      if (!def.view.shader) continue;
      expect(def.train.rawLogits).toBe(false);
      const { spec } = stepSpec({ ...defaultParams(), loss: kind, m: def.meta.margin?.default ?? 0 }, { step: 0, lossStep: 0 });
      expect(def.view.shader.uniforms(spec, 1).length).toBeLessThanOrEqual(4);
      expect(def.view.shader.source(spec)).toMatch(/return [^;]+;/);
    }
  });
  it('the GLSL margin rules agree with the plain-number target logits (transcribed: the same formula in both)', () => {
    // A check on the transcription: evaluate the GLSL bodies' arithmetic in JS for a few cosines.
    const glslEval = (src: string, cc: number, u: readonly number[]): number => {
      const js = src
        .replace(/float /g, 'let ')
        .replace(/uLoss\.x/g, String(u[0] ?? 0))
        .replace(/uLoss\.y/g, String(u[1] ?? 0))
        .replace(/uLoss\.z/g, String(u[2] ?? 0))
        .replace(/\b(\d+)\.0\b/g, '$1')
        .replace(/\/\/.*$/gm, '')
        .replace(/\b(cos|sin|acos|sqrt|floor)\(/g, 'Math.$1(')
        .replace(/\bclamp\(/g, 'clampGl(')
        .replace(/\bmod\(/g, 'modGl(');
      const fn = new Function('cc', 'PI', 'clampGl', 'modGl', js) as (...a: unknown[]) => number;
      return fn(
        cc,
        Math.PI,
        (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v)),
        (a: number, b: number) => a - b * Math.floor(a / b),
      );
    };
    for (const kind of LOSS_KINDS) {
      const def = lossDef(kind);
      if (!def.view.shader) continue;
      for (const fallback of ['insightface', 'easy', 'none'] as const) {
        const { spec } = stepSpec(
          { ...defaultParams(), loss: kind, m: def.meta.margin?.default ?? 0, arcFallback: fallback },
          { step: 0, lossStep: 100 },
        );
        for (const c of [-0.95, -0.5, -0.1, 0.2, 0.6, 0.9]) {
          const theta = Math.acos(clampCos(c));
          const expected = def.view.targetLogit(spec, theta, 1) / def.view.scale(spec, 1);
          expect(glslEval(def.view.shader.source(spec), clampCos(c), def.view.shader.uniforms(spec, 1))).toBeCloseTo(expected, 4);
        }
      }
    }
  });
});

describe('every loss trains through a fused head', () => {
  it('every loss names a fused head at its default settings; the ablations and a fractional SphereFace m say why not', () => {
    for (const kind of LOSS_KINDS) expect(lossDef(kind).fused(defaultSpecOf(kind)).kind, kind).not.toBe('none');
    const none = [
      lossDef('center').fused({ kind: 'center', lambda: 0.3, normalize: true }),
      lossDef('center').fused({ kind: 'center', lambda: 0.3, includeSoftmax: false }),
      lossDef('sphereface').fused({ kind: 'sphereface', m: 2.5, lambda: 0 }),
    ];
    for (const head of none) expect(head).toMatchObject({ kind: 'none', why: expect.stringMatching(/\w/) });
    expect(lossDef('center').fused({ kind: 'center', lambda: 0.3 })).toEqual({ kind: 'raw', bias: true, pull: 0.3 });
  });
});
