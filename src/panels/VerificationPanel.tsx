import { useMemo, useRef } from 'react';
import uPlot from 'uplot';
import { useKeyed } from '../hooks/useKeyed';
import type { ParamKey, Params } from '../params/table';
import type { Frame, VerificationMetrics } from '../train/frame';
import { degrees, percent } from '../ui/format';
import { classColor } from '../view/style/palette';
import { UPlotChart } from './UPlotChart';
import { RocChart } from './RocChart';
import { angleShares, atThresholdAngle, eerAngle } from './verificationData';

/** Same-identity pairs: blue, filled; different identities: vermillion, dashed (colour is not the only cue). */
const SAME = '#0072B2';
const DIFF = '#D55E00';

interface Panel {
  title: string;
  frame: Frame | null;
}

interface Props {
  /** The shown model's frame (single view, or the focused compare panel); null in the compare grid. */
  frame: Frame | null;
  /** Compare mode's panels: one ROC and one row of numbers each, in the panels' colours. */
  panels?: readonly Panel[];
  threshold: number;
  setParam: <K extends ParamKey>(key: K, value: Params[K]) => void;
}

/** A share as a percentage without the sign (the table's columns say so). */
const pct = (v: number) => (v * 100).toFixed(1);
const tarFar = (v: VerificationMetrics) => [v.tarAtFar1e1, v.tarAtFar1e2, v.tarAtFar1e3].map(pct);

/**
 * Open-set verification on the held-out classes: the angle histograms of same- and
 * different-identity pairs with a threshold to drag, the TAR and FAR it gives, TAR at three FARs,
 * EER, AUC and rank-1, and the ROC on a log FAR axis.
 */
