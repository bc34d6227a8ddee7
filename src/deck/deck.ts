// The example deck's script: reveal.js from npm, and the slides that talk to their frames through
// Hypersphere's postMessage API (docs/embedding.md). Bundled by Vite as the build's second page.
import Reveal from 'reveal.js';
import 'reveal.js/reveal.css';
import './deck.css';

interface FrameState {
  type: 'hypersphere:state';
  state: string;
  caption: string;
  step: number;
  loss: number;
  accuracy: number;
  params: { m: number };
  panels: { title: string; verification: { tarAtFar1e2: number; auc: number } | null }[];
}

const frame = (id: string) => document.getElementById(id) as HTMLIFrameElement | null;
const text = (id: string, s: string) => {
  const el = document.getElementById(id);
  if (el) el.textContent = s;
};

// Slide 1: the deck drives the right-hand frame and shows what it reports.
let m = 0.3;
let playing = true;
const send = (msg: unknown) => frame('right')?.contentWindow?.postMessage(msg, '*');
const actions: Record<string, () => void> = {
  more: () => send({ type: 'hypersphere:set', params: { m: (m = Math.min(0.7, Math.round((m + 0.1) * 10) / 10)) } }),
  zero: () => send({ type: 'hypersphere:set', params: { m: (m = 0) } }),
  toggle: () => send({ type: playing ? 'hypersphere:pause' : 'hypersphere:play' }),
  reset: () => send({ type: 'hypersphere:reset' }),
};
for (const b of document.querySelectorAll<HTMLButtonElement>('[data-send]'))
  b.addEventListener('click', () => actions[b.dataset.send!]?.());

window.addEventListener('message', (e: MessageEvent) => {
  const d = e.data as FrameState | undefined;
  if (d?.type !== 'hypersphere:state') return;
  if (e.source === frame('right')?.contentWindow) {
    playing = d.state === 'running';
    m = d.params.m;
    text(
      'log',
      `ArcFace frame: ${d.caption}, step ${d.step}, loss ${Number(d.loss).toFixed(3)}, train ${(100 * d.accuracy).toFixed(1)} %, m = ${d.params.m}`,
    );
  } else if (e.source === frame('openset')?.contentWindow) {
    // Slide 6 reads each panel's verification numbers from the frame's state messages.
    const rows = d.panels
      .filter((p) => p.verification)
      .map((p) => `${p.title}: ${(100 * p.verification!.tarAtFar1e2).toFixed(1)} % (AUC ${p.verification!.auc.toFixed(3)})`);
    if (rows.length) text('openset-log', `step ${d.step} · TAR at FAR 10⁻²: ${rows.join(' · ')}`);
  }
});

const deck = new Reveal({ hash: true, width: 1280, height: 720, margin: 0.02, transition: 'slide' });
void deck.initialize().then(() => {
  // The slide-1 keys, on slides only (reveal.js keeps its own: arrows, Esc, F, S, …).
  deck.addKeyBinding({ keyCode: 77, key: 'M', description: 'ArcFace frame: m + 0.1' }, actions.more!);
  deck.addKeyBinding({ keyCode: 48, key: '0', description: 'ArcFace frame: m = 0' }, actions.zero!);
  deck.addKeyBinding({ keyCode: 75, key: 'K', description: 'ArcFace frame: pause or play' }, actions.toggle!);
  deck.addKeyBinding({ keyCode: 82, key: 'R', description: 'ArcFace frame: reset' }, actions.reset!);
  (window as unknown as { Reveal: typeof deck }).Reveal = deck;
  document.documentElement.dataset.deckReady = '1';
});
