import { memo } from 'react';
import { FittedTex } from './FittedTex';
import { TOUR_STEPS } from '../tour/steps';

interface Props {
  /** The step shown, 1-based. */
  step: number;
  onGo: (step: number) => void;
  onTry: () => void;
  onExit: () => void;
  /** Embed mode: title, formula and navigation only (one slide of a deck). */
  compact?: boolean;
}

/** One step of the lecture tour: its words, formula, cue and action, and the way to the others. */
export const TourPanel = memo(function TourPanel({ step, onGo, onTry, onExit, compact = false }: Props) {
  const s = TOUR_STEPS[step - 1]!;
  const last = TOUR_STEPS.length;
  const nav = (
    <nav className="tour-nav" aria-label="Lecture tour">
      {/* aria-disabled, not disabled: a button that becomes disabled drops the keyboard's focus (step 1 and the last). */}
      <button type="button" onClick={() => step > 1 && onGo(step - 1)} aria-disabled={step <= 1} aria-keyshortcuts="ArrowLeft">
        ← Previous
      </button>
      {!compact && (
        <ol className="tour-list">
          {TOUR_STEPS.map((t, i) => (
            <li key={t.title}>
              <button type="button" aria-current={i + 1 === step ? 'step' : undefined} title={t.title} onClick={() => onGo(i + 1)}>
                {i + 1}
              </button>
            </li>
          ))}
        </ol>
      )}
      <button
        type="button"
        className="primary"
        onClick={() => step < last && onGo(step + 1)}
        aria-disabled={step >= last}
        aria-keyshortcuts="ArrowRight"
      >
        Next →
      </button>
    </nav>
  );
  return (
    <section className={`tour ${compact ? 'tour-compact' : ''}`} aria-labelledby="tour-title" data-tour-step={step}>
      <p className="tour-count">
        Lecture tour · step {step} of {last}
        {!compact && (
          <button type="button" className="tour-exit" onClick={onExit}>
            Leave the tour
          </button>
        )}
      </p>
      <h2 id="tour-title">{s.title}</h2>
      {!compact && s.text.map((p) => <p key={p}>{p}</p>)}
      <FittedTex tex={s.formula} lines={s.lines} className="tour-formula" />
      <p className="tour-cue">
        <b>Notice:</b> {s.cue.text}
      </p>
      {!compact && (
        <p className="tour-try">
          <button type="button" onClick={onTry}>
            Try: {s.tryThis.label}
          </button>{' '}
          {s.tryThis.text}
        </p>
      )}
      {nav}
    </section>
  );
});
