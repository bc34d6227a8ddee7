import { useCallback, useState } from 'react';
import type { RunFile } from '../export/runFile';
import { useAppStore } from '../state/store';
import type { ModelWeights } from '../client/trainerClient';
import { viewTitle } from '../params/compare';
import type { Params } from '../params/table';
import { decodeParams, encodeParams } from '../params/urlCodec';
import type { StoredRun } from '../state/runHistory';

interface Deps {
  params: Params;
  titles: string[];
  requestWeights: () => Promise<ModelWeights[]>;
  replaceParams: (next: Params) => void;
  requestReset: () => void;
  /** Shows what the file's link could not carry (uploaded data) or had to correct. */
  setNotices: (n: string[]) => void;
}

/**
 * Run files for the page: the current run as a file (its link, seed, history and the worker's
 * final weights), and a loaded file's settings applied (a fresh run) with its curves kept to draw
 * beside the live ones. The page's own keys (embed, theme, …) stay as they are.
 */
export function useRunFile({ params, titles, requestWeights, replaceParams, requestReset, setNotices }: Deps) {
  const [stored, setStored] = useState<StoredRun | undefined>(undefined);
  const title = viewTitle(params);
  const makeFile = useCallback(async (): Promise<RunFile> => {
    const [weights, { makeRunFile }] = await Promise.all([requestWeights(), import('../export/runFile')]);
    return makeRunFile(
      encodeParams({ ...params, tour: 0 }),
      params.seed,
      titles.length ? titles : [title],
      useAppStore.getState().history.rows,
      weights,
    );
  }, [params, titles, title, requestWeights]);
  const onImport = useCallback(
    (file: RunFile) => {
      const { params: p, notices } = decodeParams(file.query);
      setNotices(notices);
      replaceParams({ ...p, embed: params.embed, controls: params.controls, theme: params.theme, caption: params.caption });
      requestReset();
      setStored({ label: `stored (${file.panels[0] ?? 'run'})`, rows: file.history });
    },
    [params.embed, params.controls, params.theme, params.caption, replaceParams, requestReset, setNotices],
  );
  return { stored, makeFile, onImport, name: () => [title] };
}
