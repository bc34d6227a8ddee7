// The host page's slide messages as heard by public/hypersphere-host.js, which runs before the app
// (so a deck's first 'slide:start' is not missed). Read-only here: that script is the one listener.

/** What public/hypersphere-host.js keeps on window.__hypersphereHost. */
export interface HostSignal {
  readonly slide: 'start' | 'stop' | null;
  readonly sends: boolean;
  readonly listeners: Set<() => void>;
}

/** The host's slide messages, for a page in a frame (null at the top level, or where the script did not load). */
export function hostSignal(): HostSignal | null {
  if (window.parent === window) return null;
  return (window as unknown as { __hypersphereHost?: HostSignal }).__hypersphereHost ?? null;
}

/** The bare strings reveal.js posts to a slide's frames: the embed API leaves them to the listener above. */
export function isSlideMessage(data: unknown): boolean {
  return data === 'slide:start' || data === 'slide:stop';
}
