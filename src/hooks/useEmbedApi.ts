import { useEffect, useRef } from 'react';
import type { TrainerStatus } from '../state/status';
import type { Presence } from '../client/presenceGate';
import type { Frame } from '../train/frame';
import { useAppStore } from '../state/store';
import { coerceParams } from '../params/urlCodec';
import type { Params } from '../params/table';
import { isSlideMessage } from '../env/hostSignal';
import { presenceCaption } from '../ui/presenceCaption';

export interface EmbedHandlers {
  /** Sets params: on compare panel `panel` only, or (absent) on the page and every panel. */
  set: (params: Partial<Params>, panel?: number) => void;
  play: () => void;
  pause: () => void;
  reset: () => void;
  step: (n: number) => void;
}

const STATE_HZ = 4;

/** A frame's open-set numbers for the embedding page (no histograms), or null. */
function verificationOf(frame: Frame | null) {
  const v = frame?.verification;
  return v
    ? { tarAtFar1e1: v.tarAtFar1e1, tarAtFar1e2: v.tarAtFar1e2, tarAtFar1e3: v.tarAtFar1e3, eer: v.eer, auc: v.auc, rank1: v.rank1 }
    : null;
}

/**
 * The postMessage API for a page that embeds Hypersphere in an iframe. Accepts, from the parent
 * window only: {type: 'hypersphere:set', params, panel?} (panel: a compare panel's index from 0;
 * absent: every panel), 'hypersphere:play', ':pause', ':reset', ':step' (optional n). Posts
 * {type: 'hypersphere:state', step, loss, accuracy, testAccuracy, state, params, panels} back at
 * most 4 times a second (panels: each compare panel's title and numbers; [] in the single view).
 * With held-out classes, `verification` (and each panel's) holds {tarAtFar1e1, tarAtFar1e2,
 * tarAtFar1e3, eer, auc, rank1}; it is null without them.
 * `presence` says whether the embed is seen ('shown'; 'hidden' or 'asleep': it trains nothing),
 * and `caption` the state as the status bar words it ("paused (not visible)").
 * reveal.js's bare 'slide:start' and 'slide:stop' are heard elsewhere (hooks/useSeen.ts).
 * Anything malformed is ignored with a warning.
 */
export function useEmbedApi(handlers: EmbedHandlers, params: Params, titles: readonly string[]): void {
  const h = useRef(handlers);
  h.current = handlers;
  const embedded = window.parent !== window;
  const panelCount = useRef(titles.length);
  panelCount.current = titles.length;

  useEffect(() => {
    if (!embedded) return;
    const onMessage = (e: MessageEvent) => {
      if (e.source !== window.parent) return;
      const d: unknown = e.data;
      if (isSlideMessage(d)) return; // reveal.js's slide:start / slide:stop: public/hypersphere-host.js hears them
      if (typeof d !== 'object' || d === null || typeof (d as { type?: unknown }).type !== 'string') {
        console.warn('hypersphere: ignored a message without a type', d);
        return;
      }
      const msg = d as { type: string; params?: unknown; n?: unknown; panel?: unknown };
      if (!msg.type.startsWith('hypersphere:')) return; // someone else's message
      switch (msg.type) {
        case 'hypersphere:set': {
          const panels = panelCount.current;
          if (msg.panel !== undefined && !(Number.isInteger(msg.panel) && (msg.panel as number) >= 0 && (msg.panel as number) < panels)) {
            console.warn(
              `hypersphere: hypersphere:set's panel must be a whole number 0–${panels - 1} (the compare panels); ignored`,
              msg.panel,
            );
            return;
          }
          const { params: p, problems } = coerceParams(msg.params);
          if (problems.length) console.warn(`hypersphere: ignored in hypersphere:set: ${problems.join('; ')}`);
          if (Object.keys(p).length) h.current.set(p, msg.panel as number | undefined);
          break;
        }
        case 'hypersphere:play':
          h.current.play();
          break;
        case 'hypersphere:pause':
          h.current.pause();
          break;
        case 'hypersphere:reset':
          h.current.reset();
          break;
        case 'hypersphere:step': {
          const n = msg.n === undefined ? 1 : Number(msg.n);
          if (!Number.isInteger(n) || n < 1 || n > 10_000) {
            console.warn('hypersphere: hypersphere:step needs n, a whole number 1–10000', msg.n);
            return;
          }
          h.current.step(n);
          break;
        }
        default:
          console.warn(`hypersphere: unknown message type ${JSON.stringify(msg.type)}`);
      }
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [embedded]);

  const lastPost = useRef(0);
  // The store's status, as it changes (a subscription: the page does not re-render for it), and on a change of params.
  useEffect(() => {
    if (!embedded) return;
    const postState = (status: TrainerStatus, presence: Presence) => {
      const now = performance.now();
      if (now - lastPost.current < 1000 / STATE_HZ && status.state === 'running' && presence === 'shown') return;
      lastPost.current = now;
      window.parent.postMessage(
        {
          type: 'hypersphere:state',
          step: status.step,
          loss: status.loss,
          accuracy: status.trainAccuracy,
          testAccuracy: status.testAccuracy,
          state: status.state,
          presence,
          caption: presenceCaption(status.state, presence),
          backend: status.backend,
          params,
          verification: verificationOf(status.frame),
          panels: titles.map((title, i) => {
            const m = status.models[i];
            return {
              title,
              step: m?.step ?? 0,
              loss: m?.loss ?? NaN,
              accuracy: m?.trainAccuracy ?? 0,
              testAccuracy: m?.testAccuracy ?? 0,
              diverged: m?.diverged ?? false,
              verification: verificationOf(m?.frame ?? null),
            };
          }),
        },
        '*',
      );
    };
    const now = useAppStore.getState();
    postState(now.status, now.presence.presence);
    return useAppStore.subscribe((s, prev) => {
      if (s.status !== prev.status || s.presence.presence !== prev.presence.presence) postState(s.status, s.presence.presence);
    });
  }, [embedded, params, titles]);
}
