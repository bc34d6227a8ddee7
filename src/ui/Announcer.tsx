import { useEffect, useRef } from 'react';
import { useAppStore } from '../state/store';
import { announcement, shouldAnnounce } from './announce';

/**
 * A polite live region: the run in one sentence, never per frame. While training at most every
 * ANNOUNCE_MS; at once on a pause, a step, a reset, an error, and when `context` changes (a tour step).
 */
export function Announcer({ context = '' }: { context?: string }) {
  const el = useRef<HTMLParagraphElement>(null);
  const last = useRef<{ state: string; run: number; step: number; at: number } | null>(null);
  useEffect(() => {
    const say = (force: boolean) => {
      const s = useAppStore.getState().status;
      const now = performance.now();
      if (!force && !shouldAnnounce(s, last.current, now)) return;
      last.current = { state: s.state, run: s.run, step: s.step, at: now };
      if (el.current) el.current.textContent = `${context ? `${context}. ` : ''}${announcement(s)}`;
    };
    say(context !== '');
    return useAppStore.subscribe((s, prev) => {
      if (s.status !== prev.status) say(false);
    });
  }, [context]);
  return <p ref={el} className="visually-hidden" aria-live="polite" data-testid="announcer" />;
}
