// What the page says aloud about the run, and when (pure).
import type { TrainerStatus } from '../state/status';
import { degrees, percent } from './format';

/** While training, at most one announcement this often; a pause, a step, a reset or a tour step speak at once. */
export const ANNOUNCE_MS = 5000;

/** One sentence on the run: its state, step, accuracies, spread and (with held-out classes) TAR at FAR 1 %. */
export function announcement(s: TrainerStatus): string {
  if (s.state === 'loading') return 'Loading the data and the network.';
  if (s.state === 'error') return `Training stopped: ${s.message}`;
  const m = s.frame?.metrics;
  const v = s.frame?.verification;
  const parts = [
    `${s.state === 'running' ? 'Training' : s.state === 'paused' ? 'Paused' : 'Diverged'} at step ${s.step.toLocaleString('en')}`,
    `train ${percent(s.trainAccuracy)}, test ${percent(s.testAccuracy)}`,
  ];
  if (m) parts.push(`class spread ${degrees(m.intraClassAngle)}`);
  if (v) parts.push(`unseen classes: TAR ${percent(v.tarAtFar1e2)} at FAR 1 %`);
  return `${parts.join(', ')}.`;
}

/** Whether a new status is worth saying now, given the last one said and when (ms). */
export function shouldAnnounce(
  next: TrainerStatus,
  last: { state: string; run: number; step: number; at: number } | null,
  now: number,
): boolean {
  if (!last) return next.state !== 'loading';
  if (next.state !== last.state || next.run !== last.run) return true;
  if (next.state !== 'running') return next.step !== last.step; // a step while paused
  return now - last.at >= ANNOUNCE_MS;
}
