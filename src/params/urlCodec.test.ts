import { describe, expect, it } from 'vitest';
import { coerceParams, decodeParams, encodeParams, URL_VERSION } from './urlCodec';
import { PARAMS, defaultParams, type ParamDef, type Params } from './table';

describe('parameter table', () => {
  it('every default is inside its range and choices', () => {
    for (const def of PARAMS as readonly ParamDef[]) {
      if (def.type === 'number') {
        expect(def.default, def.key).toBeGreaterThanOrEqual(def.min);
        expect(def.default, def.key).toBeLessThanOrEqual(def.max);
        if (def.integer) expect(Number.isInteger(def.default), def.key).toBe(true);
      } else if (def.type === 'enum') expect(def.choices, def.key).toContain(def.default);
      else if (def.type === 'set') for (const v of def.default) expect(def.choices as readonly string[], def.key).toContain(v);
    }
  });
  it('keys are unique', () => {
    const keys = PARAMS.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('URL codec', () => {
  it('defaults encode to just the version', () => {
    expect(encodeParams(defaultParams())).toBe(`v=${URL_VERSION}`);
    expect(decodeParams('').params).toEqual(defaultParams());
    expect(decodeParams('').notices).toEqual([]);
  });

  it('round-trips a non-default value of every key', () => {
    const other: Record<string, unknown> = {};
    for (const def of PARAMS as readonly ParamDef[]) {
      if (def.type === 'number') {
        const third = def.integer ? def.max : Number(((def.min + def.max) / 3).toFixed(4));
        const half = Number(((def.min + def.max) / 2).toFixed(4));
        other[def.key] = third !== def.default ? third : def.integer ? Math.round(half) : half;
      } else if (def.type === 'bool') other[def.key] = !def.default;
      else if (def.type === 'enum') other[def.key] = def.choices.find((c) => c !== def.default);
      else other[def.key] = def.key === 'controls' ? ['m', 's'] : [def.choices[0]];
    }
    const six = Array.from({ length: 6 }, (_, i) => ({ loss: 'cosface' as const, set: { m: i / 10 } }));
    const p = { ...defaultParams(), ...other, loss: 'softmax', compare: six } as Params; // softmax: m is not clamped to a loss range
    const q = encodeParams(p);
    const back = decodeParams(q);
    expect(back.notices).toEqual([]);
    expect(back.params).toEqual(p);
    for (const def of PARAMS) if (def.key !== 'loss') expect(q, def.key).toContain(`${def.key}=`);
  });

  it('reads the per-loss default of m and clamps m into the loss range', () => {
    expect(decodeParams('loss=cosface').params.m).toBe(0.2);
    expect(decodeParams('loss=sphereface').params.m).toBe(4);
    const sphere = decodeParams('loss=sphereface&m=2.6');
    expect(sphere.params.m).toBe(3);
    expect(sphere.notices.join()).toMatch(/Margin m/);
    expect(decodeParams('loss=arcface&m=3').params.m).toBe(1.2);
    expect(encodeParams(decodeParams('loss=cosface').params)).toBe('v=3&loss=cosface');
  });

  it('clamps out-of-range numbers and rounds integers, with notices', () => {
    const d = decodeParams('s=1000&classes=1&perClass=33.3&lr=-1');
    expect(d.params.s).toBe(64);
    expect(d.params.classes).toBe(2);
    expect(d.params.perClass).toBe(33);
    expect(d.params.lr).toBe(0.0001);
    expect(d.notices).toHaveLength(4);
  });

  it('replaces garbage with defaults, with notices, and never throws', () => {
    const garbage = [
      's=abc',
      's=',
      's=Infinity',
      's=1e999',
      'm=NaN',
      'loss=tripletloss',
      'dim=4',
      'anneal=maybe',
      'show=weights,bogus',
      `seed=${'9'.repeat(400)}`,
      'loss=%E0%A4%A',
      's=<script>alert(1)</script>',
      'compare=arcface:m=<b>,::,%00',
    ];
    for (const q of garbage) {
      const d = decodeParams(q);
      expect(d.notices.length, q).toBeGreaterThan(0);
      for (const [k, v] of Object.entries(d.params)) {
        const def = PARAMS.find((p) => p.key === k) as ParamDef | undefined;
        if (def?.type === 'number') {
          expect(Number.isFinite(v), `${q}: ${k}`).toBe(true);
        }
      }
    }
    expect(decodeParams('show=weights,bogus').params.show).toEqual(['weights']);
  });

  it('ignores unknown keys; a repeated key keeps its last value', () => {
    const d = decodeParams('utm_source=x&s=12&s=14&foo=bar');
    expect(d.params.s).toBe(14);
    expect(d.notices).toEqual([]);
  });

  it('is case-lenient for choices and reads booleans in several spellings', () => {
    const d = decodeParams('loss=CosFace&anneal=off&embed=true&play=0');
    expect(d.params.loss).toBe('cosface');
    expect(d.params.anneal).toBe(false);
    expect(d.params.embed).toBe(true);
    expect(d.params.play).toBe(false);
  });

  it('notes a link from an unknown format version and reads it as the current one', () => {
    const d = decodeParams('v=99&s=12');
    expect(d.params.s).toBe(12);
    expect(d.params.dataset).toBe('identities');
    expect(d.notices.join()).toMatch(/version "99"/);
  });

  it('keeps the meaning of a version-2 link: SphereFace2’s r stays 15 (version 3 made it 4)', () => {
    expect(decodeParams('v=2&loss=sphereface2').params.r).toBe(15);
    expect(decodeParams('v=3&loss=sphereface2').params.r).toBe(4);
    expect(decodeParams('loss=sphereface2').params.r).toBe(4);
    expect(encodeParams(decodeParams('v=2&loss=sphereface2').params)).toBe('v=3&loss=sphereface2&r=15');
  });
  it('keeps the meaning of a version-1 link: its missing keys read as version 1’s defaults', () => {
    const d = decodeParams('v=1&loss=softmax');
    expect(d.notices).toEqual([]);
    expect(d.params).toEqual({
      ...defaultParams(),
      loss: 'softmax',
      dataset: 'blobs',
      classes: 6,
      perClass: 200,
      noise: 0.15,
      testFraction: 0.2,
      speed: 0,
      decay: 0,
      r: 15,
      m: d.params.m,
    });
    // Written back as version 3, the old defaults become explicit and the link means the same.
    const q = encodeParams(d.params);
    expect(q).toMatch(/^v=3&/);
    for (const kv of ['dataset=blobs', 'classes=6', 'perClass=200', 'noise=0.15', 'testFraction=0.2', 'speed=0', 'decay=0', 'r=15'])
      expect(q).toContain(kv);
    expect(decodeParams(q).params).toEqual(d.params);
    // A version-1 link that named its data keeps it.
    expect(decodeParams('v=1&dataset=spirals&classes=4').params).toMatchObject({ dataset: 'spirals', classes: 4, perClass: 200 });
  });

  it('opens the identities at the default pace when a link has no version (the bare page)', () => {
    const d = decodeParams('');
    expect(d.params.dataset).toBe('identities');
    expect(d.params.speed).toBeGreaterThan(0);
  });

  it('refuses uploaded data in a link with a notice, and falls back to the identities', () => {
    const d = decodeParams('v=2&dataset=custom');
    expect(d.params.dataset).toBe('identities');
    expect(d.notices.join()).toMatch(/uploaded data/);
  });

  it('an m beyond its loss’s range gets one notice that names that range (not the shared row’s)', () => {
    const d = decodeParams('loss=arcface&m=5');
    expect(d.params.m).toBe(1.2);
    expect(d.notices).toHaveLength(1);
    expect(d.notices[0]).toMatch(/between 0 and 1\.2; using 1\.2/);
    const s = decodeParams('loss=sphereface&m=2.6');
    expect(s.params.m).toBe(3);
    expect(s.notices).toHaveLength(1);
    const c = decodeParams('compare=arcface:m=5,cosface');
    expect(c.params.compare[0]!.set.m).toBe(1.2);
    expect(c.notices).toHaveLength(1);
  });

  it('coerces postMessage params and reports what it refuses', () => {
    const { params, problems } = coerceParams({ m: 0.4, loss: 'cosface', anneal: false, s: 'big', nope: 1, show: ['weights'] });
    expect(params).toEqual({ m: 0.4, loss: 'cosface', anneal: false, show: ['weights'] });
    expect(problems).toHaveLength(2);
    expect(coerceParams('x').problems).toHaveLength(1);
  });
});
