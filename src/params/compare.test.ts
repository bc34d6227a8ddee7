import { describe, expect, it } from 'vitest';
import { applyToPanels, encodeCompare, entryParams, panelTitle, parseCompare, setEntryParam, viewTitle } from './compare';
import { defaultParams } from './table';
import { decodeParams, encodeParams } from './urlCodec';

describe('compare entries', () => {
  it('reads losses and colon-separated settings', () => {
    const { entries, notices } = parseCompare('softmax,cosface:m=0.2:s=16, ArcFace:m=0.3');
    expect(notices).toEqual([]);
    expect(entries).toEqual([
      { loss: 'softmax', set: {} },
      { loss: 'cosface', set: { m: 0.2, s: 16 } },
      { loss: 'arcface', set: { m: 0.3 } },
    ]);
    expect(encodeCompare(entries)).toBe('softmax,cosface:m=0.2:s=16,arcface:m=0.3');
  });

  it('drops malformed entries with a notice naming each, keeps the rest', () => {
    const { entries, notices } = parseCompare('arcface:m=0.1,triplet,cosface:q=1,arcface:m,normface:s=4');
    expect(entries.map((e) => e.loss)).toEqual(['arcface', 'normface']);
    expect(notices).toHaveLength(3);
    expect(notices[0]).toMatch(/entry 2.*"triplet" is not a loss/);
    expect(notices[1]).toMatch(/entry 3.*"q" is not a setting/);
    expect(notices[2]).toMatch(/entry 4.*"m" is not key=value/);
  });

  it('clamps values like any URL value, and m into its loss range', () => {
    const { entries, notices } = parseCompare('arcface:m=3:s=1000,sphereface:m=2.6,cosface:s=abc');
    expect(entries[0]!.set).toEqual({ m: 1.2, s: 64 });
    expect(entries[1]!.set.m).toBe(3);
    expect(entries[2]!.set.s).toBe(10);
    expect(notices).toHaveLength(4);
  });

  it('keeps at most six panels and refuses the shared pace', () => {
    expect(parseCompare('softmax,'.repeat(8)).entries).toHaveLength(6);
    expect(parseCompare('softmax,'.repeat(8)).notices.join()).toMatch(/at most 6/);
    expect(parseCompare('softmax:speed=5,normface').entries).toHaveLength(1);
  });

  it("gives a panel the page's settings, its loss's default m and its own settings", () => {
    const base = { ...defaultParams(), lr: 0.02, s: 12, loss: 'softmax' as const };
    const p = entryParams(base, { loss: 'cosface', set: { s: 20 } });
    expect([p.loss, p.m, p.s, p.lr]).toEqual(['cosface', 0.2, 20, 0.02]);
    expect(entryParams(base, { loss: 'sphereface', set: {} }).m).toBe(4);
    expect(panelTitle(p, { loss: 'cosface', set: { s: 20 } })).toBe('CosFace m = 0.2, s = 20');
    expect(panelTitle(entryParams(base, { loss: 'softmax', set: { lr: 0.1 } }), { loss: 'softmax', set: { lr: 0.1 } })).toBe(
      'Softmax lr = 0.1',
    );
    expect(viewTitle({ ...base, loss: 'arcface', m: 0.3 })).toBe('ArcFace m = 0.3, s = 12');
    expect(viewTitle(decodeParams('compare=softmax,cosface').params)).toBe('compare softmax cosface');
  });

  it("changes one panel's setting; a new loss drops an m outside its range", () => {
    const e = parseCompare('arcface:m=0.5,cosface:m=0.9').entries;
    expect(setEntryParam(e, 1, 'm', 0.1)).toEqual([e[0], { loss: 'cosface', set: { m: 0.1 } }]);
    expect(setEntryParam(e, 0, 'loss', 'cosface')[0]).toEqual({ loss: 'cosface', set: { m: 0.5 } });
    expect(setEntryParam(e, 1, 'loss', 'arcface')[1]).toEqual({ loss: 'arcface', set: { m: 0.9 } });
    expect(setEntryParam(e, 0, 'loss', 'sphereface')[0]).toEqual({ loss: 'sphereface', set: {} });
  });
});

describe('compare in links', () => {
  it('round-trips through the URL, readable', () => {
    const d = decodeParams('compare=softmax,cosface:m=0.2:s=16,arcface&focus=2');
    expect(d.notices).toEqual([]);
    expect(d.params.compare).toHaveLength(3);
    expect(d.params.focus).toBe(2);
    const q = encodeParams(d.params);
    expect(q).toContain('compare=softmax,cosface:m=0.2:s=16,arcface');
    expect(decodeParams(q).params).toEqual(d.params);
  });

  it('a single entry is the single view; a focus past the panels is the grid', () => {
    const one = decodeParams('compare=cosface:m=0.1,bogus');
    expect(one.params.compare).toEqual([]);
    expect([one.params.loss, one.params.m]).toEqual(['cosface', 0.1]);
    expect(one.notices.join(' ')).toMatch(/at least two/);
    const far = decodeParams('compare=softmax,arcface&focus=5');
    expect(far.params.focus).toBe(0);
    expect(far.notices.join(' ')).toMatch(/no compare panel 5/);
    expect(decodeParams('compare=,,').notices.join(' ')).toMatch(/No compare entry/);
  });
});

describe('settings from outside in compare mode', () => {
  const cur = decodeParams('compare=softmax,arcface:m=0.2:lr=0.05,cosface').params;
  it('a panel index sets that panel only', () => {
    const next = applyToPanels(cur, { m: 0.4, lr: 0.02 }, 1);
    expect(next.compare[1]).toEqual({ loss: 'arcface', set: { m: 0.4, lr: 0.02 } });
    expect(next.compare[0]).toBe(cur.compare[0]);
    expect(next.lr).toBe(cur.lr);
  });
  it('no index sets loss keys on every panel and shared keys on the page', () => {
    const next = applyToPanels(cur, { s: 16, lr: 0.03, seed: 7 });
    expect(next.compare.map((e) => e.set.s)).toEqual([16, 16, 16]);
    expect(next.compare[1]!.set.lr).toBe(0.03); // the panel set its own lr
    expect(next.compare[0]!.set.lr).toBeUndefined();
    expect([next.lr, next.seed]).toEqual([0.03, 7]);
  });
});
