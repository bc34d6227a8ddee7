// Reads and writes Params as a query string: lenient on the way in, minimal on the way out.
import { PARAMS, defaultParams, rowFor, type ParamDef, type Params } from './table';
import { encodeCompare, entryParams, parseCompare } from './compare';
import { encodeValue, parseValue, quote } from './values';
import { marginFor } from './margin';
import { holdoutLimit, holdoutLimitNote } from './holdout';

export { formatNumber } from './values';

/** The link format version written to every URL (`v=3`). */
export const URL_VERSION = 3;

/**
 * Defaults that changed since a link version, so a link keeps the meaning it had when it was
 * made: a key a link leaves out reads as that version's default. Version 2 made the Gaussian
 * identities (8 classes, σ 1) the default data and paced the run at DEFAULT_PACE steps/s.
 * Version 3 lowered SphereFace2's scale r from 15 to 4: on the circle, r = 15 merged half the
 * classes (49 % test accuracy, measured with the sweep panel); r = 4 trains 2-D and 3-D alike.
 */
const VERSION_DEFAULTS: Record<number, Partial<Params>> = {
  1: { dataset: 'blobs', classes: 6, perClass: 200, noise: 0.15, testFraction: 0.2, speed: 0, decay: 0, r: 15 },
  2: { r: 15 },
  3: {},
};

/** Every default as a link of `version` reads it (the current defaults for an unknown version). */
export function defaultsFor(version: number): Params {
  return { ...defaultParams(), ...(VERSION_DEFAULTS[version] ?? {}) };
}
export interface Decoded {
  params: Params;
  /** What was changed or ignored, one sentence each, for a notice (plain text, never HTML). */
  notices: string[];
}

/**
 * Params from a query string. Never throws: unknown keys are ignored, repeated keys keep the last
 * value, malformed or out-of-range values are replaced or clamped with a notice. SphereFace's m is
 * rounded to an integer in 1–4, the other margins clamped to their loss's range.
 */
export function decodeParams(search: string): Decoded {
  const q = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const notices: string[] = [];
  const raw = q.get('v');
  // A link without a version is read as the current one (hand-written links, the bare page).
  let version = URL_VERSION;
  if (raw !== null) {
    const v = Number(raw.trim());
    if (Number.isInteger(v) && VERSION_DEFAULTS[v]) version = v;
    else notices.push(`This link has format version ${quote(raw)}; it was read as version ${URL_VERSION}.`);
  }
  const params = defaultsFor(version) as Record<string, unknown>;
  const corrected = new Set<string>();
  for (const def of PARAMS as readonly ParamDef[]) {
    const all = q.getAll(def.key);
    const raw = all[all.length - 1];
    if (raw === undefined) continue;
    // The loss comes first in the table: m is read against that loss's range.
    const { value, notice } = parseValue(rowFor(def, params.loss as Params['loss']), raw);
    params[def.key] = value;
    if (notice) {
      notices.push(notice);
      corrected.add(def.key);
    }
  }
  const p = params as Params;
  // A tour link that names no valid step opens the tour at its first step.
  if (corrected.has('tour')) {
    p.tour = 1;
    notices.push('Lecture tour: opening step 1.');
  }
  if (p.dataset === 'custom') {
    p.dataset = 'identities';
    notices.push(
      'This link named uploaded data, which a link cannot carry; showing the identities dataset. Upload the file again to train on it.',
    );
  }
  const limit = holdoutLimit(p.dataset, p.dataset === 'mnist' ? 10 : p.classes);
  if (p.holdout > limit) {
    notices.push(holdoutLimitNote(p.dataset, p.holdout, limit));
    p.holdout = limit;
  }
  const margin = marginFor(p.loss, q.has('m') ? p.m : undefined);
  if (margin.notice) notices.push(`Margin ${margin.notice}`);
  p.m = margin.m ?? p.m;
  return { params: withCompare(p, q.getAll('compare').pop(), notices), notices };
}

/** Compare mode's entries read into params: two or more make panels, a lone one is the single view. */
function withCompare(p: Params, raw: string | undefined, notices: string[]): Params {
  const parsed = raw === undefined ? { entries: [], notices: [] } : parseCompare(raw);
  notices.push(...parsed.notices);
  let out: Params = { ...p, compare: parsed.entries };
  if (parsed.entries.length === 1) {
    out = { ...entryParams(p, parsed.entries[0]!), compare: [] };
    notices.push('Compare mode needs at least two entries; showing the one as a single view.');
  } else if (raw !== undefined && parsed.entries.length === 0 && raw.trim() !== '') {
    notices.push('No compare entry could be read; showing a single view.');
  }
  if (out.focus > out.compare.length) {
    if (out.compare.length > 0) notices.push(`There is no compare panel ${out.focus}; showing all ${out.compare.length}.`);
    out.focus = 0;
  }
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** The query string (without '?') for params: `v=3` and every value that differs from its default. */
export function encodeParams(p: Params): string {
  const q = new URLSearchParams();
  q.set('v', String(URL_VERSION));
  const defaults = defaultParams() as Record<string, unknown>;
  const mDefault = marginFor(p.loss, undefined).m;
  for (const def of PARAMS as readonly ParamDef[]) {
    const v = (p as Record<string, unknown>)[def.key];
    const d = def.key === 'm' && mDefault !== undefined ? mDefault : defaults[def.key];
    if (!sameValue(v, d)) q.set(def.key, encodeValue(v));
  }
  if (p.compare.length) q.set('compare', encodeCompare(p.compare));
  // URLSearchParams escapes ',', ':' and '=' inside values; lists read better unescaped and decode the same.
  return q.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%3D/g, '=');
}

/**
 * Validates a partial parameter object from outside (postMessage): each known key is parsed like
 * its URL form; unknown keys and malformed values are reported and left out.
 */
export function coerceParams(input: unknown): { params: Partial<Params>; problems: string[] } {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { params: {}, problems: ['params must be an object'] };
  }
  for (const [key, raw] of Object.entries(input)) {
    const def = (PARAMS as readonly ParamDef[]).find((p) => p.key === key);
    if (!def) {
      problems.push(`unknown parameter ${quote(key)}`);
      continue;
    }
    const text =
      typeof raw === 'number' || typeof raw === 'string'
        ? String(raw)
        : typeof raw === 'boolean'
          ? raw
            ? '1'
            : '0'
          : Array.isArray(raw)
            ? raw.map(String).join(',')
            : undefined;
    if (text === undefined) {
      problems.push(`${key}: unsupported value`);
      continue;
    }
    const { value, notice } = parseValue(def, text);
    if (notice) {
      problems.push(notice);
      continue;
    }
    out[key] = value;
  }
  return { params: out as Partial<Params>, problems };
}