export function VerificationPanel({ frame, panels, threshold, setParam }: Props) {
  const v = frame?.verification;
  // The threshold in force (0: at the EER, found once per frame) and the TAR and FAR it gives, for the read-out and the ROC's marker.
  const eer = useMemo(() => (v ? eerAngle(v) : NaN), [v]);
  const at = threshold > 0 ? threshold : eer;
  const point = v ? atThresholdAngle(v, at) : undefined;
  const rows = panels
    ? panels.map((p, i) => ({ title: p.title, v: p.frame?.verification, color: classColor(i) }))
    : v
      ? [{ title: 'this run', v, color: SAME }]
      : [];
  if (!rows.some((r) => r.v)) return null;
  return (
    <section aria-labelledby="sec-verify" className="verification">
      <h2 id="sec-verify">Verification: classes never trained on</h2>
      <p className="muted small">
        Every pair of held-out samples, scored by the angle between their features: a pair is accepted as “same identity” when the angle is
        below the threshold. TAR: same-identity pairs accepted; FAR: different-identity pairs accepted. Shares in %, spread in degrees
        (held-out classes around their own means).
      </p>
      {v && point && <Threshold v={v} at={at} point={point} atEer={threshold <= 0} setParam={setParam} />}
      <div className="verify-scroll" tabIndex={0} role="region" aria-label="Verification numbers">
        <table className="verify-table">
          <thead>
            <tr>
              {panels && <td />}
              <th scope="colgroup" colSpan={3}>
                TAR at FAR
              </th>
              <td colSpan={4} />
            </tr>
            <tr>
              {panels && <th scope="col">panel</th>}
              <th scope="col">10⁻¹</th>
              <th scope="col">10⁻²</th>
              <th scope="col">10⁻³</th>
              <th scope="col">EER</th>
              <th scope="col">AUC</th>
              <th scope="col">rank-1</th>
              <th scope="col">spread</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} data-verify-row={i}>
                {panels && (
                  <th scope="row">
                    <span className="swatch" style={{ background: r.color }} aria-hidden="true" /> {r.title}
                  </th>
                )}
                {r.v ? (
                  <>
                    {tarFar(r.v).map((t, k) => (
                      <td key={k} data-testid={k === 1 ? 'tar-far-1e-2' : undefined}>
                        {t}
                      </td>
                    ))}
                    <td>{pct(r.v.eer)}</td>
                    <td data-testid="auc">{r.v.auc.toFixed(3)}</td>
                    <td>{Number.isFinite(r.v.rank1) ? pct(r.v.rank1) : '—'}</td>
                    <td>{degrees(r.v.heldoutSpread)}</td>
                  </>
                ) : (
                  <td colSpan={7}>—</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <RocChart rows={rows} marker={point} />
    </section>
  );
}

/** The histograms, the threshold line on them (drag it, or use the slider) and the TAR and FAR at it. */
function Threshold({
  v,
  at,
  point,
  atEer,
  setParam,
}: {
  v: VerificationMetrics;
  at: number;
  point: { tar: number; far: number };
  atEer: boolean;
  setParam: Props['setParam'];
}) {
  const { tar, far } = point;
  const atRef = useRef(at);
  atRef.current = at;
  const set = useRef(setParam);
  set.current = setParam;
  const data = useMemo<uPlot.AlignedData>(() => {
    const s = angleShares(v);
    return [s.centers, s.same, s.diff];
  }, [v]);
  const opts = useKeyed<Omit<uPlot.Options, 'width' | 'height'>>(
    () => ({
      legend: { show: true, live: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [0, 180] }, y: { range: (_u, _min, max) => [0, Math.max(0.01, max) * 1.08] } },
      axes: [
        { label: 'angle between the pair’s features (°)', values: (_u, t) => t.map((x) => `${x}°`), size: 30, labelSize: 18 },
        { label: 'share of pairs', values: (_u, t) => t.map((x) => `${Math.round(x * 100)}%`), size: 44, labelSize: 18 },
      ],
      series: [
        {},
        { label: 'same identity', stroke: SAME, fill: `${SAME}55`, width: 2, paths: uPlot.paths.stepped?.({ align: 1 }) },
        { label: 'different identities', stroke: DIFF, width: 2.5, dash: [6, 4], paths: uPlot.paths.stepped?.({ align: 1 }) },
      ],
      hooks: {
        // The threshold: a vertical line, dragged with the pointer anywhere on the plot.
        draw: [
          (u) => {
            const x = u.valToPos(atRef.current, 'x', true);
            const ctx = u.ctx;
            ctx.save();
            ctx.setLineDash([]);
            ctx.strokeStyle = getComputedStyle(u.root).color || '#000';
            ctx.lineWidth = 2 * devicePixelRatio;
            ctx.beginPath();
            ctx.moveTo(x, u.bbox.top);
            ctx.lineTo(x, u.bbox.top + u.bbox.height);
            ctx.stroke();
            ctx.restore();
          },
        ],
        init: [
          (u) => {
            const toAngle = (e: PointerEvent) => {
              const r = u.over.getBoundingClientRect();
              const deg = u.posToVal(e.clientX - r.left, 'x');
              set.current('threshold', Math.min(179.5, Math.max(0.5, Math.round(deg * 2) / 2)));
            };
            u.over.style.cursor = 'ew-resize';
            u.over.addEventListener('pointerdown', (e) => {
              u.over.setPointerCapture(e.pointerId);
              toAngle(e);
            });
            u.over.addEventListener('pointermove', (e) => {
              if (u.over.hasPointerCapture(e.pointerId)) toAngle(e);
            });
          },
        ],
      },
    }),
    [],
  );
  return (
    <>
      <UPlotChart
        opts={opts}
        data={data}
        height={150}
        label="Histograms of the angle between same-identity and different-identity pairs, with the threshold"
        redrawKey={at}
      />
      <div className="threshold">
        <label htmlFor="verify-threshold">Threshold angle</label>
        <input
          id="verify-threshold"
          type="range"
          min={0.5}
          max={179.5}
          step={0.5}
          value={at}
          aria-valuetext={`${at.toFixed(1)} degrees: TAR ${percent(tar)}, FAR ${percent(far)}`}
          onChange={(e) => setParam('threshold', Number(e.target.value))}
        />
        <output htmlFor="verify-threshold" data-testid="threshold-readout" data-tar={tar.toFixed(4)} data-far={far.toFixed(4)}>
          {at.toFixed(1)}°{atEer ? ' (EER)' : ''}: TAR {percent(tar)} · FAR {percent(far)}
        </output>
        {!atEer && (
          <button type="button" onClick={() => setParam('threshold', 0)}>
            back to the EER
          </button>
        )}
      </div>
    </>
  );
}
