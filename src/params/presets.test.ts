import { describe, expect, it } from 'vitest';
import { PRESETS, presetApplied, presetById } from './presets';
import { LOSS_KINDS, lossDef } from '../losses/registry';
import { decodeParams } from './urlCodec';
import { parseSweep } from './sweep';
import { holdoutNotes } from './holdout';

describe('presets', () => {
  it('each decodes from its query with no notice, and ids are unique', () => {
    for (const p of PRESETS) expect(decodeParams(p.query).notices, p.id).toEqual([]);
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
  });
  it('the open-set presets hold identities out on data that generalises (no note)', () => {
    const open = PRESETS.filter((p) => p.id.startsWith('open-'));
    expect(open.length).toBeGreaterThanOrEqual(3);
    for (const p of open) {
      const params = decodeParams(p.query).params;
      expect(params.holdout, p.id).toBe(4);
      expect(holdoutNotes(params, params.classes), p.id).toEqual([]);
    }
  });
  it('a loss that names its showcase names a preset of that loss; the preset is applied once its keys match', () => {
    const named = LOSS_KINDS.filter((k) => lossDef(k).meta.showcase);
    expect(named.sort()).toEqual(['adaface', 'magface', 'sphereface2', 'subcenter']);
    for (const kind of named) {
      const preset = presetById(lossDef(kind).meta.showcase!.preset);
      expect(preset, kind).toBeDefined();
      const params = decodeParams(preset!.query).params;
      expect(params.loss, kind).toBe(kind);
      expect(presetApplied(params, preset!), kind).toBe(true);
      // The loss picked from the menu on the default data: not yet.
      expect(presetApplied({ ...decodeParams('v=2').params, loss: kind }, preset!), kind).toBe(false);
    }
  });
  it('the sweep presets name a sweep the grammar reads without a notice', () => {
    const sweeps = PRESETS.filter((p) => p.id.startsWith('sweep-'));
    expect(sweeps.length).toBe(6);
    for (const p of sweeps) expect(parseSweep(p.query), p.id).toMatchObject({ notices: [], sweep: { seeds: 3, steps: 1000 } });
  });
});
