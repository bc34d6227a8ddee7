// docs/performance.md's table from `npm run bench`'s bench/results.json (pure). A section the
// file lacks (`npm run bench -- smoothness` runs one) leaves its rows out.
/* eslint-disable @typescript-eslint/no-explicit-any -- results.json is the bench's own JSON */

const f = (v: unknown, d = 1) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(d) : '—');
const int = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v).toLocaleString('en') : '—');

interface Row {
  figure: string;
  measured: string;
  goal: string;
}

function smoothRows(r: any): Row[] {
  if (!r.smooth) return [];
  return ['3d', '2d'].flatMap((k) => {
    const s = r.smooth[k];
    if (!s) return [];
    const dim = k === '3d' ? '3-D' : '2-D';
    return [
      {
        figure: `single view ${dim}, full speed: fps training ÷ paused`,
        measured: `${f(s.fpsTraining)} ÷ ${f(s.fpsPaused)} = ${f(s.ratio, 2)}`,
        goal: '≥ 0.9',
      },
      ...(typeof s.gpuMsPerFrame === 'number'
        ? [
            {
              figure: `single view ${dim}, paused: GPU-process CPU per frame`,
              measured: `${f(s.gpuMsPerFrame)} ms`,
              goal: 'no higher than the last round',
            },
          ]
        : []),
      { figure: `single view ${dim}: longest gap between frames while training`, measured: `${f(s.maxGapTrainingMs, 0)} ms`, goal: '' },
      { figure: `single view ${dim}: steps/s while drawing`, measured: int(s.stepsPerSec), goal: '' },
      { figure: `single view ${dim}: main-thread CPU in 10 s, paused, nothing moving`, measured: `${int(s.idleCpuMsPer10s)} ms`, goal: '' },
    ];
  });
}

function otherRows(r: any): Row[] {
  const rows: Row[] = [];
  if (r.stepsPerSec) {
    rows.push({
      figure: 'steps/s per backend (auto chose ' + (r.autoChose ?? '—') + ')',
      measured: Object.entries(r.stepsPerSec)
        .map(([k, v]) => `${k} ${int(v)}`)
        .join(', '),
      goal: 'auto ≥ 0.9 of the best',
    });
    if (r.referenceRatio)
      rows.push({ figure: 'steps/s ÷ the plain tfjs reference (WASM)', measured: f(r.referenceRatio.wasm, 2), goal: '≥ 2.5' });
  }
  for (const k of ['3d', '2d']) {
    const c = r.compare?.[k];
    if (c)
      rows.push({
        figure: `compare, 4 panels, ${k === '3d' ? '3-D' : '2-D'}: fps training ÷ idle`,
        measured: f(c.ratio, 2),
        goal: '≥ 0.9',
      });
  }
  if (r.compare?.['4'])
    rows.push({
      figure: 'compare, 4 panels: steps/s per model ÷ single view',
      measured: f(r.compare['4'].ratioToSingle, 2),
      goal: '≥ 0.6',
    });
  if (r.forces?.forces) {
    const { off, forces, landscape } = r.forces;
    rows.push({
      figure: 'single view 3-D, full speed: fps with forces on ÷ off (alternated)',
      measured: `${f(forces.fps)} ÷ ${f(off.fps)} = ${f(forces.fpsRatio, 2)}`,
      goal: '≥ 0.9',
    });
    rows.push({ figure: 'single view 3-D: steps/s with forces on ÷ off', measured: f(forces.stepsRatio, 2), goal: '' });
    rows.push({
      figure: 'single view 3-D: fps and steps/s with the loss landscape on ÷ off',
      measured: `${f(landscape.fpsRatio, 2)}, ${f(landscape.stepsRatio, 2)}`,
      goal: '',
    });
  }
  if (r.fpsRatio20k !== undefined)
    rows.push({ figure: '20,000 points: fps ÷ an empty scene', measured: f(r.fpsRatio20k, 2), goal: '≥ 0.9' });
  for (const [id, m] of Object.entries<any>(r.mnist ?? {}))
    rows.push({
      figure: `${id}: snapshot (median over 10–20 s); test accuracy at 20 s`,
      measured: `${f(m.snapshotMs, 0)} ms; ${f(m.testAt20s)} %`,
      goal: '≤ 20 ms',
    });
  if (r.tensorsAt100 !== undefined)
    rows.push({
      figure: 'tensors, step 100 → 10,000 (single; compare of 4)',
      measured: `${r.tensorsAt100} → ${r.tensorsAt10000}; ${r.compareTensorsAt100} → ${r.compareTensorsAt10000}`,
      goal: 'flat',
    });
  if (r.rendersPerSec)
    rows.push({ figure: 'React renders of App per second while training', measured: f(r.rendersPerSec.app, 2), goal: '≤ 1' });
  const main = Object.entries<number>(r.gzipKB ?? {}).find(([k]) => k.startsWith('main'));
  if (main) rows.push({ figure: 'the entry JavaScript, gzipped', measured: `${f(main[1])} kB`, goal: '' });
  if (r.firstFrame)
    rows.push({ figure: 'navigation to the first drawn frame', measured: `${int(r.firstFrame.firstViewFrameMs)} ms`, goal: '' });
  return rows;
}

