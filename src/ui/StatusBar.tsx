import { renderCount } from './renderCount';
import { useAppStore } from '../state/store';
import { lossText, percent } from './format';
import { statusAttributes } from './statusAttributes';
import { presenceCaption } from './presenceCaption';

/**
 * The training status, for people and for automation: role="status" with the numbers as data-*
 * attributes (statusAttributes, and data-backend). In compare mode it is the page's: the shared
 * state, and the first panel's numbers.
 */
export function StatusBar({ lossKind, compact = false }: { lossKind: string; compact?: boolean }) {
  const status = useAppStore((s) => s.status);
  const presence = useAppStore((s) => s.presence.presence);
  renderCount.statusBar += 1;
  const { state, step, loss, trainAccuracy, testAccuracy, backend, backendReport } = status;
  return (
    <div
      role="status"
      aria-live="off"
      className={`status ${compact ? 'status-compact' : ''}`}
      {...statusAttributes(status, state, lossKind)}
      data-backend={backend}
      data-run={status.run}
      data-checkpoint-step={status.checkpointStep}
      data-presence={presence}
    >
      <span className={`state-dot state-${state}`} aria-hidden="true" />
      <span className="status-item">
        <b>{presenceCaption(state, presence)}</b>
      </span>
      <span className="status-item">step {step.toLocaleString('en-US')}</span>
      <span className="status-item">loss {lossText(loss)}</span>
      <span className="status-item">train {percent(trainAccuracy)}</span>
      <span className="status-item">test {percent(testAccuracy)}</span>
      {!compact && (
        <span className="status-item status-backend" title={backendReport}>
          {backend ? `${backend}` : 'choosing backend…'}
          {backendReport && <span className="status-detail"> · {backendReport}</span>}
        </span>
      )}
    </div>
  );
}
