// Timers and time for the page-side client, injectable so tests can drive them (no React).

/** Timers and time, injectable (a fake clock in tests). */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  /** Whether the page is shown: a hidden tab's timers are throttled, so its silences prove nothing. */
  visible(): boolean;
}

export const browserClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (id) => window.clearTimeout(id),
  visible: () => document.visibilityState !== 'hidden',
};
