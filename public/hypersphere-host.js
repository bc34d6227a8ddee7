// Hypersphere in a frame: hears the host page's slide messages from the first moment, before the
// app's own code has loaded (a reveal.js deck posts 'slide:start' to the frames of its first slide
// as soon as it is ready). A plain script, not a module, so that it runs while the page is parsed.
// The app reads window.__hypersphereHost (src/env/hostSignal.ts).
(() => {
  if (window.parent === window || window.__hypersphereHost) return;
  // A frame reloaded on its slide (the update notice's Reload, a link followed in it) is told
  // nothing again: what it last heard is kept for the tab, by the host page (its address without
  // the slide's #hash) and the frame's place among its frames. Another page in the same tab
  // starts fresh.
  const hostPage = (() => {
    try {
      return window.parent.location.href;
    } catch {
      return document.referrer; // another origin's page: its address as the frame was loaded from it
    }
  })().split('#')[0];
  let key = null;
  try {
    for (let i = 0; i < window.parent.length; i++) if (window.parent.frames[i] === window) key = `hypersphere-slide:${hostPage}|${i}`;
  } catch {
    // no frames to count
  }
  const read = () => {
    try {
      return key && sessionStorage.getItem(key);
    } catch {
      return null; // storage refused (a sandboxed frame)
    }
  };
  const remembered = read() === 'start' || read() === 'stop' ? read() : null;
  const host = {
    /** The last slide message from the parent: 'start', 'stop' or null (none yet). */
    slide: remembered,
    /** Whether this frame, or a frame of the app beside it under the same parent, heard one: the host sends them. */
    sends: remembered !== null,
    listeners: new Set(),
    set(patch) {
      Object.assign(host, patch);
      host.listeners.forEach((f) => f());
    },
  };
  window.__hypersphereHost = host;
  /** The parent's other frames of this origin running the app (another origin's throw, and are skipped). */
  const siblings = () => {
    const out = [];
    for (let i = 0; i < window.parent.length; i++) {
      try {
        const w = window.parent.frames[i];
        if (w !== window && w.__hypersphereHost) out.push(w.__hypersphereHost);
      } catch {
        // another origin's frame
      }
    }
    return out;
  };
  // A frame beside this one heard the host before this one loaded.
  if (siblings().some((s) => s.sends)) host.sends = true;
  window.addEventListener('message', (e) => {
    if (e.source !== window.parent || (e.data !== 'slide:start' && e.data !== 'slide:stop')) return;
    const first = !host.sends;
    const slide = e.data === 'slide:start' ? 'start' : 'stop';
    host.set({ slide, sends: true });
    try {
      if (key) sessionStorage.setItem(key, slide);
    } catch {
      // storage refused: a reload then waits for the next message
    }
    // The frames beside it on slides never entered (a fade deck keeps them in place, transparent) learn that
    // this host says which slide is shown: told nothing, they are not on it.
    if (first) for (const s of siblings()) if (!s.sends) s.set({ sends: true });
  });
})();
