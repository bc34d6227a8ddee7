// The picture in words, per class: where each class sits, how wide it is, how well it is recognised
// and which class is nearest (pure: a screen reader's view of a frame).
import { angleBetween } from './geometry';
import { classMeanDirections, classSpreads, predict, type Classifier, type Labeled } from './metrics';

/** One class, as the text alternative reads it; angles in degrees. */
export interface ClassSummary {
  /** Class number from 1. */
  label: number;
  /** 3-D: azimuth (−180°…180°, from +x toward +y) and elevation (−90°…90°, toward +z); 2-D: the angle (azimuth) and elevation 0. */
  azimuth: number;
  elevation: number;
  /** Mean angle of its training features to their mean direction. */
  spread: number;
  /** Share of its test features classified right (NaN with none). */
  testAccuracy: number;
  /** The class whose mean direction is nearest, and the angle to it. */
  nearest: number;
  nearestAngle: number;
}

const DEG = 180 / Math.PI;

/** Every class of a frame, summarised from its training and test features and the classifier. */
export function summariseClasses(train: Labeled, test: Labeled, clf: Classifier): ClassSummary[] {
  const C = clf.numClasses;
  const D = train.dim;
  const means = classMeanDirections(train, C);
  const { spread } = classSpreads(train, means, C);
  const pred = predict(test, clf);
  const right = new Float64Array(C);
  const seen = new Float64Array(C);
  for (let i = 0; i < test.n; i++) {
    seen[test.y[i]!]! += 1;
    if (pred[i] === test.y[i]) right[test.y[i]!]! += 1;
  }
  return means.map((m, c) => {
    let nearest = -1;
    let nearestAngle = Infinity;
    means.forEach((o, j) => {
      if (j === c) return;
      const a = angleBetween(m, o);
      if (a < nearestAngle) {
        nearestAngle = a;
        nearest = j;
      }
    });
    const [x = 0, y = 0, z = 0] = Array.from(m);
    return {
      label: c + 1,
      azimuth: Math.atan2(y, x) * DEG,
      elevation: D > 2 ? Math.atan2(z, Math.hypot(x, y)) * DEG : 0,
      spread: spread[c]! * DEG,
      testAccuracy: seen[c]! ? right[c]! / seen[c]! : NaN,
      nearest: nearest + 1,
      nearestAngle: nearest >= 0 ? nearestAngle * DEG : NaN,
    };
  });
}
