import type { RefObject } from 'react';
import type { CameraMove } from './cameraMoves';

const BUTTONS: { move: CameraMove; label: string; glyph: string }[] = [
  { move: 'left', label: 'Turn the view left', glyph: '◀' },
  { move: 'up', label: 'Tilt the view up', glyph: '▲' },
  { move: 'down', label: 'Tilt the view down', glyph: '▼' },
  { move: 'right', label: 'Turn the view right', glyph: '▶' },
  { move: 'in', label: 'Zoom in', glyph: '+' },
  { move: 'out', label: 'Zoom out', glyph: '−' },
  { move: 'home', label: 'Camera back to its start', glyph: '⟲' },
];

/** Buttons that orbit the 3-D view by steps, for whoever cannot drag (the keys do the same when the view has focus). */
export function OrbitButtons({ apply }: { apply: RefObject<((move: CameraMove) => void) | null> }) {
  return (
    <div className="orbit-buttons" role="group" aria-label="Camera">
      {BUTTONS.map((b) => (
        <button key={b.move} type="button" aria-label={b.label} title={b.label} onClick={() => apply.current?.(b.move)}>
          <span aria-hidden="true">{b.glyph}</span>
        </button>
      ))}
    </div>
  );
}
