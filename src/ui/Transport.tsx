import type { RunState } from '../worker/protocol';

interface Props {
  state: RunState;
  onPlay: () => void;
  onPause: () => void;
  onStep: () => void;
  onReset: () => void;
  compact?: boolean;
}

/** Play/pause, step and reset. */
export function Transport({ state, onPlay, onPause, onStep, onReset, compact = false }: Props) {
  const running = state === 'running';
  const blocked = state === 'diverged' || state === 'error' || state === 'loading';
  return (
    <div className={`transport ${compact ? 'transport-compact' : ''}`} role="group" aria-label="Training">
      <button type="button" className="primary" onClick={running ? onPause : onPlay} disabled={blocked && !running} aria-keyshortcuts="Space">
        {running ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button type="button" onClick={onStep} disabled={blocked} aria-keyshortcuts="ArrowRight" title="One training step (→)">
        Step
      </button>
      <button type="button" onClick={onReset} aria-keyshortcuts="r" title="New run with the same settings (r)">
        ↺ Reset
      </button>
    </div>
  );
}
