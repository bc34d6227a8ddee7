/// <reference lib="webworker" />
// Owns TensorFlow.js: the run loop (runLoop.ts) wired to this worker's messages, clock and backends.
import { pickBackend } from './backends';
import { loadDataset } from './loadDataset';
import { createRunLoop } from './runLoop';
import { isToWorker } from './validate';

declare const self: DedicatedWorkerGlobalScope;

// A MessageChannel round trip yields to the event loop (commands are handled) without setTimeout's clamp.
const ticker = new MessageChannel();
let next: (() => void) | undefined;
ticker.port1.onmessage = () => next?.();

const loop = createRunLoop({
  post: (msg, transfer = []) => self.postMessage(msg, transfer),
  now: () => performance.now(),
  setTimeout: (fn, ms) => void setTimeout(fn, ms),
  yieldThen: (fn) => {
    next = fn;
    ticker.port2.postMessage(null);
  },
  loadDataset,
  pickBackend,
});

self.onmessage = (e: MessageEvent<unknown>) => {
  if (!isToWorker(e.data)) {
    console.warn('hypersphere worker: ignored a malformed message', e.data);
    return;
  }
  loop.handle(e.data);
};
