import { describe, expect, it } from 'vitest';
import { initialStatus, type TrainerStatus } from '../state/status';
import { ANNOUNCE_MS, announcement, shouldAnnounce } from './announce';

const status = (patch: Partial<TrainerStatus>): TrainerStatus => ({
  ...initialStatus(1),
  state: 'running',
  step: 1200,
  trainAccuracy: 0.998,
  testAccuracy: 0.99,
  run: 1,
  ...patch,
});

describe('the announcer', () => {
  it('says the run in one sentence', () => {
    expect(announcement(status({}))).toBe('Training at step 1,200, train 99.8 %, test 99.0 %.');
    expect(announcement(status({ state: 'paused' }))).toMatch(/^Paused at step 1,200/);
    expect(announcement(status({ state: 'loading' }))).toBe('Loading the data and the network.');
  });
  it('speaks at most every 5 s while training, at once on a pause, a step, a reset', () => {
    const last = { state: 'running', run: 1, step: 1000, at: 0 };
    expect(shouldAnnounce(status({ step: 1100 }), last, ANNOUNCE_MS - 1)).toBe(false);
    expect(shouldAnnounce(status({ step: 1100 }), last, ANNOUNCE_MS)).toBe(true);
    expect(shouldAnnounce(status({ state: 'paused' }), last, 10)).toBe(true);
    expect(shouldAnnounce(status({ run: 2 }), last, 10)).toBe(true);
    const paused = { ...last, state: 'paused' };
    expect(shouldAnnounce(status({ state: 'paused', step: 1000 }), paused, 10)).toBe(false);
    expect(shouldAnnounce(status({ state: 'paused', step: 1001 }), paused, 10)).toBe(true);
    expect(shouldAnnounce(status({ state: 'loading' }), null, 0)).toBe(false);
  });
});
