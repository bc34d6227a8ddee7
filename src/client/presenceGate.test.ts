import { describe, expect, it } from 'vitest';
import { PresenceGate, SLEEP_AFTER_MS, type GatedPool, type PresenceReport } from './presenceGate';
import { FakeClock } from './test/fakes';
import type { RunRequest } from './trainerClient';

/** A pool that logs what it is asked and plays as a PoolClient does. */
function fakePool(): GatedPool & { log: string[] } {
  const log: string[] = [];
  let playing = true;
  return {
    log,
    get playing() {
      return playing;
    },
    start: (_run, p) => {
      if (p !== undefined) playing = p;
      log.push(`start ${playing ? 'playing' : 'paused'}`);
    },
    play: () => ((playing = true), log.push('play')),
    pause: () => ((playing = false), log.push('pause')),
    step: (n) => ((playing = false), log.push(`step ${n}`)),
    sleep: () => log.push('sleep'),
    wake: () => log.push('wake'),
  };
}

const RUN = {} as RunRequest;

/** A gate on an autoplaying pool whose first run was started before the page knew whether it is seen. */
function setup() {
  const pool = fakePool();
  const clock = new FakeClock();
  const reports: PresenceReport[] = [];
  const gate = new PresenceGate(pool, clock, (r) => reports.push(r));
  gate.start(RUN);
  expect(pool.log).toEqual(['start paused']); // built, not played, until the page knows
  pool.log.length = 0;
  return { pool, clock, reports, gate, last: () => reports.at(-1) };
}

describe('PresenceGate', () => {
  it('makes no canvas and takes no step until it knows it is seen; shown, it draws and plays as asked', () => {
    const { gate, reports, pool } = setup();
    gate.setSeen(null);
    expect(reports).toEqual([]);
    expect(gate.playing).toBe(true); // autoplay, held
    gate.setSeen(true);
    expect(reports).toEqual([{ presence: 'shown', canvas: true }]);
    expect(pool.log).toEqual(['play']);
  });

  it('hidden: pauses a playing run, keeps the canvas, and after SLEEP_AFTER_MS stops the workers and lets the canvas go', () => {
    const { gate, pool, clock, last } = setup();
    gate.setSeen(true);
    gate.setSeen(false);
    expect(pool.log).toEqual(['play', 'pause']);
    expect(last()).toEqual({ presence: 'hidden', canvas: true });
    expect(gate.playing).toBe(true); // it will play once shown
    clock.advance(SLEEP_AFTER_MS - 1);
    expect(pool.log).toEqual(['play', 'pause']);
    clock.advance(1);
    expect(pool.log).toEqual(['play', 'pause', 'sleep']);
    expect(last()).toEqual({ presence: 'asleep', canvas: false });
    gate.setSeen(true);
    expect(pool.log).toEqual(['play', 'pause', 'sleep', 'wake', 'play']);
    expect(last()).toEqual({ presence: 'shown', canvas: true });
  });

  it('shown again before the sleep: plays on, the same workers; a paused run stays paused', () => {
    const { gate, pool, clock } = setup();
    gate.setSeen(true);
    gate.pause();
    gate.setSeen(false);
    clock.advance(SLEEP_AFTER_MS / 2);
    gate.setSeen(true);
    clock.advance(SLEEP_AFTER_MS);
    expect(pool.log).toEqual(['play', 'pause']); // no sleep, no play: the lecturer had paused it
  });

  it('hidden from the first verdict: never played, no canvas ever made, asleep after the delay; plays once shown', () => {
    const { gate, pool, clock, reports } = setup();
    gate.setSeen(false);
    expect(reports).toEqual([{ presence: 'hidden', canvas: false }]);
    clock.advance(SLEEP_AFTER_MS);
    expect(reports.at(-1)).toEqual({ presence: 'asleep', canvas: false });
    expect(pool.log).toEqual(['sleep']);
    gate.setSeen(true);
    expect(pool.log).toEqual(['sleep', 'wake', 'play']);
  });

  it("keeps what is asked while hidden: play, pause, steps and a new run's play take effect once shown", () => {
    const { gate, pool } = setup();
    gate.setSeen(true);
    gate.pause();
    gate.setSeen(false);
    gate.play();
    expect(pool.log).toEqual(['play', 'pause']);
    expect(gate.playing).toBe(true);
    gate.step(3);
    gate.step(2);
    gate.setSeen(true);
    expect(pool.log).toEqual(['play', 'pause', 'step 5']);
    gate.setSeen(false);
    gate.start(RUN, true); // a reset after divergence asks to play: made paused, played once shown
    expect(pool.log.at(-1)).toBe('start paused');
    gate.setSeen(true);
    expect(pool.log.at(-1)).toBe('play');
  });

  it('a seen verdict repeated changes nothing; dispose clears the sleep timer', () => {
    const { gate, clock, reports, pool } = setup();
    gate.setSeen(true);
    gate.setSeen(true);
    gate.setSeen(false);
    gate.setSeen(false);
    expect(reports).toHaveLength(2);
    gate.dispose();
    expect(clock.pending).toBe(0);
    expect(pool.log).toEqual(['play', 'pause']);
  });
});
