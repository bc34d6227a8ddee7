import { memo } from 'react';
import { lossDef } from '../losses/registry';
import type { ParamKey, Params } from '../params/table';
import type { Frame, RunInfo } from '../train/frame';
import { probeFrame } from '../train/probeFrame';
import { classColor, classShape, SHAPE_GLYPHS } from '../view/style/palette';
import { probeDirection } from '../geometry/probe';
import { sameFeatureEveryLoss, turningOf } from './probeReadings';

const DEG = 180 / Math.PI;
const f3 = (v: number) => (Math.abs(v) >= 0.001 || v === 0 ? v.toFixed(3) : v.toExponential(1));

/** The run's centres for center loss's row: its own when it trains them, else each class's mean feature (what they estimate). */
function centresOf(frame: Frame, info: RunInfo): Float32Array {
  if (lossDef(frame.spec.kind).train.centerRate) return frame.centers;
  const D = info.dim;
  const C = info.numClasses;
  const sum = new Float32Array(C * D);
  const count = new Float32Array(C);
  info.trainLabels.forEach((y, i) => {
    count[y]! += 1;
    for (let d = 0; d < D; d++) sum[y * D + d]! += frame.train[i * D + d]!;
  });
  return sum.map((v, k) => v / Math.max(1, count[Math.floor(k / D)]!));
}

function Swatch({ j }: { j: number }) {
  return (
    <span style={{ color: classColor(j) }} aria-hidden="true">
      {SHAPE_GLYPHS[classShape(j)]}
    </span>
  );
}

/** One reading a row: P_y, ℓ and the turning force (– where it cannot be read). */
function ReadingTable({
  label,
  testid,
  caption,
  first,
  rows,
}: {
  label: string;
  testid: string;
  caption: string;
  first: string;
  rows: { key: string; label: string; reading: { py: number; loss: number; turning: number } | null }[];
}) {
  return (
    <table className="probe-every" aria-label={label} data-testid={testid}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{first}</th>
          <th scope="col">
            P<sub>y</sub>
          </th>
          <th scope="col">ℓ</th>
          <th scope="col">turning</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, label: name, reading: r }) => (
          <tr key={key}>
            <th scope="row">{name}</th>
            <td>{r ? f3(r.py) : '–'}</td>
            <td>{r ? f3(r.loss) : '–'}</td>
            <td>{r ? f3(r.turning) : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface Props {
  params: Params;
  setParam: <K extends ParamKey>(key: K, value: Params[K]) => void;
  frame: Frame | null;
  info: RunInfo | null;
  /** Compare mode: every panel's title and frame, each read at the probe under its own loss. */
  panels?: { title: string; frame: Frame | null }[];
}

/**
 * The pinned probe: at its direction, the cosine to each weight, P_y, the loss and the force under
 * the current loss; beside it the same feature under each lecture loss at its defaults.
 */
export const ProbePanel = memo(function ProbePanel({ params, setParam, frame, info, panels }: Props) {
  const dim = info?.dim === 2 ? 2 : 3;
  const dir = probeDirection(params.probeAz, params.probeEl, dim);
  const probe = frame && info ? probeFrame(frame, info.dim, dir, params.probeClass) : null;
  const C = info?.numClasses ?? 0;
  return (
    <section aria-labelledby="sec-probe" className="probe-panel" data-testid="probe-panel">
      <h2 id="sec-probe">Probe: one feature, every loss</h2>
      <p className="small">
        At azimuth {params.probeAz}°{dim === 3 ? `, elevation ${params.probeEl}°` : ''}
        {probe ? `, ‖x‖ = ${Math.hypot(...probe.x).toFixed(2)} (the training features' mean)` : ''}. Click the sphere or a point to move it;
        with the view focused, Shift + arrows move it 5°.
      </p>
      <div className="control">
        <label htmlFor="probe-class">As a feature of</label>
        <select id="probe-class" value={params.probeClass} onChange={(e) => setParam('probeClass', Number(e.target.value))}>
          <option value={0}>the nearest weight’s class{probe && params.probeClass === 0 ? ` (${probe.y + 1})` : ''}</option>
          {Array.from({ length: C }, (_, j) => (
            <option key={j} value={j + 1}>
              class {j + 1}
            </option>
          ))}
        </select>
      </div>
      {!frame || !info ? (
        <p className="muted">Waiting for the first frame…</p>
      ) : !probe ? (
        <p className="muted">This loss trains on tfjs’s tape, with no head to read a single feature from.</p>
      ) : (
        <>
          <table className="probe-now" aria-label="Under the current loss">
            <caption>
              Under {lossDef(frame.spec.kind).meta.label}, class {probe.y + 1}
            </caption>
            <tbody>
              <tr>
                <th scope="row">
                  P<sub>y</sub>
                </th>
                <td data-testid="probe-py">{f3(probe.reading.py)}</td>
              </tr>
              <tr>
                <th scope="row">loss ℓ</th>
                <td data-testid="probe-loss">{f3(probe.reading.loss)}</td>
              </tr>
              <tr>
                <th scope="row">turning force ‖x‖·|−∂ℓ/∂x, tangent|</th>
                <td data-testid="probe-turning">{f3(turningOf(probe.x, probe.reading.force))}</td>
              </tr>
              <tr>
                <th scope="row">radial force (grows ‖x‖ when &gt; 0)</th>
                <td>{f3(probe.x.reduce((a, v, d) => a + v * probe.reading.force[d]!, 0) / Math.hypot(...probe.x))}</td>
              </tr>
            </tbody>
          </table>
          <table className="probe-cos" aria-label="Cosine to each class weight">
            <thead>
              <tr>
                <th scope="col">weight</th>
                <th scope="col">cos θ</th>
                <th scope="col">θ</th>
              </tr>
            </thead>
            <tbody>
              {Array.from(probe.reading.cosines, (c, j) => (
                <tr key={j} className={j === probe.y ? 'probe-own' : undefined}>
                  <td>
                    <Swatch j={j} /> W{j + 1}
                    {j === probe.y ? ' (own)' : ''}
                  </td>
                  <td>{c.toFixed(3)}</td>
                  <td>{(Math.acos(Math.max(-1, Math.min(1, c))) * DEG).toFixed(1)}°</td>
                </tr>
              ))}
            </tbody>
          </table>
          {panels && panels.length > 1 && (
            <ReadingTable
              label="The probe under each panel's loss"
              testid="probe-panels"
              caption="The same place in each panel (its own loss and weights)"
              first="panel"
              rows={panels.map(({ title, frame: pf }, i) => {
                const r = pf ? probeFrame(pf, info.dim, dir, probe.y + 1) : null;
                return { key: String(i), label: title, reading: r && { ...r.reading, turning: turningOf(r.x, r.reading.force) } };
              })}
            />
          )}
          <ReadingTable
            label="The same feature under every lecture loss, at its default settings"
            testid="probe-every"
            caption="The same feature, every lecture loss (its defaults, these weights)"
            first="loss"
            rows={sameFeatureEveryLoss(frame.W, info.dim, frame.bias, centresOf(frame, info), probe.x, probe.y).map((row) => ({
              key: row.kind,
              label: row.label,
              reading: row.reading,
            }))}
          />
        </>
      )}
      <button type="button" onClick={() => setParam('probe', false)}>
        Remove the probe
      </button>
    </section>
  );
});
