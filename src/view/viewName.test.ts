import { describe, expect, it } from 'vitest';
import { defaultParams } from '../params/table';
import { viewName } from './viewName';

describe('viewName', () => {
  it('says what the picture shows: classes, where, the loss and its settings, the step', () => {
    expect(viewName(defaultParams(), 8, 3, 1200, 0)).toBe('8 classes on the sphere, ArcFace m = 0.3, s = 10, step 1,200');
    expect(viewName({ ...defaultParams(), loss: 'softmax', projection: 'raw' }, 6, 2, 5, 0)).toBe(
      '6 classes on the circle (raw features), Softmax, step 5',
    );
    expect(viewName(defaultParams(), 8, 3, 0, 4)).toBe(
      '8 classes on the sphere, and 4 held-out classes as hollow rings, ArcFace m = 0.3, s = 10, step 0',
    );
  });
});
