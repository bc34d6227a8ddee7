import { describe, expect, it } from 'vitest';
import { RUN_VERSION, makeRunFile, parseRunFile } from './runFile';

const good = () =>
  makeRunFile(
    'v=2&loss=cosface&seed=3',
    3,
    ['CosFace m = 0.2, s = 10'],
    [
      [10, 20],
      [1.5, NaN],
      [0.5, 0.6],
      [0.4, 0.5],
    ],
    [{ step: 20, tensors: [{ name: 'W', shape: [3, 2], values: Float32Array.from([1, 2, 3, 4, 5, 6]) }] }],
  );

describe('run files', () => {
  it('round-trip through JSON (NaN losses of a diverged panel as null)', () => {
    const text = JSON.stringify(good());
    const r = parseRunFile(text);
    if (!('file' in r)) throw new Error(r.error);
    expect(r.file.query).toBe('v=2&loss=cosface&seed=3');
    expect(r.file.history[0]).toEqual([10, 20]);
    expect(r.file.history[1]![1]).toBeNaN();
    expect(r.file.weights[0]!.tensors[0]!.values).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('names the problem of a malformed, foreign or too-new file', () => {
    const cases: [string, RegExp][] = [
      ['{"format": ', /not JSON/],
      ['[1,2]', /no JSON object/],
      [JSON.stringify({ format: 'something-else' }), /not a Hypersphere run file \(format "something-else"/],
      [JSON.stringify({ ...good(), version: RUN_VERSION + 1 }), /newer Hypersphere \(run-file version 2/],
      [JSON.stringify({ ...good(), version: 'one' }), /version "one" is not a whole number/],
      [JSON.stringify({ ...good(), query: 5 }), /"query"/],
      [JSON.stringify({ ...good(), seed: 1.5 }), /"seed"/],
      [JSON.stringify({ ...good(), history: [[1], [2], [3]] }), /"history" is not 4 columns/],
      [JSON.stringify({ ...good(), history: [[1, 2], [2], [3], [4]] }), /differ in length/],
      [JSON.stringify({ ...good(), history: [[1], ['x'], [3], [4]] }), /"history" is not 4 columns/],
      [JSON.stringify({ ...good(), weights: [] }), /one model per panel/],
      [
        JSON.stringify({ ...good(), weights: [{ step: 1, tensors: [{ name: 'W', shape: [2, 2], values: [1, 2, 3] }] }] }),
        /tensor "W" whose values do not fill its shape/,
      ],
    ];
    for (const [text, why] of cases) {
      const r = parseRunFile(text);
      expect('error' in r ? r.error : 'parsed', text.slice(0, 60)).toMatch(why);
    }
  });
});
