import type { TrainerStatus } from '../hooks/useTrainer';

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
/** Radians as degrees for a data attribute ('' before the first frame). */
const degAttr = (r: number | undefined) => (r === undefined || !Number.isFinite(r) ? '' : ((r * 180) / Math.PI).toFixed(2));

/**
 * The training status, for people and for automation: role="status" with the numbers as
 * data-* attributes (data-step, data-loss, data-accuracy, data-test-accuracy, data-backend,
 * data-state, data-loss-kind (the loss in force); the lesson's angles in degrees: data-spread, data-test-spread, data-margin-p5,
 * data-margin-median; also data-snapshot-ms and data-tensors for the benchmark).
 */
export function StatusBar({ status, lossKind, compact = false }: { status: TrainerStatus; lossKind: string; compact?: boolean }) {
  const { state, step, loss, trainAccuracy, testAccuracy, backend, backendReport, snapshotMs, frame } = status;
  return (
    <div
      role="status"
      aria-live="off"
      className={`status ${compact ? 'status-compact' : ''}`}
      data-step={step}
      data-loss={Number.isFinite(loss) ? loss.toFixed(6) : String(loss)}
      data-accuracy={trainAccuracy.toFixed(4)}
      data-test-accuracy={testAccuracy.toFixed(4)}
      data-backend={backend}
      data-state={state}
      data-loss-kind={lossKind}
      data-spread={degAttr(frame?.metrics.intraClassAngle)}
      data-test-spread={degAttr(frame?.metrics.testIntraClassAngle)}
      data-margin-p5={degAttr(frame?.metrics.marginP5)}
      data-margin-median={degAttr(frame?.metrics.marginMedian)}
      data-snapshot-ms={snapshotMs.toFixed(2)}
      data-tensors={frame?.numTensors ?? 0}
    >
      <span className={`state-dot state-${state}`} aria-hidden="true" />
      <span className="status-item">
        <b>{state}</b>
      </span>
      <span className="status-item">step {step.toLocaleString('en-US')}</span>
      <span className="status-item">loss {Number.isFinite(loss) ? loss.toFixed(3) : '—'}</span>
      <span className="status-item">train {pct(trainAccuracy)}</span>
      <span className="status-item">test {pct(testAccuracy)}</span>
      {!compact && (
        <span className="status-item status-backend" title={backendReport}>
          {backend ? `${backend}` : 'choosing backend…'}
          {backendReport && <span className="status-detail"> · {backendReport}</span>}
        </span>
      )}
    </div>
  );
}
