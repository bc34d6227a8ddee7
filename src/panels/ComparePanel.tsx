import { memo, useCallback, useMemo, useRef } from 'react';
import { useAppStore, useStatus } from '../state/store';
import type { FrameSlot } from '../view/frame/frameSlot';
import { PANEL_KEYS } from '../params/compare';
import type { ParamKey, Params } from '../params/table';
import { NoWebGL } from '../view/canvas/NoWebGL';
import type { PanelArea } from '../view/PanelScene';
import { useViewName } from '../view/useViewName';
import { classColor } from '../view/style/palette';
import type { RunState } from '../worker/protocol';
import { LossControls } from '../ui/LossControls';
import { degrees, lossText, percent } from '../ui/format';
import { statusAttributes } from '../ui/statusAttributes';

export interface PanelProps {
  index: number;
  title: string;
  params: Params;
  slot: { current: FrameSlot };
  dim: 2 | 3;
  classes: number;
  /** Shown alone (promoted), or one of the grid. */
  alone: boolean;
  onFocus: (focus: number) => void;
  setParam: (i: number, key: ParamKey, value: Params[ParamKey]) => void;
  /** The loss controls shown (embed mode's controls=); absent: all of the panel's. */
  controls?: readonly string[];
  /** Whether the page can draw (else the panel says why its picture is missing). */
  webgl: boolean;
  /** Hands the grid the element this panel's picture fills (drawn there, on the grid's shared canvas), or null when it goes. */
  onArea: (index: number, area: PanelArea | null) => void;
}

/** A panel's loss controls, folded over its view. Memoised: the panel's numbers change ten times a second. */
const PanelControls = memo(function PanelControls({
  index: i,
  params,
  setParam,
  classes,
  dim,
  only,
  open,
}: Pick<PanelProps, 'index' | 'params' | 'setParam' | 'classes' | 'dim'> & { only: readonly ParamKey[]; open: boolean }) {
  return (
    <details className="compare-controls" open={open || undefined}>
      <summary>Loss settings</summary>
      <LossControls
        params={params}
        setParam={(k, v) => setParam(i, k, v)}
        classes={classes}
        dim={dim}
        only={only}
        idPrefix={`panel${i}-`}
      />
    </details>
  );
});

/**
 * One panel of compare mode: its loss and parameters, the place of its picture (named for a screen
 * reader, focusable to orbit by keys), its live numbers and its loss controls.
 */
export const ComparePanel = memo(function ComparePanel(props: PanelProps) {
  const { index: i, title, params, slot, dim, classes, alone, onFocus, setParam, controls, webgl, onArea } = props;
  // Its own numbers from the store: a tick re-renders the panels whose numbers changed, not the grid.
  const model = useAppStore((s) => s.status.models[i] ?? s.status);
  const runState = useStatus((s) => s.state);
  const state: RunState = model.diverged ? 'diverged' : runState;
  const m = model.frame?.metrics;
  const only = useMemo(() => (controls ? PANEL_KEYS.filter((k) => controls.includes(k)) : PANEL_KEYS), [controls]);
  const tip = useRef<HTMLDivElement>(null);
  const { target: named, nameNow } = useViewName(params, classes, dim, slot, i);
  const track = useCallback(
    (el: HTMLDivElement | null) => {
      if (!el) return;
      named.current = el;
      nameNow();
      onArea(i, { track: el, tip });
      return () => onArea(i, null);
    },
    [i, named, nameNow, onArea],
  );
  return (
    <section className="compare-panel" data-compare-panel={i} aria-label={`Panel ${i + 1}: ${title}`}>
      <header className="compare-head">
        <span className="swatch" style={{ background: classColor(i) }} aria-hidden="true" />
        <h2 title={title}>{title}</h2>
        <button
          type="button"
          className="compare-focus"
          onClick={() => onFocus(alone ? 0 : i + 1)}
          aria-label={alone ? 'Back to every panel' : `Enlarge panel ${i + 1}`}
          title={alone ? 'Back to every panel' : 'Show this panel alone (the others keep training)'}
        >
          {alone ? '⤡ All panels' : '⤢'}
        </button>
      </header>
      <div className="compare-stage">
        {webgl ? (
          <>
            <div ref={track} className="view" role="img" data-dim={dim} />
            <div ref={tip} className="hover-tip" data-testid="hover-tip" hidden />
          </>
        ) : (
          <NoWebGL />
        )}
        {only.length > 0 && (
          <PanelControls index={i} params={params} setParam={setParam} classes={classes} dim={dim} only={only} open={alone} />
        )}
      </div>
      <div role="status" aria-live="off" className="compare-status" {...statusAttributes(model, state, params.loss)}>
        <span className={`state-dot state-${state}`} aria-hidden="true" />
        {/* Each number keeps its width (data-w: characters), so the line wraps the same way whatever the numbers are and the picture above never jumps. */}
        <span data-w="10">step {model.step.toLocaleString('en-US')}</span>
        <span data-w="9">loss {lossText(model.loss)}</span>
        <span data-w="9">test {percent(model.testAccuracy)}</span>
        <span data-w="10" title="intra-class spread of the training features">
          spread {degrees(m?.intraClassAngle)}
        </span>
        <span data-w="11" title="median angular margin of the test features">
          margin {degrees(m?.marginMedian)}
        </span>
      </div>
    </section>
  );
});
