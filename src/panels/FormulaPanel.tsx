import katex from 'katex';
import 'katex/dist/katex.min.css';
import { memo, useMemo } from 'react';
import type { Params } from '../params/table';
import type { Frame } from '../train/frame';
import { intuition, lossCaption, lossTex, settingsOf } from './formulas';

/**
 * The loss of the frame shown in KaTeX with the values it was trained with (before the first
 * frame: the page's settings), corrected per docs/losses.md, and its intuition.
 */
export const FormulaPanel = memo(function FormulaPanel({ params: set, frame }: { params: Params; frame: Frame | null }) {
  const params = useMemo(() => settingsOf(set, frame?.spec), [set, frame?.spec]);
  // λ is NaN for a loss without the λ schedule, which its formula ignores.
  const tex = lossTex(params, frame?.lambda);
  // KaTeX renders our own TeX (numbers substituted from validated params), never URL text.
  const html = useMemo(() => katex.renderToString(tex, { displayMode: true, throwOnError: false, output: 'htmlAndMathml' }), [tex]);
  return (
    <section className="formula" aria-labelledby="sec-formula" data-testid="formula" data-loss={params.loss}>
      <h2 id="sec-formula">Formula</h2>
      <div
        className="formula-tex"
        tabIndex={0}
        role="group"
        aria-label="Formula (scrolls sideways when wide)"
        dangerouslySetInnerHTML={{ __html: html }}
      />
      <p className="formula-caption">{lossCaption(params)}</p>
      <p className="formula-intuition">{intuition(params.loss)}</p>
    </section>
  );
});
