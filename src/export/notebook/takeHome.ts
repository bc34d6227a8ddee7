// The take-home files for the page: the notebook (.ipynb) or the script (.py), zipped with an .npz
// of the data when a link cannot rebuild it (MNIST, an upload).
import type { CustomData } from '../../data/csv';
import { datasetChecksum } from '../../data/checksum';
import type { Params } from '../../params/table';
import { structureOf } from '../../train/fromParams';
import { takeHomeCells } from './cells';
import { toIpynb, toScript } from './formats';
import { takeHomeInput, type TakeHomeContext } from './fromParams';
import { datasetNpz, zipOf } from './npz';
import { runDataset } from './runData';

export type TakeHomeFormat = 'ipynb' | 'py';

/** The .npz a carried dataset travels in, beside the notebook. */
export const CARRIED_DATA = 'hypersphere-data.npz';

export interface TakeHomeFile {
  /** The file's bytes and type. */
  blob: Blob;
  /** Its extension: the format's, or zip when the data rides along. */
  ext: TakeHomeFormat | 'zip';
  /** Whether the data rides along in the zip. */
  carried: boolean;
}

/** The notebook or script of the current run, made in the page from its link (no server). */
export async function takeHomeFile(
  params: Params,
  format: TakeHomeFormat,
  context: Omit<TakeHomeContext, 'checksum' | 'carried'> & { assetBase: string; custom?: CustomData; name: string },
): Promise<TakeHomeFile> {
  const uploaded = context.custom ? { numClasses: context.custom.numClasses, key: 'upload' } : undefined;
  const { data, carried } = await runDataset(structureOf(params, uploaded), context.assetBase, context.custom);
  const input = takeHomeInput(params, { ...context, ...(carried ? { carried: CARRIED_DATA } : { checksum: datasetChecksum(data) }) });
  const cells = takeHomeCells(input);
  const text = format === 'ipynb' ? toIpynb(cells) : toScript(cells);
  if (!carried)
    return { blob: new Blob([text], { type: format === 'ipynb' ? 'application/x-ipynb+json' : 'text/x-python' }), ext: format, carried };
  const zip = zipOf({ [`${context.name}.${format}`]: text, [CARRIED_DATA]: datasetNpz(data) });
  return { blob: new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), ext: 'zip', carried };
}
