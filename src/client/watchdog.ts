// Notices a worker that has gone silent while it should be training (no React, no DOM of its own).
import type { Clock } from './clock';

/** A running worker silent this long is taken for dead (a crash, an out-of-memory abort, `close()`, a hang). */
export const WATCHDOG_MS = 2000;
const CHECK_MS = 500;
/** While nothing is expected (paused, hidden) the check runs at 1 Hz: a hidden embed keeps no faster timer. */
const IDLE_CHECK_MS = 1000;

/**
 * Checks every CHECK_MS that, while `expecting()` holds and the page is shown, the worker has been
 * heard from within WATCHDOG_MS; calls `onSilent(ms)` once when it has not, and stops. A worker that
 * calls close() or runs out of memory fires no error event: only its silence tells.
 */
export function startWatchdog(
  clock: Clock,
  expecting: () => boolean,
  onSilent: (silentMs: number) => void,
): { heard(): void; stop(): void } {
  let lastHeard = clock.now();
  let timer: number | undefined;
  const check = () => {
    timer = undefined;
    const silent = clock.now() - lastHeard;
    const idle = !clock.visible() || !expecting();
    if (idle)
      lastHeard = clock.now(); // a silence starts over when it matters again
    else if (silent > WATCHDOG_MS) {
      onSilent(silent);
      return;
    }
    timer = clock.setTimeout(check, idle ? IDLE_CHECK_MS : CHECK_MS);
  };
  timer = clock.setTimeout(check, CHECK_MS);
  return {
    heard() {
      lastHeard = clock.now();
    },
    stop() {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
    },
  };
}
