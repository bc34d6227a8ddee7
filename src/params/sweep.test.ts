import { describe, expect, it } from 'vitest';
import { encodeSweep, parseSweep, runSettings, sweepRuns, sweepableKeys } from './sweep';
import { decodeParams } from './urlCodec';

describe('the sweep grammar', () => {
  it('parses m over its values, with seeds and steps', () => {
    expect(parseSweep('sweep=m:0,0.1,0.2,0.3,0.4,0.5,0.6&seeds=3&sweepSteps=1000')).toEqual({
      sweep: { key: 'm', values: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6], seeds: 3, steps: 1000 },
      notices: [],
    });
  });
  it('parses the loss (categorical) and the dimension, with the defaults for seeds and steps', () => {
    expect(parseSweep('?sweep=loss:softmax,arcface').sweep).toEqual({ key: 'loss', values: ['softmax', 'arcface'], seeds: 3, steps: 1000 });
    expect(parseSweep('sweep=dim:2,3,8,32').sweep).toMatchObject({ key: 'dim', values: [2, 3, 8, 32] });
  });
  it('encodes back to the same link, leaving defaults out', () => {
    for (const q of ['sweep=m:0,0.1,0.2&seeds=2&sweepSteps=200', 'sweep=dim:2,3,8,32', 'sweep=loss:softmax,arcface&seeds=5']) {
      const { sweep } = parseSweep(q);
      expect(encodeSweep(sweep!)).toBe(q);
    }
  });
  it('no sweep key: no sweep and no notice (a plain link is unchanged)', () => {
    expect(parseSweep('loss=arcface&m=0.3')).toEqual({ sweep: null, notices: [] });
  });
  it('bad input: an unknown setting, values out of range or not numbers, seeds and steps out of range', () => {
    const unknown = parseSweep('sweep=colour:1,2');
    expect(unknown.sweep).toBeNull();
    expect(unknown.notices[0]).toMatch(/"colour" is not a setting a sweep can vary/);
    const bad = parseSweep('sweep=m:0.2,x,-5,0.2,0.4&seeds=99&sweepSteps=abc');
    expect(bad.sweep).toEqual({ key: 'm', values: [0.2, 0.4], seeds: 10, steps: 1000 });
    expect(bad.notices).toHaveLength(4);
    expect(parseSweep('sweep=dim:2,3.5,100').sweep!.values).toEqual([2]);
    expect(parseSweep('sweep=loss:arcface,nope').notices[0]).toMatch(/"nope" is not a loss/);
    const none = parseSweep('sweep=m:');
    expect(none.sweep).toBeNull();
    expect(none.notices[0]).toMatch(/no value/);
    expect(parseSweep('sweep=seed:1,2').sweep).toBeNull(); // the seeds are the sweep's own
  });
  it('only settings that change what is trained can be swept: not the threshold, the timeline, the workers or the pace', () => {
    const keys = sweepableKeys();
    for (const k of ['threshold', 'timeline', 'workers', 'speed', 'seed', 'tour', 'focus']) expect(keys, k).not.toContain(k);
    for (const k of ['m', 's', 'lr', 'batch', 'idScale', 'holdout', 'classes', 'hidden', 'loss', 'dim']) expect(keys, k).toContain(k);
    const threshold = parseSweep('sweep=threshold:0.1,0.5,0.9');
    expect(threshold.sweep).toBeNull();
    expect(threshold.notices[0]).toMatch(/"threshold" is not a setting a sweep can vary/);
    expect(parseSweep('sweep=workers:1,2').sweep).toBeNull();
  });

  it('a loss named twice runs once; a fractional seed count is "not a whole number", not out of range', () => {
    expect(parseSweep('sweep=loss:softmax,arcface,softmax').sweep?.values).toEqual(['softmax', 'arcface']);
    const half = parseSweep('sweep=m:0,0.3&seeds=2.5');
    expect(half.sweep?.seeds).toBe(3);
    expect(half.notices).toEqual(['seeds: "2.5" is not a whole number; 3 is used.']);
    expect(parseSweep('sweep=m:0&seeds=0').notices).toEqual(['seeds: "0" is out of range (1–10); 1 is used.']);
  });

  it("m is checked against the loss's own range, as a link's m= is: SphereFace's integer m", () => {
    expect(parseSweep('sweep=m:1,2,3,4', 'sphereface').sweep!.values).toEqual([1, 2, 3, 4]);
    const frac = parseSweep('sweep=m:1,2.5,4', 'sphereface');
    expect(frac.sweep!.values).toEqual([1, 4]);
    expect(frac.notices[0]).toMatch(/"2.5" is not a value of m \(an integer/);
  });
  it('the runs go value by value, each over its seeds from the page seed', () => {
    const runs = sweepRuns({ key: 'm', values: [0, 0.5], seeds: 2, steps: 100 }, 7);
    expect(runs).toEqual([
      { index: 0, value: 0, seed: 7 },
      { index: 1, value: 0, seed: 8 },
      { index: 2, value: 0.5, seed: 7 },
      { index: 3, value: 0.5, seed: 8 },
    ]);
  });
  it("a run's settings: the page's with its value and seed; a dimension above 3 trains apart from the drawn one", () => {
    const base = decodeParams('loss=arcface&m=0.3&dim=2').params;
    const r = runSettings(base, 'm', { index: 0, value: 0.5, seed: 4 });
    expect(r).toMatchObject({ params: { m: 0.5, seed: 4, loss: 'arcface' }, dim: 2 });
    expect(runSettings(base, 'dim', { index: 0, value: 8, seed: 1 })).toMatchObject({ dim: 8, params: { dim: '3' } });
    expect(runSettings(base, 'loss', { index: 0, value: 'softmax', seed: 1 }).params.loss).toBe('softmax');
  });
});
