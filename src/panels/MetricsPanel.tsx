import { Fragment, useMemo } from 'react';
import { idealMinAngle } from '../losses/curves';
import { lossDef } from '../losses/registry';
import type { Params } from '../params/table';
import { lossFacts } from './lossFacts';
import type { Frame, RunInfo } from '../train/frame';
import { RunningStateChart } from './RunningStateChart';
import { degrees as deg } from '../ui/format';

/** Angles that tell how discriminative the features are, beside the best spread C classes allow. */
export function MetricsPanel({
  frame,
  info,
  params,
  classes,
  dim,
}: {
  frame: Frame | null;
  info: RunInfo | null;
  params: Params;
  classes: number;
  dim: 2 | 3;
}) {
  const m = frame?.metrics;
  // The loss the frame was trained with (a timeline frame may predate a change of loss).
  const lossKind = frame?.spec.kind ?? params.loss;
  // Once per frame (the panel re-renders with every status tick).
  const facts = useMemo(
    () => (frame && info && frame.train.length === info.trainLabels.length * info.dim ? lossFacts(frame.spec, frame, info) : []),
    [frame, info],
  );
  const ideal = idealMinAngle(classes, dim);
  return (
    <section aria-labelledby="sec-metrics">
      <h2 id="sec-metrics">Angles</h2>
      <dl className="metrics">
        <dt>mean θ to own weight</dt>
        <dd data-testid="metric-theta">{deg(m?.meanAngleToWeight)}</dd>
        <dt>intra-class spread</dt>
        <dd data-testid="metric-spread">
          {deg(m?.intraClassAngle)} <span className="muted">train</span> · {deg(m?.testIntraClassAngle)} <span className="muted">test</span>
        </dd>
        <dt title="θ to the nearest other class weight − θ to the own, over the test features">angular margin (test)</dt>
        <dd data-testid="metric-margin">
          {deg(m?.marginMedian)} <span className="muted">median</span> · {deg(m?.marginP5)} <span className="muted">5th percentile</span>
        </dd>
        <dt>min angle between weights</dt>
        <dd>
          {deg(m?.minWeightAngle)}{' '}
          <span className="muted">
            (best possible for {classes} classes on the {dim === 2 ? 'circle' : 'sphere'}: {deg(ideal)})
          </span>
        </dd>
        {frame &&
          frame.lossState.length > 0 &&
          (lossDef(lossKind).train.running?.names ?? []).map((name, i) => (
            <Fragment key={name}>
              <dt>
                {lossDef(lossKind).meta.label} {name}
              </dt>
              <dd data-testid={`loss-state-${i}`}>{frame.lossState[i]?.toFixed(3) ?? '—'}</dd>
            </Fragment>
          ))}
        {facts.map((f) => (
          <Fragment key={f.id}>
            <dt>{f.label}</dt>
            <dd data-testid={`fact-${f.id}`}>{f.value}</dd>
          </Fragment>
        ))}
        {frame && Number.isFinite(frame.lambda) && (
          <>
            <dt>{lossDef(lossKind).meta.label} λ</dt>
            <dd>{frame.lambda.toFixed(1)}</dd>
          </>
        )}
      </dl>
      {frame && lossDef(lossKind).train.running && <RunningStateChart frame={frame} lossKind={lossKind} />}
    </section>
  );
}
