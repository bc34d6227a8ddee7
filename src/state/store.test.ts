import { describe, expect, it } from 'vitest';
import { initialStatus } from './status';
import { appendStatus, emptyRows, MAX_HISTORY_POINTS } from './runHistory';
import { createAppStore } from './store';

describe('the app store', () => {
  it('reads its params from a link, with the notices of what was corrected', () => {
    const store = createAppStore('?loss=cosface&m=9');
    expect(store.getState().params.loss).toBe('cosface');
    expect(store.getState().params.m).toBe(1);
    expect(store.getState().notices).toHaveLength(1);
    store.getState().dismissNotices();
    expect(store.getState().notices).toEqual([]);
  });

  it('choosing a loss moves m into its range; other keys are set as given', () => {
    const store = createAppStore('?loss=arcface&m=0.5');
    store.getState().setParam('loss', 'sphereface');
    expect(store.getState().params.m).toBe(4); // a whole-number margin: the default, not 0.5
    store.getState().setParam('loss', 'cosface');
    expect(store.getState().params.m).toBe(0.2);
    store.getState().setParam('m', 0.35);
    store.getState().setParam('loss', 'arcface');
    expect(store.getState().params.m).toBe(0.35); // in ArcFace's range: kept
    store.getState().replaceParams((p) => ({ ...p, s: 30 }));
    expect(store.getState().params.s).toBe(30);
  });

  it('a reset request is a counter; selecting a slice sees only its changes', () => {
    const store = createAppStore('');
    let calls = 0;
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.resetRequest !== prev.resetRequest) calls++;
    });
    store.getState().requestReset();
    store.getState().setParam('lr', 0.02);
    store.getState().requestReset();
    expect(store.getState().resetRequest).toBe(2);
    expect(calls).toBe(2);
    unsubscribe();
  });
});

describe('run history rows', () => {
  const status = (step: number, loss = 1) => ({ ...initialStatus(1), step, loss, trainAccuracy: 0.5, testAccuracy: 0.4 });
  it('appends new steps only: not step 0, not a NaN loss, not a step at or before the last (the timeline)', () => {
    const rows = emptyRows(1);
    expect(appendStatus(rows, status(0), 1)).toBe(false);
    expect(appendStatus(rows, status(5, NaN), 1)).toBe(false);
    expect(appendStatus(rows, status(10), 1)).toBe(true);
    expect(appendStatus(rows, status(10), 1)).toBe(false);
    expect(appendStatus(rows, status(4), 1)).toBe(false);
    expect(appendStatus(rows, status(20, 0.5), 1)).toBe(true);
    expect(rows).toEqual([
      [10, 20],
      [1, 0.5],
      [0.5, 0.5],
      [0.4, 0.4],
    ]);
  });
  it('keeps the last MAX_HISTORY_POINTS rows, and refuses a status of another panel count', () => {
    const rows = emptyRows(1);
    for (let s = 1; s <= MAX_HISTORY_POINTS + 5; s++) appendStatus(rows, status(s), 1);
    expect(rows[0]).toHaveLength(MAX_HISTORY_POINTS);
    expect(rows[0]![0]).toBe(6);
    expect(appendStatus(emptyRows(2), status(1), 2)).toBe(false);
  });
});