function deckRows(r: any): Row[] {
  const d = r.deck;
  if (!d) return [];
  return [
    { figure: '8-slide deck on slide 1: steps the 7 hidden embeds trained in 5 s', measured: int(d.hiddenStepsIn5s), goal: '0' },
    { figure: 'the shown embed’s steps/s ÷ the same embed alone', measured: f(d.shownVsAlone, 2), goal: '≥ 0.9' },
    { figure: 'training workers alive 12 s after load', measured: String(d.workersAlive), goal: '≤ 2' },
    {
      figure: 'page JS heap after a GC, 8 slides ÷ 1',
      measured: `${f(d.heapMB?.eight)} ÷ ${f(d.heapMB?.alone)} MB = ${f(d.heapMB?.ratio, 2)}`,
      goal: '≤ 1.5',
    },
    { figure: '`data-src`: frame created → first drawn frame (best of 3)', measured: `${int(d.firstFrameMs)} ms`, goal: '≤ 1,500 ms' },
    { figure: 'asleep 12 s, shown again: → first drawn frame', measured: `${int(d.wakeToDrawnMs)} ms`, goal: '≤ 1,500 ms' },
  ];
}

function sweepRows(r: any): Row[] {
  const s = r.sweep;
  if (!s) return [];
  return [
    {
      figure: '21-run ArcFace m sweep (7 × 3 × 1,000 steps, open set), main run paused',
      measured: `${f(s.arcfaceM?.elapsedMs / 1000)} s`,
      goal: '≤ 60 s',
    },
    { figure: 'tensors leaked over that sweep', measured: String(s.arcfaceM?.leaked), goal: '0' },
    {
      figure: 'Cancel → the sweep worker gone; sweep workers left',
      measured: `${int(s.cancel?.ms)} ms; ${s.cancel?.sweepWorkersLeft}`,
      goal: '≤ 1 s; 0',
    },
    {
      figure: 'single view while a sweep runs: fps; main run steps/s (÷ without)',
      measured: `${f(s.view?.fpsRatio, 2)}; ${f(s.view?.stepsRatio, 2)}`,
      goal: '≥ 0.9',
    },
  ];
}

function loadRows(r: any): Row[] {
  return Object.entries<any>(r.load ?? {}).map(([name, l]) => ({
    figure: `loaded laptop (2 busy loops, a second page drawing), ${name === 'tour12' ? 'tour step 12 with its sweep' : 'the default link at full speed'}, ${l.minutes} min: workers restarted`,
    measured: String(l.restarts),
    goal: '0',
  }));
}

/** Held-out TAR at FAR 10⁻² by dimension, from the sweep section's dimension sweeps. */
function dimTable(r: any): string[] {
  const a = r.sweep?.dimArcface?.means;
  const s = r.sweep?.dimSoftmax?.means;
  if (!a || !s) return [];
  const dims = Object.keys(a);
  const row = (name: string, m: any) => `| ${name} | ${dims.map((d) => `${f(100 * m[d]?.tarAtFar1e2)} %`).join(' | ')} |`;
  return [
    '',
    'Why 512-D: held-out TAR at FAR 10⁻², the mean over 3 seeds at 1,000 steps on the open-set data (the `sweep` section):',
    '',
    `| dimension | ${dims.join(' | ')} |`,
    `|---|${dims.map(() => '---').join('|')}|`,
    row('ArcFace m = 0.3', a),
    row('softmax', s),
  ];
}

/** The performance block: every figure the file holds, with its goal. */
export function perfMarkdown(r: any): string {
  const rows = [...smoothRows(r), ...otherRows(r), ...deckRows(r), ...sweepRows(r), ...loadRows(r)];
  return [
    `Measured ${String(r.date ?? '').slice(0, 10)} on ${r.machine ?? 'this machine'}, 2 cores, Chromium with SwiftShader (\`bench/results.json\`).`,
    '',
    '| figure | measured | goal |',
    '|---|---|---|',
    ...rows.map((x) => `| ${x.figure} | ${x.measured} | ${x.goal} |`),
    ...dimTable(r),
    ...Object.entries<string>(r.failed ?? {}).map(([name, why]) => `\nThe \`${name}\` section failed in this run: ${why}`),
  ].join('\n');
}
