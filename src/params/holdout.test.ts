import { describe, expect, it } from 'vitest';
import { defaultParams } from './table';
import { holdoutLimit, holdoutNotes } from './holdout';
import { decodeParams, encodeParams } from './urlCodec';
import { structureOf } from '../train/fromParams';
import { trainedClasses } from '../train/config';

describe('holdout', () => {
  it('identities add classes (12 colours in all); the other sets keep 2 to train on', () => {
    expect(holdoutLimit('identities', 8)).toBe(4);
    expect(holdoutLimit('identities', 4)).toBe(6);
    expect(holdoutLimit('identities', 12)).toBe(0);
    expect(holdoutLimit('mnist', 10)).toBe(6);
    expect(holdoutLimit('blobs', 3)).toBe(1);
    expect(holdoutLimit('custom', 2)).toBe(0);
  });
  it('a bad value gets a notice and the default; too many are clamped with a notice', () => {
    const bad = decodeParams('holdout=lots');
    expect(bad.params.holdout).toBe(0);
    expect(bad.notices.join()).toMatch(/holdout.*not a number/);
    const big = decodeParams('holdout=6');
    expect(big.params.holdout).toBe(4);
    expect(big.notices.join()).toMatch(/holdout.*12 colours.*holding out 4/);
    const mnist = decodeParams('dataset=mnist&holdout=9');
    expect(mnist.params.holdout).toBe(6);
    expect(mnist.notices.length).toBeGreaterThan(0);
  });
  it('round-trips the new keys, and leaves them out of a default link', () => {
    const p = { ...defaultParams(), idDims: 6, idScale: 5.66, holdout: 4, showHeldout: false, threshold: 35.5 };
    const q = encodeParams(p);
    expect(q).toContain('idDims=6');
    expect(decodeParams(q).params).toEqual(p);
    expect(encodeParams(defaultParams())).toBe('v=3');
  });
  it('the trained class count and the structural config', () => {
    const s = structureOf({ ...defaultParams(), dataset: 'blobs', classes: 6, holdout: 2 });
    expect(s.holdout).toBe(2);
    expect(trainedClasses(s)).toBe(4);
    expect(trainedClasses(structureOf({ ...defaultParams(), holdout: 3 }))).toBe(8);
    // A class count lowered under a holdout: the run holds out what the data allows.
    expect(structureOf({ ...defaultParams(), dataset: 'blobs', classes: 3, holdout: 4 }).holdout).toBe(1);
  });
  it('notes data that cannot generalise, and more than the data allows', () => {
    expect(holdoutNotes(defaultParams(), 8)).toEqual([]);
    expect(holdoutNotes({ ...defaultParams(), holdout: 4 }, 8).join()).toMatch(/barely generalise/);
    expect(holdoutNotes({ ...defaultParams(), holdout: 4, idDims: 6, idScale: 5.66 }, 8)).toEqual([]);
    expect(holdoutNotes({ ...defaultParams(), dataset: 'custom', holdout: 3 }, 3).join()).toMatch(/holding out 1/);
  });
});
