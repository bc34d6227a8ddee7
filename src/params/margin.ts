// The one rule for the page's m: read into a loss's range, kept or reset when the loss changes,
// its loss's default when missing. Every reader of m (the URL, compare entries, the store, the
// embed API) asks here; the rounding and clamping itself is losses/margin.ts's fitMargin.
import { fitMargin } from '../losses/margin';
import { lossDef, type LossKind } from '../losses/registry';
import { formatNumber } from './values';
import type { Params } from './table';

/** m as a loss takes it, and what was corrected, in words (a notice), if anything was. */
export interface MarginReading {
  /** undefined only for a loss with no m and no m given. */
  m: number | undefined;
  notice?: string;
}

/**
 * m as `loss` takes it:
 * - no m given: the loss's default;
 * - `from` given (the loss m was set for): kept when it means the same under both (whole numbers
 *   under both or under neither) and lies in the new range, else the new loss's default, quietly;
 * - otherwise rounded (whole-number margins) and clamped into the range, with a notice when moved.
 * A loss with no m leaves m as it is.
 */
export function marginFor(loss: LossKind, m: number | undefined, from?: LossKind): MarginReading {
  const r = lossDef(loss).meta.margin;
  if (!r) return { m };
  if (m === undefined) return { m: r.default };
  if (from !== undefined) {
    const sameKind = !!r.integer === !!lossDef(from).meta.margin?.integer;
    return { m: sameKind && m >= r.min && m <= r.max ? m : r.default };
  }
  const fitted = fitMargin(r, m);
  if (fitted === m) return { m };
  const inRange = m >= r.min && m <= r.max;
  const why =
    inRange && r.integer ? `must be a whole number for ${loss} (${r.min}–${r.max})` : `is outside ${loss}'s range ${r.min}–${r.max}`;
  return { m: fitted, notice: `m = ${formatNumber(m)} ${why}; using ${formatNumber(fitted)}.` };
}

/** Params with m moved into the current loss's range (SphereFace's rounded to an integer 1–4). */
export function clampMargin(p: Params): Params {
  const { m } = marginFor(p.loss, p.m);
  return m === undefined || m === p.m ? p : { ...p, m };
}
