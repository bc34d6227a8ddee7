import { useEffect, useRef } from 'react';

export interface KeyActions {
  togglePlay: () => void;
  step: () => void;
  reset: () => void;
  fullscreen: () => void;
  toggleHelp: () => void;
  closeHelp: () => void;
  /** In the lecture tour, ← and → move between its steps instead of training a step. */
  tour?: { next: () => void; prev: () => void };
}

/** Whether a key press belongs to a form control (typing, a focused button's own Space). */
function isFormTarget(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable) return true;
  const tag = t.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT' || tag === 'BUTTON') return true;
  if (tag === 'INPUT') {
    const type = (t as HTMLInputElement).type;
    return type !== 'range' && type !== 'checkbox'; // sliders and checkboxes keep their arrows below
  }
  return false;
}

/** Space play/pause, → step (in the tour: ← → move between steps), r reset, f fullscreen, ? help, Esc closes help. */
export function useKeyboard(actions: KeyActions): void {
  const ref = useRef(actions);
  ref.current = actions;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const a = ref.current;
      if (e.key === 'Escape') {
        a.closeHelp(); // wherever the focus is (the help's own button holds it)
        return;
      }
      // The tour's own buttons announce ← and → (aria-keyshortcuts): focused, they keep them.
      const tourArrow =
        (e.key === 'ArrowLeft' || e.key === 'ArrowRight') && e.target instanceof HTMLElement && e.target.closest('.tour-nav') !== null;
      if (e.ctrlKey || e.metaKey || e.altKey || (isFormTarget(e.target) && !tourArrow)) return;
      const onSlider = e.target instanceof HTMLInputElement && e.target.type === 'range';
      switch (e.key) {
        case ' ':
          if (e.target instanceof HTMLInputElement && e.target.type === 'checkbox') return;
          e.preventDefault();
          a.togglePlay();
          break;
        case 'ArrowRight':
          if (onSlider) return; // the slider's own arrow keys
          e.preventDefault();
          if (a.tour) a.tour.next();
          else a.step();
          break;
        case 'ArrowLeft':
          if (onSlider || !a.tour) return;
          e.preventDefault();
          a.tour.prev();
          break;
        case 'r':
        case 'R':
          a.reset();
          break;
        case 'f':
        case 'F':
          a.fullscreen();
          break;
        case '?':
          a.toggleHelp();
          break;
        default:
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
