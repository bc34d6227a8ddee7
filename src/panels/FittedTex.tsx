import katex from 'katex';
import 'katex/dist/katex.min.css';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { stackedTex, texLines } from '../losses/tex';

/** The smallest scale a formula is drawn at: below it, the stacked form (or, failing that, scrolling). */
const MIN_SCALE = 0.8;
/** A one-line formula this close to fitting is scaled rather than stacked. */
const LINE_SCALE = 0.9;

const render = (tex: string) => katex.renderToString(tex, { displayMode: true, throwOnError: false, output: 'htmlAndMathml' });

/** How a formula was fitted to its box (data-fit, for tests): whole, stacked at its breaks, or still too wide (it scrolls). */
type Fit = 'line' | 'lines' | 'overflow';

/**
 * Draws `html` in `box` at the largest scale (1 down to `min`) at which it fits; returns whether it
 * fits (not fitting, it stays at `min`). The scale applies to KaTeX's block, whose sizes are all in em.
 */
function tryForm(box: HTMLElement, html: string, min: number): boolean {
  box.innerHTML = html;
  const inner = box.firstElementChild as HTMLElement | null;
  if (!inner) return true;
  const room = box.clientWidth;
  const wide = box.scrollWidth;
  if (wide <= room) return true;
  // The width is not quite proportional to the scale (rules and struts round to pixels): step down until it fits.
  let scale = Math.max(min, Math.floor((room / wide) * 100) / 100);
  for (;;) {
    inner.style.fontSize = `${scale * 100}%`;
    box.dataset.scale = scale.toFixed(2);
    if (box.scrollWidth <= box.clientWidth) return true;
    if (scale <= min) return false;
    scale = Math.max(min, scale - 0.01);
  }
}

/**
 * A formula that fits its box: rendered, then measured. Wider than the box, it is scaled (a little),
 * or stacked in lines (the loss's own, or its breaks: losses/tex.ts texLines)
 * and scaled down to 80 % at most; only a formula that still does not fit scrolls sideways.
 * It fits again when the box changes width (a narrower window, the side panel resized).
 */
export const FittedTex = memo(function FittedTex({ tex, lines: given, className }: { tex: string; lines?: string[]; className: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [fontLoads, setFonts] = useState(0);
  const key = given?.join('\n');
  const forms = useMemo(() => {
    const lines = key?.split('\n') ?? texLines(tex);
    return { line: render(tex), lines: lines.length > 1 ? render(stackedTex(lines)) : null };
  }, [tex, key]);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    // KaTeX's fonts arrive after the first measure, and change every width: measure again then.
    const fonts = () => setFonts((n) => n + 1);
    document.fonts.addEventListener('loadingdone', fonts);
    return () => {
      observer.disconnect();
      document.fonts.removeEventListener('loadingdone', fonts);
    };
  }, []);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    delete el.dataset.scale;
    let fit: Fit = 'line';
    if (!tryForm(el, forms.line, forms.lines ? LINE_SCALE : MIN_SCALE)) {
      if (forms.lines) delete el.dataset.scale;
      fit = forms.lines && tryForm(el, forms.lines, MIN_SCALE) ? 'lines' : 'overflow';
    }
    el.dataset.fit = fit;
  }, [forms, width, fontLoads]);
  // Our own TeX (numbers substituted from validated params, or the tour's text), never URL text.
  return <div ref={box} className={className} tabIndex={0} role="group" aria-label="Formula" data-testid="formula-box" />;
});
