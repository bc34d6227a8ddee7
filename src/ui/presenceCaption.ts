// The run's state as the status bar and the embed API word it (pure).
import type { Presence } from '../client/presenceGate';
import type { RunState } from '../worker/protocol';

/** "paused (not visible)" for an embed that is not seen (it trains nothing), else the run's state. */
export function presenceCaption(state: RunState, presence: Presence): string {
  return presence === 'shown' || state === 'error' || state === 'diverged' ? state : 'paused (not visible)';
}
