import { memo, useMemo } from 'react';
import { FittedTex } from './FittedTex';
import { FORCE_CAPTION, forceTex, forceTexLines } from '../losses/forceTex';
import { lossDef } from '../losses/registry';
import type { Params } from '../params/table';
import type { Frame } from '../train/frame';
import { intuition, lossCaption, lossTex, lossTexLines, settingsOf } from './formulas';

/**
 * The loss of the frame shown in KaTeX with the values it was trained with (before the first
 * frame: the page's settings), corrected per docs/losses.md, its intuition, and the force it puts on a feature.
 */
export const FormulaPanel = memo(function FormulaPanel({ params: set, frame }: { params: Params; frame: Frame | null }) {
  const params = useMemo(() => settingsOf(set, frame?.spec), [set, frame?.spec]);
  // λ is NaN for a loss without the λ schedule, which its formula ignores.
  const tex = lossTex(params, frame?.lambda);
  const showcase = lossDef(params.loss).meta.showcase;
  const force = forceTex(params);
  return (
    <section className="formula" aria-labelledby="sec-formula" data-testid="formula" data-loss={params.loss}>
      <h2 id="sec-formula">Formula</h2>
      <FittedTex tex={tex} lines={lossTexLines(params, frame?.lambda)} className="formula-tex" />
      <p className="formula-caption">{lossCaption(params)}</p>
      <p className="formula-intuition">{intuition(params.loss)}</p>
      {showcase && <p className="formula-intuition">{showcase.lookFor}</p>}
      <h3 className="formula-force-title">The force on a feature</h3>
      <FittedTex tex={force} lines={forceTexLines(params)} className="formula-tex formula-force" />
      <p className="formula-intuition">{FORCE_CAPTION}</p>
    </section>
  );
});
