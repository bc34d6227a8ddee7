import { classColor, classShape, SHAPE_GLYPHS } from '../view/style/palette';
import { lossGradientCss, lossPosition, LOSS_TICKS } from '../view/style/lossRamp';

/**
 * The loss landscape's scale, at the picture's foot: which class's loss colours the sphere, and
 * the colour of each decade of ℓ (one scale for every panel). `raised`: above compare panels' footers.
 */
export function LandscapeLegend({ choice, classes, raised = false }: { choice: string; classes: number; raised?: boolean }) {
  const cls = choice === 'hover' ? null : Math.min(Number(choice), classes);
  return (
    <figure
      className={`landscape-legend${raised ? ' landscape-legend-raised' : ''}`}
      data-testid="landscape-legend"
      data-class={cls ?? 'hover'}
    >
      <figcaption>
        Loss ℓ a feature of{' '}
        {cls === null ? (
          'the class under the pointer'
        ) : (
          <>
            class{' '}
            <span style={{ color: classColor(cls - 1) }} aria-hidden="true">
              {SHAPE_GLYPHS[classShape(cls - 1)]}
            </span>{' '}
            {cls}
          </>
        )}{' '}
        would incur here
      </figcaption>
      <div className="landscape-bar" style={{ background: lossGradientCss() }} aria-hidden="true" />
      <div className="landscape-ticks" aria-label="from 0.01 (dark) to 100 (light), one step a decade">
        {LOSS_TICKS.map((t) => (
          <span key={t} style={{ left: `${100 * lossPosition(t)}%` }}>
            {t}
          </span>
        ))}
      </div>
    </figure>
  );
}
