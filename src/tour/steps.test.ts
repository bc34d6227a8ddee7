import { stackedTex, texLines } from '../losses/tex';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { TOUR_LENGTH } from '../params/table';
import { coerceParams, decodeParams } from '../params/urlCodec';
import { TOUR_STEPS } from './steps';
import { parseSweep } from '../params/sweep';

describe('lecture tour steps', () => {
  it('has TOUR_LENGTH steps, each with 2–5 sentences of text', () => {
    expect(TOUR_STEPS).toHaveLength(TOUR_LENGTH);
    for (const step of TOUR_STEPS) {
      const sentences = step.text.join(' ').match(/[.!?](\s|$)/g)?.length ?? 0;
      expect(sentences, step.title).toBeGreaterThanOrEqual(2);
      expect(sentences, step.title).toBeLessThanOrEqual(5);
    }
  });
  it('every step’s run decodes from its URL with no notice', () => {
    for (const step of TOUR_STEPS) {
      const d = decodeParams(step.query);
      expect(d.notices, step.title).toEqual([]);
      expect(step.query, step.title).toMatch(/^v=[23]&/);
      expect(parseSweep(step.query).notices, step.title).toEqual([]);
    }
  });
  it('every formula renders in KaTeX (throwOnError)', () => {
    for (const step of TOUR_STEPS)
      expect(() => katex.renderToString(step.formula, { throwOnError: true, displayMode: true }), step.title).not.toThrow();
  });
  it('every "try this" action is a valid change of the step’s own run', () => {
    for (const step of TOUR_STEPS) {
      const { problems } = coerceParams(step.tryThis.set);
      expect(problems, step.title).toEqual([]);
      const before = decodeParams(step.query).params as Record<string, unknown>;
      const changes = Object.entries(step.tryThis.set).some(([k, v]) => JSON.stringify(before[k]) !== JSON.stringify(v));
      expect(changes, step.title).toBe(true);
    }
  });
  it('follows the lecture’s order of losses', () => {
    const losses = TOUR_STEPS.map((s) => decodeParams(s.query).params.loss);
    expect(losses.slice(0, 6)).toEqual(['softmax', 'center', 'sphereface', 'normface', 'sphereface', 'cosface']);
    expect(losses[7]).toBe('arcface');
    expect(losses[8]).toBe('combined');
  });
  it('a bad tour value gives a notice and step 1; tour=0 is off', () => {
    for (const bad of ['tour=abc', 'tour=99', 'tour=-2', 'tour=2.5x']) {
      const d = decodeParams(bad);
      expect(d.params.tour, bad).toBe(1);
      expect(d.notices.join(), bad).toMatch(/tour/i);
    }
    expect(decodeParams('tour=4').params.tour).toBe(4);
    expect(decodeParams('tour=0').params.tour).toBe(0);
  });
  it('every tour step: its stacked form renders without a KaTeX error', () => {
    for (const step of TOUR_STEPS) {
      const lines = step.lines ?? texLines(step.formula);
      expect(
        () => katex.renderToString(stackedTex(lines), { throwOnError: true, displayMode: true, strict: 'error' }),
        step.title,
      ).not.toThrow();
    }
  });
});
