// How many classes a dataset can hold out, and whether its held-out classes can be told apart (pure).
import { MAX_HOLDOUT, type Params } from './table';

/** Colours the view has for classes: trained and held-out classes together. */
export const MAX_DRAWN_CLASSES = 12;

/**
 * The most classes `dataset` can hold out with `classes` classes: identities add new ones (the
 * trained and held-out classes share the 12 colours); the other sets hold out their last classes
 * and keep at least 2 to train on.
 */
export function holdoutLimit(dataset: Params['dataset'], classes: number): number {
  const room = dataset === 'identities' ? MAX_DRAWN_CLASSES - classes : classes - 2;
  return Math.max(0, Math.min(MAX_HOLDOUT, room));
}

/** The identities settings below which held-out identities do not generalise (the open-set lesson's measurements). */
const GENERALISING = { maxDims: 12, minScale: 3 };

/**
 * Notes on held-out classes (plain text): more than the data allows (`classes` is the data's class
 * count: MNIST's 10, an upload's own), or identities that cannot generalise.
 */
export function holdoutNotes(p: Params, classes: number): string[] {
  if (p.holdout === 0) return [];
  const limit = holdoutLimit(p.dataset, classes);
  if (p.holdout > limit) return [holdoutLimitNote(p.dataset, p.holdout, limit)];
  if (p.dataset !== 'identities' || (p.idDims <= GENERALISING.maxDims && p.idScale >= GENERALISING.minScale)) return [];
  return [
    `Held-out identities on this data barely generalise (measured AUC about 0.55–0.6 for every loss): ` +
      `the identity means fill all 32 input dimensions at the nuisance's scale. Set idDims ≤ ${GENERALISING.maxDims} and idScale ≥ ${GENERALISING.minScale} ` +
      `(the open-set presets use idDims 6, idScale 5.66), or pick an “Open set” preset.`,
  ];
}

/** Why `holdout` was cut to `limit`. */
export function holdoutLimitNote(dataset: Params['dataset'], holdout: number, limit: number): string {
  const why = dataset === 'identities' ? 'trained and held-out identities share 12 colours' : 'at least 2 classes must be left to train on';
  return `Held-out classes (holdout): ${holdout} is more than this data allows (${why}); holding out ${limit}.`;
}
