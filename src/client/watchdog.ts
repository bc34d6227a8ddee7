// Notices a worker that has gone silent while it should be training (no React, no DOM of its own),
// without taking a busy page, or a slow start, for a dead worker.
import type { Clock } from './clock';

/** A running worker silent this long is asked whether it is there (a crash, an out-of-memory abort, `close()`, a hang). */
export const WATCHDOG_MS = 2000;
/** Until the worker is first heard after a start: its backend compiles (WASM) and its data is made. */
export const START_GRACE_MS = 15_000;
/** A silent worker asked by ping has this long to answer before it is called dead. */
export const PING_MS = 1500;
const CHECK_MS = 500;
/** While nothing is expected (paused, hidden) the check runs at 1 Hz: a hidden embed keeps no faster timer. */
const IDLE_CHECK_MS = 1000;
/** A check this much later than it was due means the page itself was blocked. */
const LATE_MS = 100;

/**
 * Checks every CHECK_MS that, while `expecting()` holds and the page is shown, the worker has been
 * heard from within WATCHDOG_MS (START_GRACE_MS before a worker `starting` was first heard). A silent worker is
 * sent one `ping()`; if PING_MS pass without a word, `onSilent(ms)` is called once, and the
 * watch stops. A worker that calls close() or runs out of memory fires no error event: only its
 * silence tells.
 *
 * The page's own deafness is not the worker's silence: when a check runs late (a long render, a
 * GC pause, a font load blocked the page, and the worker's messages wait in its queue unheard),
 * the time it was late is not counted, and the queued messages get their turn before the next
 * judgement.
 */
export function startWatchdog(
  clock: Clock,
  expecting: () => boolean,
  onSilent: (silentMs: number) => void,
  { ping, starting = true }: { ping?: () => void; starting?: boolean } = {},
): { heard(): void; stop(): void } {
  let lastHeard = clock.now();
  /** A worker just started gets START_GRACE_MS for its first word; one already heard (a watch resumed), none. */
  let heardOnce = !starting;
  /** When the ping was sent, or undefined. */
  let pingedAt: number | undefined;
  let timer: number | undefined;
  let dueAt = 0;

  const schedule = (ms: number) => {
    dueAt = clock.now() + ms;
    timer = clock.setTimeout(check, ms);
  };

  function check(): void {
    timer = undefined;
    const now = clock.now();
    // Late: the page could not listen meanwhile. That time is nobody's silence.
    const late = now - dueAt;
    if (late > LATE_MS) {
      lastHeard = Math.min(now, lastHeard + late);
      if (pingedAt !== undefined) pingedAt = Math.min(now, pingedAt + late);
    }
    const idle = !clock.visible() || !expecting();
    if (idle) {
      lastHeard = now; // a silence starts over when it matters again
      pingedAt = undefined;
      return schedule(IDLE_CHECK_MS);
    }
    const silent = now - lastHeard;
    if (pingedAt !== undefined) {
      if (now - pingedAt >= PING_MS) return onSilent(silent);
    } else if (silent > (heardOnce ? WATCHDOG_MS : START_GRACE_MS)) {
      if (!ping) return onSilent(silent);
      pingedAt = now;
      ping();
    }
    schedule(CHECK_MS);
  }

  schedule(CHECK_MS);
  return {
    heard() {
      lastHeard = clock.now();
      heardOnce = true;
      pingedAt = undefined;
    },
    stop() {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
    },
  };
}
