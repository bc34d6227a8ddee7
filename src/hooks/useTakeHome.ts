import { useCallback, useEffect, useRef } from 'react';
import type { CustomData } from '../data/csv';
import { viewTitle } from '../params/compare';
import type { Params } from '../params/table';
import { useAppStore } from '../state/store';
import { liveOf } from '../train/fromParams';
import { CLASS_COLORS } from '../view/style/palette';
import type { TakeHomeFormat } from '../export/notebook/takeHome';

/** What a save says: the file and what to do with it, or why it failed. */
export interface TakeHomeMessage {
  text: string;
  error: boolean;
}

/**
 * The run as a PyTorch notebook or script, made in the page. It knows whether the live settings
 * changed since the run began: such a run is exported as a fresh run of the current settings.
 */
export function useTakeHome(params: Params, custom?: CustomData) {
  const run = useAppStore((s) => s.status.run);
  const settings = JSON.stringify({ live: liveOf(params), compare: params.compare });
  const latest = useRef(settings);
  latest.current = settings;
  const atStart = useRef(settings);
  useEffect(() => {
    atStart.current = latest.current;
  }, [run]);

  return useCallback(
    async (format: TakeHomeFormat): Promise<TakeHomeMessage> => {
      try {
        const [{ takeHomeFile }, { download, fileName }, { encodeParams }] = await Promise.all([
          import('../export/notebook/takeHome'),
          import('../export/compose'),
          import('../params/urlCodec'),
        ]);
        const { status } = useAppStore.getState();
        const frames = status.models.map((m) => m.frame);
        // The app's numbers are its latest frame's: the notebook trains to that frame's step (the
        // status may already stand a few steps further).
        const step = frames[0]?.step ?? status.models[0]?.step ?? status.step;
        const fresh = step > 0 && atStart.current !== latest.current;
        const link = new URL(`?${encodeParams({ ...params, tour: 0 })}`, window.location.href).href;
        const name = fileName(['hypersphere', viewTitle(params)], format).replace(/\.\w+$/, '');
        const file = await takeHomeFile(params, format, {
          link,
          frames,
          step,
          fresh,
          palette: CLASS_COLORS,
          assetBase: document.baseURI,
          ...(custom ? { custom } : {}),
          name,
        });
        download(file.blob, `${name}.${file.ext}`);
        const what = format === 'ipynb' ? 'notebook' : 'script';
        const steps = step > 0 ? `${step} steps` : '1,000 steps (the run had not started)';
        const carried = file.carried ? `, with the data beside it in ${name}.zip (a link cannot rebuild it)` : '';
        const again = fresh ? ' The settings changed during the run: it trains the current ones from step 0.' : '';
        return { text: `Saved the ${what}${carried}: ${steps}, from this link's seed.${again}`, error: false };
      } catch (e) {
        return {
          text: `The ${format === 'ipynb' ? 'notebook' : 'script'} was not saved: ${e instanceof Error ? e.message : String(e)}.`,
          error: true,
        };
      }
    },
    [params, custom],
  );
}
