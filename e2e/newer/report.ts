// bench:newer's README table and goals, from its runs (pure).
import type { Setting } from './runs';

export interface NewerResult {
  loss: string;
  label: string;
  setting: Setting;
  seed: number;
  testAccuracy: number;
  cleanTestAccuracy: number;
  lowQualityTestAccuracy: number | null;
  /** Spearman correlation of the test features' norm with their quality (1 high, 0 low); null without low-quality samples. */
  normQualitySpearman: number | null;
  trainSpreadDeg: number;
  /** The loss's running statistics at steps 100, 500 and the last (CurricularFace's t; AdaFace's norm mean and sd). */
  lossStateAt?: Record<string, number[]>;
}

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);
const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : '–');

/** The seed mean of one number of the runs of a label and setting (NaN when it has none). */
function avg(runs: NewerResult[], label: string, setting: Setting, pick: (r: NewerResult) => number | null): number {
  const v = runs.filter((r) => r.label === label && r.setting === setting).map(pick).filter((x): x is number => x !== null && Number.isFinite(x));
  return v.length ? mean(v) : NaN;
}

/** The table (one row per loss and setting, seed means) and the goals the issue sets. */
export function newerMarkdown(runs: NewerResult[], seeds: number[], steps: number): string {
  const keys = [...new Set(runs.map((r) => `${r.setting}|${r.label}`))];
  const out = ['', `Seeds ${seeds.join(', ')}, ${steps} steps, 3-D, the default identities; seed means.`, ''];
  out.push('| setting | loss | test acc. | clean / high-quality test acc. | low-quality test acc. | ρ(norm, quality) | training spread |');
  out.push('|---|---|---|---|---|---|---|');
  for (const k of keys) {
    const [setting, label] = k.split('|') as [Setting, string];
    const rho = avg(runs, label, setting, (r) => r.normQualitySpearman);
    out.push(
      `| ${setting} | ${label} | ${pct(avg(runs, label, setting, (r) => r.testAccuracy))} | ${pct(avg(runs, label, setting, (r) => r.cleanTestAccuracy))} | ${pct(avg(runs, label, setting, (r) => r.lowQualityTestAccuracy))} | ${Number.isFinite(rho) ? rho.toFixed(3) : '–'} | ${avg(runs, label, setting, (r) => r.trainSpreadDeg).toFixed(2)}° |`,
    );
  }
  const cur = runs.filter((r) => r.loss === 'curricular' && r.lossStateAt);
  if (cur.length) {
    const at = (k: string) => mean(cur.map((r) => r.lossStateAt![k]![0]!));
    const steps = Object.keys(cur[0]!.lossStateAt!);
    out.push('', `CurricularFace's t (seed mean): ${steps.map((k) => `${at(k).toFixed(3)} at step ${k}`).join(', ')}.`);
  }
  const ada = avg(runs, 'AdaFace m = 0.4', 'lowQuality', (r) => r.normQualitySpearman);
  if (Number.isFinite(ada)) out.push('', `AdaFace on low-quality samples: ρ(norm, quality) ${ada.toFixed(3)}, low-quality test accuracy ${pct(avg(runs, 'AdaFace m = 0.4', 'lowQuality', (r) => r.lowQualityTestAccuracy))} (ArcFace ${pct(avg(runs, 'ArcFace m = 0.3', 'lowQuality', (r) => r.lowQualityTestAccuracy))}, CosFace ${pct(avg(runs, 'CosFace m = 0.2', 'lowQuality', (r) => r.lowQualityTestAccuracy))}).`);
  const mag = avg(runs, 'MagFace', 'lowQuality', (r) => r.normQualitySpearman);
  const arc = avg(runs, 'ArcFace m = 0.3', 'lowQuality', (r) => r.normQualitySpearman);
  out.push('', `- ${mag >= 0.5 ? 'met' : '**missed**'}: MagFace's norm–quality Spearman ≥ 0.5 with lowQuality=0.3 (${mag.toFixed(3)}; ArcFace's, for contrast, ${arc.toFixed(3)}).`, '');
  return out.join('\n');
}
