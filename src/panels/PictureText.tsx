import { useMemo } from 'react';
import { lossDef, type LossKind } from '../losses/registry';
import { summariseClasses } from '../metrics/classSummary';
import type { Frame, RunInfo } from '../train/frame';
import { SHAPE_GLYPHS, classColor, classShape } from '../view/style/palette';

const deg = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)}°` : '—');
const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : '—');

/**
 * The picture in words, for a reader who cannot see it: per class, its direction, its spread, how
 * well its test features are recognised and the nearest other class, in a table a screen reader
 * can browse (folded; it follows the frames shown).
 */
export function PictureText({ frame, info, lossKind, dim }: { frame: Frame | null; info: RunInfo | null; lossKind: LossKind; dim: 2 | 3 }) {
  const rows = useMemo(() => {
    if (!frame || !info || frame.train.length !== info.trainLabels.length * info.dim) return [];
    const D = info.dim;
    return summariseClasses(
      { x: frame.train, y: info.trainLabels, n: info.trainLabels.length, dim: D },
      { x: frame.test, y: info.testLabels, n: info.testLabels.length, dim: D },
      { W: frame.W, numClasses: info.numClasses, bias: frame.bias, mode: lossDef(lossKind).train.rawLogits ? 'logits' : 'cosine' },
    );
  }, [frame, info, lossKind]);
  return (
    <section aria-labelledby="sec-words">
      <details>
        <summary>
          <h2 id="sec-words">The picture in words</h2>
        </summary>
        {rows.length === 0 ? (
          <p className="muted small">No frame yet.</p>
        ) : (
          <div className="verify-scroll" tabIndex={0} role="region" aria-label="Classes in the picture">
            <table className="verify-table" data-testid="picture-text">
              <caption className="muted small">
                Step {frame?.step.toLocaleString('en')}: each class’s mean direction{' '}
                {dim === 3 ? '(azimuth and elevation)' : '(angle on the circle)'}, the mean angle of its training features to it, its test
                accuracy and the nearest other class.
              </caption>
              <thead>
                <tr>
                  <th scope="col">class</th>
                  <th scope="col">{dim === 3 ? 'azimuth, elevation' : 'angle'}</th>
                  <th scope="col">spread</th>
                  <th scope="col">test</th>
                  <th scope="col">nearest</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.label}>
                    <th scope="row">
                      {/* The class's marker as drawn (colour and shape); the text names it. */}
                      <span className="class-mark" style={{ color: classColor(r.label - 1) }} aria-hidden="true">
                        {SHAPE_GLYPHS[classShape(r.label - 1)]}
                      </span>{' '}
                      {r.label}
                    </th>
                    <td>{dim === 3 ? `${deg(r.azimuth)}, ${deg(r.elevation)}` : deg(r.azimuth)}</td>
                    <td>{deg(r.spread)}</td>
                    <td>{pct(r.testAccuracy)}</td>
                    <td>{r.nearest > 0 ? `class ${r.nearest}, ${deg(r.nearestAngle)} away` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </details>
    </section>
  );
}
