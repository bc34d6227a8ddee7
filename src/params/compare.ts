// Compare mode's `compare=` entries: read, written, and each panel's parameters (pure).
import { LOSS_KINDS, lossDef } from '../losses/registry';
import { LOSS_KEYS, LOSS_LABELS, MAX_COMPARE, PARAMS, rowFor, type CompareEntry, type ParamDef, type ParamKey, type Params } from './table';
import { encodeValue, parseValue, quote } from './values';
import { clampMargin, marginFor } from './margin';

/** Keys an entry may set: every live key but the loss (its name) and the pace (all panels step together). */
export const ENTRY_KEYS: readonly ParamKey[] = (PARAMS as readonly ParamDef[])
  .filter((d) => d.scope === 'live' && d.key !== 'loss')
  .map((d) => d.key as ParamKey);

/** The loss-specific keys: a panel's own controls (lr, batch, … are shared controls). */
export const PANEL_KEYS: readonly ParamKey[] = ['loss', ...LOSS_KEYS];

export interface ParsedCompare {
  entries: CompareEntry[];
  notices: string[];
}

/** One entry, `loss:key=value:…`; a notice (and no entry) when it is malformed. */
function parseEntry(text: string, n: number): { entry?: CompareEntry; notices: string[] } {
  const [head = '', ...pairs] = text.split(':').map((t) => t.trim());
  const where = `Compare entry ${n} (${quote(text)})`;
  const loss = LOSS_KINDS.find((l) => l === head.toLowerCase());
  if (!loss) return { notices: [`${where}: ${quote(head)} is not a loss (${LOSS_KINDS.join(', ')}); dropped.`] };
  const set: Record<string, unknown> = {};
  const notices: string[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq).trim();
    if (eq < 0 || !ENTRY_KEYS.includes(key as ParamKey)) {
      const why = eq < 0 ? `${quote(pair)} is not key=value` : `${quote(key)} is not a setting a panel can take (${ENTRY_KEYS.join(', ')})`;
      return { notices: [`${where}: ${why}; dropped.`] };
    }
    const { value, notice } = parseValue(rowFor(PARAMS.find((d) => d.key === key) as ParamDef, loss), pair.slice(eq + 1));
    if (notice) notices.push(`${where}: ${notice}`);
    set[key] = value;
  }
  const entry = { loss, set } as CompareEntry;
  if (entry.set.m !== undefined) {
    const margin = marginFor(loss, entry.set.m);
    if (margin.notice) notices.push(`${where}: ${margin.notice}`);
    entry.set.m = margin.m;
  }
  return { entry, notices };
}

/**
 * Entries from a `compare=` value: comma-separated, each a loss and colon-separated key=value
 * settings. Never throws: a malformed entry is dropped with a notice, past MAX_COMPARE are cut.
 */
export function parseCompare(raw: string): ParsedCompare {
  const entries: CompareEntry[] = [];
  const notices: string[] = [];
  const texts = raw
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  texts.forEach((text, i) => {
    const r = parseEntry(text, i + 1);
    notices.push(...r.notices);
    if (r.entry) entries.push(r.entry);
  });
  if (entries.length > MAX_COMPARE) {
    notices.push(`Compare mode shows at most ${MAX_COMPARE} panels; the last ${entries.length - MAX_COMPARE} were left out.`);
    entries.length = MAX_COMPARE;
  }
  return { entries, notices };
}

/** The `compare=` value for entries (the inverse of parseCompare). */
export function encodeCompare(entries: readonly CompareEntry[]): string {
  return entries.map((e) => [e.loss, ...Object.entries(e.set).map(([k, v]) => `${k}=${encodeValue(v)}`)].join(':')).join(',');
}

/** A panel's parameters: the page's, with the entry's loss (at its default m) and settings. */
export function entryParams(base: Params, entry: CompareEntry): Params {
  return clampMargin({ ...base, loss: entry.loss, m: marginFor(entry.loss, undefined).m ?? base.m, ...entry.set });
}

/** Entries with panel i's setting changed; a new loss drops an m outside its range. */
export function setEntryParam<K extends ParamKey>(entries: readonly CompareEntry[], i: number, key: K, value: Params[K]): CompareEntry[] {
  return entries.map((e, j) => {
    if (j !== i) return e;
    if (key === 'loss') {
      const loss = value as CompareEntry['loss'];
      const { m, ...rest } = e.set;
      const keep = m !== undefined && marginFor(loss, m, e.loss).m === m;
      return { loss, set: keep ? { ...rest, m } : rest };
    }
    return { loss: e.loss, set: { ...e.set, [key]: value } };
  });
}

const SYMBOL: Partial<Record<ParamKey, string>> = { lambda: 'λ' };

/** A panel's title: the loss and its parameters, e.g. "ArcFace m = 0.3, s = 10" (and any other key it sets). */
export function panelTitle(p: Params, entry: CompareEntry): string {
  const own = lossDef(p.loss).meta.titleKeys as readonly ParamKey[];
  const keys = [
    ...own,
    ...Object.keys(entry.set).filter((k) => !own.includes(k as ParamKey) && !PANEL_KEYS.includes(k as ParamKey)),
  ] as ParamKey[];
  const parts = keys.map((k) => `${SYMBOL[k] ?? k} = ${encodeValue(p[k])}`);
  return [LOSS_LABELS[p.loss], parts.join(', ')].filter(Boolean).join(' ');
}

/**
 * Settings from outside (postMessage) applied in compare mode: to panel `panel` only, or (absent)
 * to every panel. A panel's loss keys, and any key an entry sets itself, go to the entries; the
 * rest (data, shared training settings) to the page.
 */
export function applyToPanels(cur: Params, p: Partial<Params>, panel?: number): Params {
  const keys = Object.keys(p) as ParamKey[];
  const own = (k: ParamKey, e: CompareEntry) =>
    PANEL_KEYS.includes(k) || (ENTRY_KEYS.includes(k) && k in e.set) || (panel !== undefined && ENTRY_KEYS.includes(k));
  let compare = cur.compare;
  const shared: Partial<Params> = {};
  for (const k of keys) {
    let taken = false;
    compare.forEach((e, i) => {
      if ((panel === undefined || panel === i) && own(k, e)) {
        compare = setEntryParam(compare, i, k, p[k] as Params[typeof k]);
        taken = true;
      }
    });
    if ((panel === undefined || !taken) && !PANEL_KEYS.includes(k)) Object.assign(shared, { [k]: p[k] });
  }
  return clampMargin({ ...cur, ...shared, compare });
}

/** What the page shows, in words: the single view's loss and parameters, or "compare" and the panels' losses. */
export function viewTitle(p: Params): string {
  return p.compare.length >= 2 ? `compare ${p.compare.map((e) => e.loss).join(' ')}` : panelTitle(p, { loss: p.loss, set: {} });
}
