import { gridColumns as columns } from '../export/compose';
import type { FrameSlot } from '../view/frameSlot';
import type { Params } from '../params/table';
import { ComparePanel, type PanelProps } from '../panels/ComparePanel';

/** The grid takes what every panel shares; each panel's own params, slot and numbers it picks by index. */
type Props = Omit<PanelProps, 'index' | 'title' | 'params' | 'slot' | 'alone'> & {
  models: Params[];
  titles: string[];
  slots: { current: FrameSlot }[];
  /** The panel shown alone, 1-based; 0: the grid. */
  focus: number;
};

/** Compare mode's small multiples: one panel per entry, or the promoted one alone (the others keep training). */
export function CompareGrid({ models, titles, slots, focus, cue, ...rest }: Props) {
  const shown = focus > 0 ? [focus - 1] : models.map((_, i) => i);
  return (
    <div className="compare-grid" style={{ gridTemplateColumns: `repeat(${columns(shown.length)}, minmax(0, 1fr))` }} data-panels={models.length} data-columns={columns(shown.length)}>
      {shown.map((i) => (
        <ComparePanel
          key={i}
          index={i}
          title={titles[i] ?? ''}
          params={models[i]!}
          slot={slots[i]!}
          alone={focus > 0}
          cue={i === shown[0] ? cue : undefined}
          {...rest}
        />
      ))}
    </div>
  );
}
