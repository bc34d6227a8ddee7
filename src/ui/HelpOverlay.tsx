import { useEffect, useState } from 'react';

const KEYS: [string, string][] = [
  ['Space', 'play / pause'],
  ['→', 'one training step (in the lecture tour: next step)'],
  ['←', 'in the lecture tour: previous step'],
  ['r', 'reset (a new run, same settings)'],
  ['f', 'fullscreen'],
  ['?', 'this help'],
  ['Esc', 'close'],
];

/** The keyboard shortcuts, over everything; Esc or a click closes it, and focus goes back to what had it before (WCAG 2.4.3). */
export function HelpOverlay({ onClose }: { onClose: () => void }) {
  // Taken while rendering: by the time an effect runs, the Close button's autoFocus has moved focus.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(
    () => () => {
      if (opener?.isConnected) opener.focus();
    },
    [opener],
  );
  return (
    <div className="help-backdrop" onClick={onClose}>
      <div className="help" role="dialog" aria-modal="true" aria-labelledby="help-title" onClick={(e) => e.stopPropagation()}>
        <h2 id="help-title">Keyboard</h2>
        <dl>
          {KEYS.map(([k, v]) => (
            <div key={k} className="help-row">
              <dt>
                <kbd>{k}</kbd>
              </dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        <p className="muted">
          Drag to orbit the sphere, scroll to zoom, hover a point to read its angle and logit. Every setting lives in the link.
        </p>
        <button type="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </div>
  );
}
