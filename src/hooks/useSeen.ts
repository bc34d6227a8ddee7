import { useEffect, useState } from 'react';
import { isSeen, type SeenSignals } from '../env/seen';
import { hostSignal } from '../env/hostSignal';

const embedded = typeof window !== 'undefined' && window.parent !== window;

/**
 * Whether this page can be seen: always at the top level; in a frame, from the tab's visibility,
 * an IntersectionObserver on the page (it sees the viewports of the frames around it, and reports
 * no box for a frame under display: none) and the host's slide messages (hostSignal). Null until
 * the first report.
 */
export function useSeen(): boolean | null {
  const [signals, setSignals] = useState<SeenSignals>(() => {
    const host = hostSignal();
    return { tab: document.visibilityState !== 'hidden', inViewport: null, slide: host?.slide ?? null, hostSends: host?.sends ?? false };
  });

  useEffect(() => {
    if (!embedded) return;
    const patch = (p: Partial<SeenSignals>) => setSignals((s) => ({ ...s, ...p }));
    const io = new IntersectionObserver(
      (entries) => {
        const e = entries[entries.length - 1]!;
        const r = e.intersectionRect;
        patch({ inViewport: e.isIntersecting && r.width * r.height > 0 });
      },
      { threshold: [0, 0.01] },
    );
    io.observe(document.documentElement);
    const onTab = () => patch({ tab: document.visibilityState !== 'hidden' });
    document.addEventListener('visibilitychange', onTab);
    const host = hostSignal();
    const onHost = () => host && patch({ slide: host.slide, hostSends: host.sends });
    host?.listeners.add(onHost);
    onHost();
    return () => {
      io.disconnect();
      document.removeEventListener('visibilitychange', onTab);
      host?.listeners.delete(onHost);
    };
  }, []);

  return embedded ? isSeen(signals) : true;
}
