import { useEffect, useState } from 'react';
import { useStatus } from '../state/store';

interface Props {
  /** Snapshots kept now. */
  size: () => number;
  show: (k: number) => void;
  stepAt: (k: number) => number | undefined;
}

/**
 * The timeline of a paused run: a slider over the last snapshots kept (`timeline=` of them); the
 * view, every panel and the numbers follow it. Playing again continues from the run's real step.
 */
export function Timeline({ size, show, stepAt }: Props) {
  const state = useStatus((s) => s.state);
  // Each new step (a frame kept) redraws the slider: the status step says when.
  useStatus((s) => s.step);
  const length = size();
  const [index, setIndex] = useState(length - 1);
  const paused = state === 'paused' || state === 'diverged';
  // Back at the newest snapshot whenever the run moves on.
  useEffect(() => {
    if (!paused) setIndex(-1);
  }, [paused]);
  if (!paused || length < 2) return null;
  const k = index < 0 || index >= length ? length - 1 : index;
  return (
    <div className="timeline control control-range">
      <label htmlFor="timeline-scrub">
        Timeline (paused)
        <span className="value">
          step {stepAt(k)?.toLocaleString('en-US')} · {k + 1} of {length}
        </span>
      </label>
      <input
        id="timeline-scrub"
        name="scrub"
        type="range"
        min={0}
        max={length - 1}
        step={1}
        value={k}
        onChange={(e) => {
          const next = Number(e.target.value);
          setIndex(next);
          show(next);
        }}
      />
    </div>
  );
}
