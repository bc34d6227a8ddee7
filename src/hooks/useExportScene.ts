import { useCallback, useRef } from 'react';
import { useAppStore } from '../state/store';
import { viewTitle } from '../params/compare';
import type { Params } from '../params/table';
import type { ExportScene } from '../ui/savePng';

/**
 * What "Save PNG" and "Record" capture, read when they are clicked: the panels shown (the single
 * view, every compare panel, or the one shown alone), each captioned with its loss, parameters
 * and step; the file is named after the same.
 */
export function useExportScene(params: Params, models: Params[], titles: string[]): () => ExportScene {
  const latest = useRef({ params, models, titles });
  latest.current = { params, models, titles };
  return useCallback(() => {
    const { params: p, models: ms, titles: ts } = latest.current;
    const st = useAppStore.getState().status;
    const stepOf = (i: number) => (st.models[i] ?? st).step;
    const step = (i: number) => `step ${stepOf(i).toLocaleString('en-US')}`;
    if (ms.length < 2) {
      const title = viewTitle(p);
      return { panels: [{ panel: 0, caption: `${title} · ${step(0)}` }], name: [title, `step ${stepOf(0)}`] };
    }
    const shown = p.focus > 0 ? [p.focus - 1] : ms.map((_, i) => i);
    return {
      panels: shown.map((i) => ({ panel: i, caption: `${ts[i]} · ${step(i)}` })),
      name: [shown.length === 1 ? ts[shown[0]!]! : viewTitle(p), `step ${stepOf(shown[0]!)}`],
    };
  }, []);
}
