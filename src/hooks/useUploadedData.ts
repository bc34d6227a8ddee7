import { useCallback, useEffect, useRef, useState } from 'react';
import type { CustomData } from '../data/csv';
import type { ParamKey, Params } from '../params/table';

/**
 * Data the user uploaded or pasted: held in the page (a link cannot carry it) under a key that
 * changes with every upload, so each upload starts a new run. "Your data" chosen from the menu
 * with nothing uploaded falls back to the identities with a notice.
 */
export function useUploadedData(
  dataset: Params['dataset'],
  setParam: <K extends ParamKey>(key: K, value: Params[K]) => void,
  setNotices: (n: string[]) => void,
) {
  const [uploaded, setUploaded] = useState<{ data: CustomData; key: string } | undefined>();
  const count = useRef(0);
  const onData = useCallback(
    (data: CustomData) => {
      count.current += 1;
      setUploaded({ data, key: `${data.source}#${count.current}` });
      setParam('dataset', 'custom');
    },
    [setParam],
  );
  useEffect(() => {
    if (dataset === 'custom' && !uploaded) {
      setParam('dataset', 'identities');
      setNotices(['Choose a CSV file or paste one under "Your data" first; the identities stay.']);
    }
  }, [dataset, uploaded, setParam, setNotices]);
  return { uploaded, onData };
}
