import { describe, expect, it } from 'vitest';
import type { ModelFrame } from '../worker/protocol';
import { CHUNK, LEAD, Lockstep } from './lockstep';

const frame = (model: number, step: number) => ({ model, frame: { step }, snapshotMs: 0 }) as unknown as ModelFrame;

function ready(k: number): Lockstep {
  const l = new Lockstep(k);
  for (let i = 0; i < k; i++) l.markReady(i);
  return l;
}

describe('Lockstep', () => {
  it('asks every idle shard for its next chunk, and merges a step once every shard has reported it', () => {
    const l = ready(2);
    expect(l.plan(true)).toEqual([
      { shard: 0, n: CHUNK },
      { shard: 1, n: CHUNK },
    ]);
    expect(l.plan(true)).toEqual([]); // both busy
    expect(l.frames(0, CHUNK, [frame(0, CHUNK)])).toBeNull();
    // Shard 0 may run on, up to LEAD chunks ahead of the slowest.
    expect(l.plan(true)).toEqual([{ shard: 0, n: CHUNK }]);
    expect(l.frames(1, CHUNK, [frame(1, CHUNK)])?.map((f) => f.model)).toEqual([0, 1]);
  });

  it('keeps a fast shard within LEAD chunks of the slowest', () => {
    const l = ready(2);
    l.plan(true);
    for (let c = 1; c <= LEAD + 2; c++) {
      l.frames(0, c * CHUNK, [frame(0, c * CHUNK)]);
      l.plan(true);
    }
    expect(l.targetOf(0) - l.slowest).toBeLessThanOrEqual(LEAD * CHUNK);
    expect(l.owes(0)).toBe(false); // waiting
  });

  it('a pause brings the shards behind up to the furthest target: every panel stops at one step', () => {
    const l = ready(2);
    l.plan(true);
    l.frames(0, CHUNK, [frame(0, CHUNK)]);
    l.plan(true); // shard 0 now heads for 2·CHUNK
    l.frames(1, CHUNK, [frame(1, CHUNK)]);
    expect(l.plan(false)).toEqual([{ shard: 1, n: CHUNK }]);
    l.frames(0, 2 * CHUNK, [frame(0, 2 * CHUNK)]);
    expect(l.frames(1, 2 * CHUNK, [frame(1, 2 * CHUNK)])?.map((f) => f.frame.step)).toEqual([2 * CHUNK, 2 * CHUNK]);
    expect(l.aligned).toBe(true);
    expect(l.plan(false)).toEqual([]);
    expect(l.stepAll(1)).toEqual([
      { shard: 0, n: 1 },
      { shard: 1, n: 1 },
    ]);
  });

  it('a restarted shard stands at its checkpoint and the next chunks take it back onto the grid', () => {
    const l = ready(2);
    l.standAt(1, 13);
    expect(l.plan(true)).toEqual([
      { shard: 0, n: CHUNK },
      { shard: 1, n: 2 * CHUNK - 13 },
    ]);
  });

  it('a shard whose models all diverged leaves the race: the others merge without it', () => {
    const l = ready(3);
    l.plan(true);
    l.frames(0, CHUNK, [frame(0, CHUNK)]);
    l.frames(1, CHUNK, [frame(1, CHUNK)]);
    expect(l.retire(2)?.map((f) => f.model)).toEqual([0, 1]);
  });
});
