import { describe, expect, it } from 'vitest';
import { FakeClock } from './test/fakes';
import { PING_MS, START_GRACE_MS, WATCHDOG_MS, startWatchdog } from './watchdog';

/** A watch on a worker expected to train; what it did. */
function setup(starting = false) {
  const clock = new FakeClock();
  const silences: number[] = [];
  let pings = 0;
  const dog = startWatchdog(
    clock,
    () => true,
    (ms) => silences.push(ms),
    {
      ping: () => pings++,
      starting,
    },
  );
  return { clock, dog, silences, pings: () => pings };
}

/** The worker talking every 100 ms while time passes on a listening page. */
function talking(clock: FakeClock, dog: { heard(): void }, ms: number) {
  for (let t = 0; t < ms; t += 100) {
    clock.pass(100);
    dog.heard();
  }
}

describe('the watchdog', () => {
  it('a blocked page is not a dead worker: 3 s of deafness while the worker keeps sending restarts nothing', () => {
    const { clock, dog, silences, pings } = setup();
    talking(clock, dog, 2000);
    // The page's main thread is blocked for 3 s: its timers fire late, and only then are the
    // worker's 30 messages, queued meanwhile, delivered.
    clock.advance(3000);
    for (let i = 0; i < 30; i++) dog.heard();
    talking(clock, dog, 5000);
    expect(silences).toEqual([]);
    expect(pings()).toBe(0);
  });

  it('a worker that closed itself is asked once, then taken for dead within 5 s', () => {
    const { clock, dog, silences, pings } = setup();
    talking(clock, dog, 1000);
    clock.pass(WATCHDOG_MS + 500);
    expect(pings()).toBe(1);
    expect(silences).toEqual([]);
    clock.pass(PING_MS);
    expect(silences).toHaveLength(1);
    expect(silences[0]!).toBeLessThan(5000);
    clock.pass(10_000);
    expect(silences).toHaveLength(1); // once, then the watch stops
  });

  it('a slow worker that answers the ping is not dead', () => {
    const { clock, dog, silences, pings } = setup();
    talking(clock, dog, 1000);
    clock.pass(WATCHDOG_MS + 500);
    expect(pings()).toBe(1);
    dog.heard(); // the pong, between two long steps
    talking(clock, dog, 3000);
    expect(silences).toEqual([]);
  });

  it('a worker just started has START_GRACE_MS for its first word (its WASM compile), and is watched as usual after', () => {
    const { clock, dog, silences, pings } = setup(true);
    clock.pass(START_GRACE_MS - 1000);
    expect(pings()).toBe(0);
    dog.heard();
    clock.pass(WATCHDOG_MS + PING_MS + 1000);
    expect(pings()).toBe(1);
    expect(silences).toHaveLength(1);
  });

  it('a worker started and never heard is still caught after the grace', () => {
    const { clock, silences } = setup(true);
    clock.pass(START_GRACE_MS + PING_MS + 1000);
    expect(silences).toHaveLength(1);
  });
});
