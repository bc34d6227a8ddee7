import { useCallback, useEffect, useRef, useState } from 'react';
import { decodeParams, encodeParams } from '../params/urlCodec';
import { marginOnLossChange } from '../params/values';
import type { ParamKey, Params } from '../params/table';

const WRITE_DELAY_MS = 250;

/**
 * Params held in the URL: read once on load (leniently, with notices), written back with
 * history.replaceState (debounced) as they change. The URL is rewritten at once on load, so a
 * corrected link is what the address bar shows.
 */
export function useUrlParams() {
  const [initial] = useState(() => decodeParams(window.location.search));
  const [params, setParams] = useState<Params>(initial.params);
  const [notices, setNotices] = useState<string[]>(initial.notices);
  const timer = useRef<number | undefined>(undefined);
  const first = useRef(true);

  useEffect(() => {
    const write = () => {
      const url = `${window.location.pathname}?${encodeParams(params)}${window.location.hash}`;
      window.history.replaceState(window.history.state, '', url);
    };
    if (first.current) {
      first.current = false;
      write();
      return;
    }
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(write, WRITE_DELAY_MS);
    return () => window.clearTimeout(timer.current);
  }, [params]);

  /** Sets one parameter; choosing a loss moves m into that loss's range. */
  const setParam = useCallback(<K extends ParamKey>(key: K, value: Params[K]) => {
    setParams((p) => {
      const next = { ...p, [key]: value };
      if (key === 'loss') next.m = marginOnLossChange(p.loss, next.loss, p.m) ?? next.m;
      return next;
    });
  }, []);

  /** Replaces every parameter at once (presets), or derives them from the current ones (postMessage). */
  const replaceParams = useCallback((next: Params | ((cur: Params) => Params)) => setParams(next), []);
  const dismissNotices = useCallback(() => setNotices([]), []);

  return { params, setParam, replaceParams, notices, setNotices, dismissNotices };
}
