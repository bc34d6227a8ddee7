// Guards at the worker boundary (pure: no tfjs, no DOM).
import type { Frame } from '../train/frame';
import { MAX_COMPARE } from '../params/table';
import type { ToWorker } from './protocol';

const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Steps a second: a finite number ≥ 0. */
const isPace = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Every command type (the type checker asks for each member of the protocol's union). */
const TYPES: Record<ToWorker['type'], true> = {
  init: true,
  setParams: true,
  pace: true,
  play: true,
  pause: true,
  step: true,
  snapshotRate: true,
  weights: true,
  checkpointNow: true,
  ping: true,
};

/** Structural check of a command: a known type, a numeric run id and the fields that type needs. */
export function isToWorker(v: unknown): v is ToWorker {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Record<string, unknown>;
  if (typeof m.type !== 'string' || !Object.hasOwn(TYPES, m.type) || typeof m.runId !== 'number') return false;
  switch (m.type) {
    case 'init':
      return (
        isObject(m.config) &&
        Array.isArray(m.models) &&
        m.models.length >= 1 &&
        m.models.length <= MAX_COMPARE &&
        m.models.every(isObject) &&
        isPace(m.pace) &&
        typeof m.assetBase === 'string'
      );
    case 'setParams':
      return isObject(m.params) && (m.model === undefined || (Number.isInteger(m.model) && (m.model as number) >= 0));
    case 'pace':
      return isPace(m.speed);
    case 'step':
      return typeof m.n === 'number' && Number.isFinite(m.n);
    case 'snapshotRate':
      return typeof m.hz === 'number' && Number.isFinite(m.hz);
    case 'weights':
      return Number.isInteger(m.requestId);
    default:
      return true;
  }
}

function firstNonFinite(a: Float32Array): number {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return i;
  return -1;
}

/** Why a frame cannot be shown (NaN/Inf in the loss, features or weights), or undefined when it is sound. */
export function frameProblem(f: Frame): string | undefined {
  if (f.step > 0 && !Number.isFinite(f.loss)) return `the loss is ${f.loss}`;
  if (firstNonFinite(f.train) >= 0 || firstNonFinite(f.test) >= 0 || firstNonFinite(f.heldout) >= 0) return 'a feature is NaN or infinite';
  if (firstNonFinite(f.W) >= 0) return 'a class weight is NaN or infinite';
  return undefined;
}
