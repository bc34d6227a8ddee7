// bench:newer's table in docs/measured.md and goals, from its runs (pure).
import type { Mechanism } from './mechanism';
import type { Setting } from './runs';

export interface NewerResult extends Mechanism {
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
  /** The open-set runs: verification on the held-out identities. */
  tarAtFar1e2?: number;
  tarAtFar1e3?: number;
  eer?: number;
}

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);
const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : '–');

/** The seed mean of one number of the runs of a label and setting (NaN when it has none). */
function avg(runs: NewerResult[], label: string, setting: Setting, pick: (r: NewerResult) => number | null): number {
  const v = runs
    .filter((r) => r.label === label && r.setting === setting)
    .map(pick)
    .filter((x): x is number => x !== null && Number.isFinite(x));
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
  if (Number.isFinite(ada))
    out.push(
      '',
      `AdaFace on low-quality samples: ρ(norm, quality) ${ada.toFixed(3)}, low-quality test accuracy ${pct(avg(runs, 'AdaFace m = 0.4', 'lowQuality', (r) => r.lowQualityTestAccuracy))} (ArcFace ${pct(avg(runs, 'ArcFace m = 0.3', 'lowQuality', (r) => r.lowQualityTestAccuracy))}, CosFace ${pct(avg(runs, 'CosFace m = 0.2', 'lowQuality', (r) => r.lowQualityTestAccuracy))}).`,
    );
  const a = (label: string, setting: Setting, pick: (r: NewerResult) => number | undefined | null) =>
    avg(runs, label, setting, (r) => pick(r) ?? null);
  const SUB = 'Sub-center ArcFace K = 3';
  const subClean = a(SUB, 'labelNoise', (r) => r.cleanTestAccuracy);
  const arcNoisy = a('ArcFace m = 0.3', 'labelNoise', (r) => r.cleanTestAccuracy);
  if (Number.isFinite(subClean)) {
    out.push(
      '',
      `Sub-center ArcFace with labelNoise=0.3: clean test accuracy (dominant sub-centres) ${pct(subClean)} against ArcFace's ${pct(arcNoisy)}; ${pct(a(SUB, 'labelNoise', (r) => r.noisyOffDominant))} of the noisy training samples sit nearest a non-dominant sub-centre of their given class (clean samples: ${pct(a(SUB, 'labelNoise', (r) => r.cleanOffDominant))}).`,
    );
  }
  const SF2 = 'SphereFace2 m = 0.4';
  if (Number.isFinite(a(SF2, 'clean', (r) => r.inOwnCap))) {
    out.push(
      '',
      `SphereFace2 (clean): caps of ${a(SF2, 'clean', (r) => r.capRadiusDeg).toFixed(1)}° (b = ${a(SF2, 'clean', (r) => r.scalarBias).toFixed(2)}); ${pct(a(SF2, 'clean', (r) => r.inOwnCap))} of the test features fall inside their own cap and ${pct(a(SF2, 'clean', (r) => r.inNoCap))} inside no cap. Open set: ${pct(a(SF2, 'openSet', (r) => r.heldoutInNoCap))} of the held-out identities' features fall inside no trained class's cap; TAR@FAR=1e-2 ${pct(a(SF2, 'openSet', (r) => r.tarAtFar1e2))}, EER ${pct(a(SF2, 'openSet', (r) => r.eer))} (ArcFace m = 0.3: ${pct(a('ArcFace m = 0.3', 'openSet', (r) => r.tarAtFar1e2))}, EER ${pct(a('ArcFace m = 0.3', 'openSet', (r) => r.eer))}).`,
    );
  }
  const lsm = a('L-Softmax m = 4', 'clean', (r) => r.weightNormRatio);
  if (Number.isFinite(lsm)) {
    out.push(
      '',
      `L-Softmax m = 4: ‖W_j‖ max/min ${lsm.toFixed(2)}, test accuracy ${pct(a('L-Softmax m = 4', 'clean', (r) => r.testAccuracy))} (SphereFace m = 4, whose weights are normalised in the loss: ${a('SphereFace m = 4', 'clean', (r) => r.weightNormRatio).toFixed(2)}, ${pct(a('SphereFace m = 4', 'clean', (r) => r.testAccuracy))}).`,
    );
  }
  const curAcc = a('CurricularFace m = 0.3', 'clean', (r) => r.testAccuracy);
  if (Number.isFinite(curAcc)) {
    out.push(
      '',
      `CurricularFace m = 0.3 (clean): test accuracy ${pct(curAcc)}, training spread ${a('CurricularFace m = 0.3', 'clean', (r) => r.trainSpreadDeg).toFixed(2)}° (ArcFace m = 0.3: ${pct(a('ArcFace m = 0.3', 'clean', (r) => r.testAccuracy))}, ${a('ArcFace m = 0.3', 'clean', (r) => r.trainSpreadDeg).toFixed(2)}°).`,
    );
  }
  const mag = avg(runs, 'MagFace', 'lowQuality', (r) => r.normQualitySpearman);
  const arc = avg(runs, 'ArcFace m = 0.3', 'lowQuality', (r) => r.normQualitySpearman);
  out.push(
    '',
    `- ${mag >= 0.5 ? 'met' : '**missed**'}: MagFace's norm–quality Spearman ≥ 0.5 with lowQuality=0.3 (${mag.toFixed(3)}; ArcFace's, for contrast, ${arc.toFixed(3)}).`,
  );
  if (Number.isFinite(subClean))
    out.push(
      `- ${subClean >= arcNoisy ? 'met' : '**missed**'}: sub-center ArcFace's clean test accuracy under labelNoise=0.3 ≥ ArcFace's (${pct(subClean)} vs ${pct(arcNoisy)}).`,
    );
  out.push('');
  return out.join('\n');
}
