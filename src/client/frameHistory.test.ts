import { describe, expect, it } from 'vitest';
import type { Frame } from '../train/frame';
import { FrameHistory } from './frameHistory';

const frame = (step: number) => ({ step }) as Frame;

describe('FrameHistory', () => {
  it('groups the models of one step into a round and keeps the last N rounds', () => {
    const h = new FrameHistory(3);
    for (let s = 1; s <= 5; s++) {
      h.push(0, frame(s));
      h.push(1, frame(s));
    }
    expect(h.length).toBe(3);
    expect(h.at(0)!.map((f) => f.step)).toEqual([3, 3]);
    expect(h.at(2)!.map((f) => f.step)).toEqual([5, 5]);
    h.setLimit(1);
    expect(h.length).toBe(1);
    expect(h.at(0)![0]!.step).toBe(5);
    h.setLimit(0);
    h.push(0, frame(6));
    expect(h.length).toBe(0);
  });
  it('a repeated step (a paused run re-drawn for new settings) replaces its round', () => {
    const h = new FrameHistory(10);
    h.push(0, frame(7));
    const again = frame(7);
    h.push(0, again);
    expect(h.length).toBe(1);
    expect(h.at(0)![0]).toBe(again);
    h.clear();
    expect(h.length).toBe(0);
  });
});
