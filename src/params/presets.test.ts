import { describe, expect, it } from 'vitest';
import { PRESETS } from './presets';
import { decodeParams } from './urlCodec';
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
});
