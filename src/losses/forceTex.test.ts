import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { createRng } from '../data/rng';
import { defaultParams } from '../params/table';
import { forceTex, forceTexLines } from './forceTex';
import { stackedTex } from './tex';
import { probeFeature } from './probe';
import { LOSS_KINDS, type LossSpec } from './registry';

describe('each loss’s force in the formula panel', () => {
  it('every loss has one, and KaTeX renders it', () => {
    for (const kind of LOSS_KINDS) {
      const p = { ...defaultParams(), loss: kind };
      expect(() => katex.renderToString(forceTex(p), { throwOnError: true })).not.toThrow();
      expect(() => katex.renderToString(stackedTex(forceTexLines(p)), { throwOnError: true })).not.toThrow();
    }
  });

  // −∇_x̂ ℓ = s(1 − P_y) f′(cos θ_y) sin θ_y · t_y − s Σ_{j≠y} P_j sin θ_j · t_j, with each loss's pull
  // s(1 − P_y)·k(θ_y) as the formula panel writes it: checked against the head's own force.
  const cases: { spec: LossSpec; target: (t: number) => number; pull: (t: number) => number }[] = [
    { spec: { kind: 'normface', s: 10 }, target: Math.cos, pull: Math.sin },
    { spec: { kind: 'cosface', s: 10, m: 0.2 }, target: (t) => Math.cos(t) - 0.2, pull: Math.sin },
    { spec: { kind: 'arcface', s: 10, m: 0.3, fallback: 'none' }, target: (t) => Math.cos(t + 0.3), pull: (t) => Math.sin(t + 0.3) },
    {
      spec: { kind: 'combined', s: 10, m1: 1.2, m2: 0.2, m3: 0.1 },
      target: (t) => Math.cos(1.2 * t + 0.2) - 0.1,
      pull: (t) => 1.2 * Math.sin(1.2 * t + 0.2),
    },
  ];
  it.each(cases.map((c) => [c.spec.kind, c] as const))(
    '%s: the written pull and push are the head’s force on x̂',
    (_k, { spec, target, pull }) => {
      const rng = createRng(11);
      const D = 3;
      const C = 4;
      const s = 10;
      for (let trial = 0; trial < 8; trial++) {
        const W = Array.from({ length: D * C }, () => rng.normal());
        const x = Array.from({ length: D }, () => rng.normal() * 2);
        const y = trial % C;
        const norm = Math.hypot(...x);
        const xh = x.map((v) => v / norm);
        const wh = Array.from({ length: C }, (_, j) => {
          const w = Array.from({ length: D }, (_, d) => W[d * C + j]!);
          const r = Math.hypot(...w);
          return w.map((v) => v / r);
        });
        const theta = wh.map((w) => Math.acos(w.reduce((a, v, d) => a + v * xh[d]!, 0)));
        if (theta[y]! + 0.3 > Math.PI - 0.05) continue; // past π ArcFace falls back; the written pull is for θ_y + m ≤ π
        const z = theta.map((t, j) => s * (j === y ? target(t) : Math.cos(t)));
        const max = Math.max(...z);
        const P = z.map((v) => Math.exp(v - max));
        const sum = P.reduce((a, v) => a + v, 0);
        const tangent = (j: number) => wh[j]!.map((v, d) => (v - Math.cos(theta[j]!) * xh[d]!) / Math.sin(theta[j]!));
        const written = xh.map((_, d) => {
          let v = s * (1 - P[y]! / sum) * pull(theta[y]!) * tangent(y)[d]!;
          for (let j = 0; j < C; j++) if (j !== y) v -= s * (P[j]! / sum) * Math.sin(theta[j]!) * tangent(j)[d]!;
          return v;
        });
        const f = probeFeature(spec, { W, D }, x, y)!.force;
        const radial = f.reduce((a, v, d) => a + v * xh[d]!, 0);
        const head = xh.map((v, d) => norm * (f[d]! - radial * v));
        for (let d = 0; d < D; d++) expect(head[d]!).toBeCloseTo(written[d]!, 6);
      }
    },
  );
});
