import { DEFAULT_PACE } from '../params/table';
import { useStatus } from '../state/store';

interface Props {
  onPlay: () => void;
  onPause: () => void;
  onStep: () => void;
  onReset: () => void;
  compact?: boolean;
  /** Max steps/s (0: full speed) and its setter, for the pace toggle. */
  speed?: number;
  onSpeed?: (speed: number) => void;
}

/** Play/pause, step and reset. */
export function Transport({ onPlay, onPause, onStep, onReset, compact = false, speed, onSpeed }: Props) {
  const state = useStatus((s) => s.state);
  const running = state === 'running';
  const blocked = state === 'diverged' || state === 'error' || state === 'loading';
  return (
    <div className={`transport ${compact ? 'transport-compact' : ''}`} role="group" aria-label="Training">
      <button
        type="button"
        className="primary"
        onClick={running ? onPause : onPlay}
        disabled={blocked && !running}
        aria-keyshortcuts="Space"
      >
        {running ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button type="button" onClick={onStep} disabled={blocked} aria-keyshortcuts="ArrowRight" title="One training step (→)">
        Step
      </button>
      <button type="button" onClick={onReset} aria-keyshortcuts="r" title="New run with the same settings (r)">
        ↺ Reset
      </button>
      {onSpeed && speed !== undefined && (
        <button
          type="button"
          aria-pressed={speed === 0}
          onClick={() => onSpeed(speed === 0 ? DEFAULT_PACE : 0)}
          title={
            speed === 0
              ? `Back to the watchable pace (${DEFAULT_PACE} steps/s)`
              : `Paced at ${speed} steps/s so the audience can watch; train as fast as this machine can`
          }
        >
          ▶▶ Full speed
        </button>
      )}
    </div>
  );
}
