// The app's ways of changing many settings at once: a preset's link, a loaded run, and a partial
// set from the tour or the embed API (to every compare panel, or to one).
import { useCallback } from 'react';
import { useAppStore } from '../state/store';
import { decodeParams } from '../params/urlCodec';
import { parseSweep } from '../params/sweep';
import { clampMargin } from '../params/margin';
import { applyToPanels } from '../params/compare';
import type { Params } from '../params/table';

export function useParamActions() {
  const { replaceParams, setNotices, requestReset, setSweep } = useAppStore.getState();
  /** A preset's query: its settings and sweep, with its notices; a new run. */
  const applyPreset = useCallback(
    (query: string) => {
      const d = decodeParams(query);
      const sweep = parseSweep(query, d.params.loss);
      replaceParams(d.params);
      setSweep(sweep.sweep);
      setNotices([...d.notices, ...sweep.notices]);
      requestReset();
    },
    [replaceParams, setSweep, setNotices, requestReset],
  );
  /** A run file's settings: a new run with them. */
  const loadRun = useCallback(
    (p: Params) => {
      replaceParams(p);
      requestReset();
    },
    [replaceParams, requestReset],
  );
  /** Settings from the tour or the embed API: merged, to one compare panel or to every one. */
  const mergeParams = useCallback(
    (p: Partial<Params>, panel?: number) =>
      replaceParams((cur) => (cur.compare.length >= 2 ? applyToPanels(cur, p, panel) : clampMargin({ ...cur, ...p }))),
    [replaceParams],
  );
  return { applyPreset, loadRun, mergeParams };
}
