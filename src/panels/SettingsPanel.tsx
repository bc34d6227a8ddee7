import { memo } from 'react';
import type { CustomData } from '../data/csv';
import type { ParamKey, Params } from '../params/table';
import { DataInput } from '../ui/DataInput';
import { ParamControl } from '../ui/ParamControl';

interface Props {
  params: Params;
  setParam: <K extends ParamKey>(key: K, value: Params[K]) => void;
}

const DATA_KEYS = [
  'dataset',
  'classes',
  'perClass',
  'noise',
  'idDims',
  'idScale',
  'holdout',
  'labelNoise',
  'noiseKind',
  'lowQuality',
  'testFraction',
  'dim',
  'hidden',
  'depth',
  'seed',
  'backend',
] as const;
const VIEW_KEYS = ['projection', 'show', 'forces', 'landscape', 'probe', 'showHeldout', 'rotate', 'theme', 'timeline'] as const;

/** Data and model (a change starts a new run) and the view settings. */
export const SettingsPanel = memo(function SettingsPanel({
  params,
  setParam,
  onData,
  custom,
}: Props & { onData: (d: CustomData) => void; custom?: CustomData }) {
  const hidden = (k: string) =>
    (k === 'classes' && (params.dataset === 'mnist' || params.dataset === 'custom')) ||
    (['perClass', 'noise', 'labelNoise', 'noiseKind', 'lowQuality'].includes(k) && ['mnist', 'custom'].includes(params.dataset)) ||
    (['idDims', 'idScale'].includes(k) && params.dataset !== 'identities') ||
    (k === 'showHeldout' && params.holdout === 0) ||
    (k === 'noiseKind' && params.labelNoise === 0);
  return (
    <>
      <section aria-labelledby="sec-data">
        <h2 id="sec-data">Data and model — a change starts a new run</h2>
        {DATA_KEYS.map((k) => (hidden(k) ? null : <ParamControl key={k} name={k} params={params} onChange={setParam} />))}
        <DataInput onData={onData} current={params.dataset === 'custom' ? custom : undefined} />
      </section>
      <section aria-labelledby="sec-view">
        <h2 id="sec-view">View</h2>
        {VIEW_KEYS.map((k) => (
          <ParamControl key={k} name={k} params={params} onChange={setParam} />
        ))}
      </section>
    </>
  );
});
