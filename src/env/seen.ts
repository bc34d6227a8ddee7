// Whether an embedded page can be seen, from what it can observe (pure: the signals are gathered by hooks/useSeen.ts).

/** What a page in a frame can know of being seen. */
export interface SeenSignals {
  /** The tab is shown (document.visibilityState). */
  tab: boolean;
  /** The frame has a box that meets the top-level viewport (an IntersectionObserver's report); null until the first. */
  inViewport: boolean | null;
  /** The parent's last slide message (reveal.js: 'slide:start' entering the slide, 'slide:stop' leaving it); null: none. */
  slide: 'start' | 'stop' | null;
  /** The host sends slide messages (this frame or one beside it heard one). */
  hostSends: boolean;
}

/**
 * Seen, hidden, or (null) not known yet. Hidden: a hidden tab; a slide left ('slide:stop'); a
 * frame out of the viewport or without a box (display: none, as Slidev and reveal.js hide
 * slides); or, in a host that says which slide is shown, a frame it never told (a neighbouring
 * slide that a fade transition keeps in place at opacity 0).
 */
export function isSeen(s: SeenSignals): boolean | null {
  if (!s.tab || s.slide === 'stop' || s.inViewport === false) return false;
  if (s.slide === null && s.hostSends) return false;
  return s.inViewport;
}
