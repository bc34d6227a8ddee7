import { useEffect, type RefObject } from 'react';
import type { SidePanelId } from '../tour/steps';

/** Of a panel taller than this share of the scroll box, only this much is brought into view: the tour above stays in sight. */
const SHOW_AT_MOST = 0.6;

/** The element that scrolls the side panel: the panel itself, or (a one-column page) the page. */
function scroller(panel: HTMLElement): HTMLElement {
  return getComputedStyle(panel).overflowY === 'visible' ? (document.scrollingElement as HTMLElement) : panel;
}

/**
 * Entering a tour step that names a side panel: the panel is opened (a collapsed one's details)
 * and scrolled just far enough that its top, and as much of it as fits below the tour, is in view:
 * smoothly, or at once under reduced motion. Focus is left where it is.
 */
export function useLeadPanel(panel: RefObject<HTMLElement | null>, lead: { panel: SidePanelId; step: number } | undefined): void {
  const id = lead?.panel;
  const step = lead?.step;
  useEffect(() => {
    const root = panel.current;
    if (!root || !id) return;
    let frame = 0;
    let tries = 0;
    const bring = () => {
      // The panels load lazily: wait for the heading (a few frames at most).
      const heading = root.querySelector<HTMLElement>(`#sec-${id}`);
      if (!heading) {
        if (tries++ < 120) frame = requestAnimationFrame(bring);
        return;
      }
      const details = heading.closest('details');
      if (details && !details.open) details.open = true;
      const section = heading.closest('section') ?? heading;
      const box = scroller(root);
      const view = box === document.scrollingElement ? { top: 0, bottom: window.innerHeight } : box.getBoundingClientRect();
      const r = section.getBoundingClientRect();
      const wanted = Math.min(r.height, SHOW_AT_MOST * (view.bottom - view.top));
      const by = r.top + wanted - view.bottom;
      if (r.top >= view.top && by <= 0) return; // already in view
      const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
      box.scrollBy({ top: r.top < view.top ? r.top - view.top : by, behavior: reduced ? 'auto' : 'smooth' });
    };
    frame = requestAnimationFrame(bring);
    return () => cancelAnimationFrame(frame);
  }, [panel, id, step]);
}
