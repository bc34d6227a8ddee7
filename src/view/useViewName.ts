// Keeps the picture's accessible name (its canvas, or a compare panel's element) in step with the run, at most once a second (never per frame).
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { Params } from '../params/table';
import { useAppStore } from '../state/store';
import type { FrameSlot } from './frame/frameSlot';
import { viewName } from './viewName';

const NAME_MS = 1000;

/** The element to name (set once it exists) and a function that names it now. */
export function useViewName(
  params: Params,
  classes: number,
  dim: 2 | 3,
  slot: RefObject<FrameSlot>,
  panel = 0,
): { target: RefObject<HTMLElement | null>; nameNow: () => void } {
  const target = useRef<HTMLElement | null>(null);
  const latest = useRef({ params, classes, dim, panel });
  latest.current = { params, classes, dim, panel };
  const nameNow = useCallback(() => {
    const el = target.current;
    if (!el) return;
    const { params: p, classes: c, dim: d, panel: i } = latest.current;
    const status = useAppStore.getState().status;
    const step = status.models[i]?.step ?? status.step;
    const name = viewName(p, c, d, step, slot.current.info?.numHeldout ?? 0);
    if (el.getAttribute('aria-label') !== name) el.setAttribute('aria-label', name);
  }, [slot]);
  useEffect(nameNow, [nameNow, params, classes, dim, panel]);
  useEffect(() => {
    let last = 0;
    return useAppStore.subscribe((s, prev) => {
      if (s.status === prev.status) return;
      const now = performance.now();
      // The step moves on while training: a second between names; a pause or reset names at once.
      if (s.status.state === 'running' && now - last < NAME_MS) return;
      last = now;
      nameNow();
    });
  }, [nameNow]);
  return { target, nameNow };
}
