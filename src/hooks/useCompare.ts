import { useCallback, useMemo } from 'react';
import { entryParams, panelTitle, setEntryParam } from '../params/compare';
import type { ParamKey, Params } from '../params/table';
import { CameraLink } from '../view/camera/cameraLink';

/**
 * Compare mode's state, derived from the URL's `compare=` entries: each panel's parameters and
 * title, setters that rewrite one entry, the promoted panel, and the cameras' link.
 */
export function useCompare(params: Params, replaceParams: (next: (cur: Params) => Params) => void) {
  const on = params.compare.length >= 2;
  const models = useMemo(() => (on ? params.compare.map((e) => entryParams(params, e)) : [params]), [on, params]);
  const titles = useMemo(() => (on ? models.map((p, i) => panelTitle(p, params.compare[i]!)) : []), [on, models, params.compare]);
  const setPanelParam = useCallback(
    <K extends ParamKey>(i: number, key: K, value: Params[K]) =>
      replaceParams((cur) => ({ ...cur, compare: setEntryParam(cur.compare, i, key, value) })),
    [replaceParams],
  );
  const setFocus = useCallback((focus: number) => replaceParams((cur) => ({ ...cur, focus })), [replaceParams]);
  const link = useMemo(() => new CameraLink(), []);
  return { on, models, titles, setPanelParam, setFocus, link };
}
