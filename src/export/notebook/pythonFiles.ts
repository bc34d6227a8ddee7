// The Python folder, bundled verbatim: the notebook's cells are these files (python/, tested by pytest).
import common from '../../../python/losses/common.py?raw';
import entry from '../../../python/losses/entry.py?raw';
import softmax from '../../../python/losses/softmax.py?raw';
import center from '../../../python/losses/center.py?raw';
import normface from '../../../python/losses/normface.py?raw';
import sphereface from '../../../python/losses/sphereface.py?raw';
import cosface from '../../../python/losses/cosface.py?raw';
import arcface from '../../../python/losses/arcface.py?raw';
import combined from '../../../python/losses/combined.py?raw';
import lsoftmax from '../../../python/losses/lsoftmax.py?raw';
import subcenter from '../../../python/losses/subcenter.py?raw';
import magface from '../../../python/losses/magface.py?raw';
import adaface from '../../../python/losses/adaface.py?raw';
import curricular from '../../../python/losses/curricular.py?raw';
import sphereface2 from '../../../python/losses/sphereface2.py?raw';
import rng from '../../../python/toydata/rng.py?raw';
import split from '../../../python/toydata/split.py?raw';
import identities from '../../../python/toydata/identities.py?raw';
import shapes from '../../../python/toydata/shapes.py?raw';
import corruption from '../../../python/toydata/corruption.py?raw';
import carried from '../../../python/toydata/carried.py?raw';
import toydata from '../../../python/toydata/__init__.py?raw';
import model from '../../../python/training/model.py?raw';
import schedule from '../../../python/training/schedule.py?raw';
import loop from '../../../python/training/loop.py?raw';
import metrics from '../../../python/training/metrics.py?raw';
import plot from '../../../python/training/plot.py?raw';
import type { LossKind } from '../../losses/registry';

/** Each loss's file, by kind (python/losses/<kind>.py). */
export const LOSS_FILES: Record<LossKind, string> = {
  softmax,
  center,
  normface,
  sphereface,
  cosface,
  arcface,
  combined,
  lsoftmax,
  subcenter,
  magface,
  adaface,
  curricular,
  sphereface2,
};

/** The shared loss helpers, by module name (a loss file's `from .name import`). */
export const LOSS_HELPERS: Record<string, string> = { common, entry };

/** The data generator (python/toydata/), in the order its parts depend on each other. */
export const DATA_FILES = [rng, split, identities, shapes, corruption, carried, toydata];

/** Training (python/training/): model, schedule, loop, measurements, the figure. */
export const TRAINING_FILES = { model, schedule, loop, metrics, plot };
