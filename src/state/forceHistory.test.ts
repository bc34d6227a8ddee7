import { describe, expect, it } from 'vitest';
import { appendForces, emptyForceRows } from './forceHistory';
import { initialStatus } from './status';
import type { Frame } from '../train/frame';

const frameAt = (step: number, turningForce: number) => ({ step, metrics: { turningForce } }) as unknown as Frame;

describe('the forces chart’s columns', () => {
  it('take each panel’s mean turning force at a new step, and nothing before a frame or at an old step', () => {
    const rows = emptyForceRows(2);
    const s = initialStatus(2);
    expect(appendForces(rows, s, 2)).toBe(false); // no frame yet
    const at = (step: number, a: number, b: number) => ({
      ...s,
      models: [
        { ...s.models[0]!, frame: frameAt(step, a) },
        { ...s.models[1]!, frame: frameAt(step, b) },
      ],
    });
    expect(appendForces(rows, at(100, 0.2, 0.3), 2)).toBe(true);
    expect(appendForces(rows, at(100, 0.1, 0.1), 2)).toBe(false); // the same step again (the timeline)
    expect(appendForces(rows, at(200, 0.05, 0.25), 2)).toBe(true);
    expect(rows).toEqual([
      [100, 200],
      [0.2, 0.05],
      [0.3, 0.25],
    ]);
    expect(appendForces(rows, at(300, 0.1, 0.1), 3)).toBe(false); // another number of panels
  });
});
