// Seeded pseudo-random numbers: the same seed gives the same stream on every machine.

/** A uniform generator in [0, 1) with helpers; mulberry32 (32-bit state, period 2^32). */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal N(0, 1) (Box–Muller). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Where the stream stands: `resumeRng` continues it from here (a checkpoint). */
  save(): RngState;
}

/** The whole state of a generator: its 32-bit counter and the normal it holds back, if any. */
export interface RngState {
  state: number;
  spare: number | null;
}

/** A mulberry32 generator seeded with any integer (taken modulo 2^32). */
export function createRng(seed: number): Rng {
  return resumeRng({ state: seed >>> 0, spare: null });
}

/** A generator that continues a saved stream exactly. */
export function resumeRng(saved: RngState): Rng {
  let state = saved.state >>> 0;
  let spare: number | undefined = saved.spare ?? undefined;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    normal() {
      if (spare !== undefined) {
        const v = spare;
        spare = undefined;
        return v;
      }
      const u = 1 - next(); // (0, 1]: log(0) never happens
      const r = Math.sqrt(-2 * Math.log(u));
      const a = 2 * Math.PI * next();
      spare = r * Math.sin(a);
      return r * Math.cos(a);
    },
    int(n) {
      return Math.floor(next() * n);
    },
    save: () => ({ state, spare: spare ?? null }),
  };
}

/** In-place Fisher–Yates shuffle driven by `rng`. */
export function shuffleInPlace<T>(items: T[] | Uint32Array | Int32Array, rng: Rng): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = items[i] as T;
    items[i] = items[j] as T;
    items[j] = t;
  }
}
