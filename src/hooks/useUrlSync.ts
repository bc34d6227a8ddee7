import { useEffect } from 'react';
import { encodeParams } from '../params/urlCodec';
import { encodeSweep } from '../params/sweep';
import type { Params } from '../params/table';
import { useAppStore } from '../state/store';

const WRITE_DELAY_MS = 250;

/**
 * Keeps the URL in step with the store's params (and its sweep, after them): rewritten at once on load (so a corrected link
 * is what the address bar shows), then with history.replaceState, debounced, as they change.
 */
export function useUrlSync(): void {
  useEffect(() => {
    const write = (p: Params) => {
      const sweep = useAppStore.getState().sweep;
      const url = `${window.location.pathname}?${encodeParams(p)}${sweep ? `&${encodeSweep(sweep)}` : ''}${window.location.hash}`;
      window.history.replaceState(window.history.state, '', url);
    };
    write(useAppStore.getState().params);
    let timer: number | undefined;
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      if (s.params === prev.params && s.sweep === prev.sweep) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => write(useAppStore.getState().params), WRITE_DELAY_MS);
    });
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, []);
}
