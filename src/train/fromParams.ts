// Params → the trainer's structural config and live parameters.
import type { LiveParams, StructuralConfig } from './config';
import { PARAMS, defaultParams, type LiveKey, type ParamDef, type Params } from '../params/table';
import { holdoutLimit } from '../params/holdout';

/** What the trainer needs to know of uploaded data: its class count and a name for it. */
export interface UploadedData {
  numClasses: number;
  key: string;
}

/** The structural part: a change here starts a new run. MNIST has 10 classes, uploaded data its own. */
export function structureOf(p: Params, uploaded?: UploadedData): StructuralConfig {
  const custom = p.dataset === 'custom' && uploaded !== undefined;
  const dataset = p.dataset === 'custom' && !uploaded ? 'identities' : p.dataset;
  const classes = p.dataset === 'mnist' ? 10 : custom ? uploaded.numClasses : p.classes;
  return {
    dataset,
    ...(custom ? { dataKey: uploaded.key } : {}),
    classes,
    perClass: p.perClass,
    noise: p.noise,
    idDims: p.idDims,
    idScale: p.idScale,
    // More than the data allows is clamped here too: a class count changed under it, or an upload.
    holdout: Math.min(p.holdout, holdoutLimit(dataset, classes)),
    labelNoise: p.labelNoise,
    noiseKind: p.noiseKind,
    lowQuality: p.lowQuality,
    testFraction: p.testFraction,
    dim: p.dim === '2' ? 2 : 3,
    hidden: p.hidden,
    depth: p.depth,
    seed: p.seed,
    backend: p.backend,
  };
}

const LIVE_KEYS = (PARAMS as readonly ParamDef[]).filter((d) => d.scope === 'live').map((d) => d.key as LiveKey);

/** The live part: sent to the running trainer as it changes. */
export function liveOf(p: Params): LiveParams {
  return Object.fromEntries(LIVE_KEYS.map((k) => [k, p[k]])) as LiveParams;
}

/** Defaults of the trainer, from the parameter table. */
export const DEFAULT_STRUCTURE: StructuralConfig = structureOf(defaultParams());
export const DEFAULT_LIVE: LiveParams = liveOf(defaultParams());
