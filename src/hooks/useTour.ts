import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { ParamKey, Params } from '../params/table';
import { decodeParams } from '../params/urlCodec';
import { TOUR_STEPS } from '../tour/steps';
import { parseSweep } from '../params/sweep';
import { useAppStore } from '../state/store';

interface Deps {
  params: Params;
  setParam: <K extends ParamKey>(key: K, value: Params[K]) => void;
  replaceParams: (next: Params | ((cur: Params) => Params)) => void;
  /** Starts a fresh run once the new params have rendered. */
  requestReset: () => void;
}

/**
 * The lecture tour's state: entering a step (from the URL, Next/Previous, a key or the step list)
 * loads its run, keeping the page's own keys (embed, controls, play, theme, rotate, backend).
 */
export function useTour({ params, setParam, replaceParams, requestReset }: Deps) {
  const step = params.tour > 0 ? TOUR_STEPS[params.tour - 1] : undefined;
  const applied = useRef(0);
  useEffect(() => {
    if (params.tour === applied.current) return;
    applied.current = params.tour;
    const s = TOUR_STEPS[params.tour - 1];
    if (!s) return;
    const run = decodeParams(s.query).params;
    // A step is a whole state: its sweep (the "why 512-D" step's), or none.
    useAppStore.getState().setSweep(parseSweep(s.query, run.loss).sweep);
    replaceParams((cur) => ({
      ...run,
      tour: cur.tour,
      embed: cur.embed,
      controls: cur.controls,
      play: cur.play,
      theme: cur.theme,
      rotate: cur.rotate,
      backend: cur.backend,
    }));
    requestReset();
  }, [params.tour, replaceParams, requestReset]);
  const goTo = useCallback((n: number) => setParam('tour', Math.max(1, Math.min(TOUR_STEPS.length, n))), [setParam]);
  const keys = useMemo(() => ({ next: () => goTo(params.tour + 1), prev: () => goTo(params.tour - 1) }), [goTo, params.tour]);
  const cue = useMemo(() => step && { anchor: step.cue.anchor, label: step.cue.label }, [step]);
  const exit = useCallback(() => setParam('tour', 0), [setParam]);
  return { step, goTo, keys, cue, exit };
}
