// The URL keys as a Markdown table, written from the parameter table itself (pure): docs/url.md
// holds its output, and src/docs.test.ts fails when the two differ (`npm run docs` rewrites it).
import { LOSS_KINDS, lossDef } from '../losses/registry';
import type { ParamDef } from '../schema/paramDef';
import { LOSS_KEYS, LOSS_LABELS, MAX_COMPARE, PARAMS, type ParamKey } from './table';
import { MAX_SWEEP_DIM, SWEEP_DEFAULTS, SWEEP_LIMITS, SWEEP_DIMS } from './sweep';
import { URL_VERSION } from './urlCodec';

/** When a change of the key takes effect, in words. */
const SCOPE_WORDS: Record<ParamDef['scope'], string> = {
  live: 'next step',
  pace: 'at once (the pace)',
  reset: 'new run',
  compute: 'new run (how it is computed)',
  view: 'drawing only',
  page: 'the page',
};

const code = (v: string) => `\`${v}\``;
const num = (v: number) => (Number.isInteger(v) || Math.abs(v) >= 0.001 ? String(v) : v.toExponential());

function defaultOf(p: ParamDef): string {
  if (p.type === 'set') return p.default.length ? code(p.default.join(',')) : 'none';
  if (p.type === 'bool') return code(p.default ? '1' : '0');
  return code(String(p.default));
}

function rangeOf(p: ParamDef): string {
  if (p.key === 'm') {
    return LOSS_KINDS.flatMap((k) => {
      const r = lossDef(k).meta.margin;
      if (!r) return [];
      return [
        `${LOSS_LABELS[k]} ${num(r.min)}–${num(r.max)}${r.integer ? ' (whole)' : ''}${r.unit === 'rad' ? ' rad' : ''}, default ${num(r.default)}`,
      ];
    }).join('; ');
  }
  switch (p.type) {
    case 'number':
      return `${num(p.min)}–${num(p.max)}${p.integer ? ', whole' : ''}`;
    case 'bool':
      return '`0`, `1`';
    case 'enum':
    case 'set':
      return p.choices.length ? p.choices.map(code).join(', ') : 'any keys of this table';
  }
}

/** The losses that read a loss setting (every loss reads the rest). */
function readers(key: string): string {
  if (key === 'loss' || !LOSS_KEYS.includes(key as ParamKey)) return 'all';
  return LOSS_KINDS.filter((k) => {
    const d = lossDef(k);
    return (d.meta.uses as readonly string[]).includes(key) || d.meta.params.some((r) => r.key === key);
  })
    .map((k) => LOSS_LABELS[k])
    .join(', ');
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The table of every URL key: key, what it is, default, range or choices, when it acts, which losses read it. */
export function urlTable(): string {
  const rows = (PARAMS as readonly ParamDef[]).map(
    (p) =>
      `| ${code(p.key)} | ${cell(p.label)} | ${cell(defaultOf(p))} | ${cell(rangeOf(p))} | ${SCOPE_WORDS[p.scope]} | ${cell(readers(p.key))} |`,
  );
  const sweep = [
    `| \`sweep\` | A sweep: \`key:v1,v2,…\` (a numeric setting, \`loss\` or \`dim\`) | none | at most ${SWEEP_LIMITS.values} values; \`dim\` ${SWEEP_DIMS.join(', ')} offered, any whole 2–${MAX_SWEEP_DIM} in a link | a sweep run | all |`,
    `| \`seeds\` | Seeds per value of a sweep | \`${SWEEP_DEFAULTS.seeds}\` | ${SWEEP_LIMITS.seeds[0]}–${SWEEP_LIMITS.seeds[1]}, whole | a sweep run | all |`,
    `| \`sweepSteps\` | Steps per run of a sweep | \`${SWEEP_DEFAULTS.steps}\` | ${SWEEP_LIMITS.steps[0]}–${SWEEP_LIMITS.steps[1]}, whole | a sweep run | all |`,
    `| \`compare\` | Compare mode’s entries: \`loss:key=value:…\`, comma-separated | none | 2–${MAX_COMPARE} entries | new run | all |`,
  ];
  return [
    `Link format version: \`v=${URL_VERSION}\`. ${PARAMS.length} keys from the parameter table, then the sweep and compare keys.`,
    '',
    '| key | what it is | default | range or choices | takes effect | losses that read it |',
    '|---|---|---|---|---|---|',
    ...rows,
    ...sweep,
  ].join('\n');
}
