// One parameter value to and from its text form (URL values, postMessage values, compare entries).
import { PARAMS, type NumberParam, type ParamDef } from './table';

const MAX_VALUE_LENGTH = 200;

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

/** Shortest faithful decimal for a number (no float noise such as 0.30000000000000004). */
export function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(12)));
}

function clampNumber(def: NumberParam, raw: number): number {
  const v = def.integer ? Math.round(raw) : raw;
  return Math.min(def.max, Math.max(def.min, v));
}

/** A quoted, shortened rendering of user input for a notice. */
export function quote(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}

/** Parses one value for its definition; returns the value and, when it was changed, why. */
export function parseValue(def: ParamDef, raw: string): { value: unknown; notice?: string } {
  const fallback = (why: string) => ({
    value: Array.isArray(def.default) ? [...def.default] : def.default,
    notice: `${def.label} (${def.key}): ${why}; using the default ${Array.isArray(def.default) ? def.default.join(',') || '(none)' : String(def.default)}.`,
  });
  if (raw.length > MAX_VALUE_LENGTH) return fallback('the value is too long');
  switch (def.type) {
    case 'number': {
      const t = raw.trim();
      const n = t === '' ? NaN : Number(t);
      if (!Number.isFinite(n)) return fallback(`${quote(raw)} is not a number`);
      const v = clampNumber(def, n);
      if (v !== n) {
        const why = def.integer && Math.round(n) === v ? 'must be a whole number' : `must be between ${def.min} and ${def.max}`;
        return { value: v, notice: `${def.label} (${def.key}): ${quote(raw)} ${why}; using ${formatNumber(v)}.` };
      }
      return { value: v };
    }
    case 'bool': {
      const t = raw.trim().toLowerCase();
      if (TRUE.has(t)) return { value: true };
      if (FALSE.has(t)) return { value: false };
      return fallback(`${quote(raw)} is not 1 or 0`);
    }
    case 'enum': {
      const t = raw.trim().toLowerCase();
      const hit = def.choices.find((c) => c.toLowerCase() === t);
      if (hit === undefined) return fallback(`${quote(raw)} is not one of ${def.choices.join(', ')}`);
      return { value: hit };
    }
    case 'set': {
      const allowed: readonly string[] = def.key === 'controls' ? PARAMS.map((p) => p.key) : def.choices;
      const items = raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      const known = [...new Set(items.filter((s) => allowed.includes(s)))];
      const unknown = items.filter((s) => !allowed.includes(s));
      return unknown.length
        ? { value: known, notice: `${def.label} (${def.key}): ignored ${unknown.map(quote).join(', ')}.` }
        : { value: known };
    }
  }
}

/** The text form of a value. */
export function encodeValue(v: unknown): string {
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (Array.isArray(v)) return v.join(',');
  return String(v);
}
