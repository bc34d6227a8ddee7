import type { FrameSlot, TrainerStatus } from '../hooks/useTrainer';
import type { ParamKey, Params } from '../params/table';
import type { CameraLink } from '../view/cameraLink';
import type { CaptureRegistry } from '../view/capture';
import type { ThemeColors } from '../view/palette';
import type { ViewProps } from '../view/Scene';
import { ComparePanel } from './ComparePanel';

interface Props {
  models: Params[];
  titles: string[];
  slots: { current: FrameSlot }[];
  status: TrainerStatus;
  theme: ThemeColors;
  dim: 2 | 3;
  classes: number;
  reducedMotion: boolean;
  link: CameraLink;
  /** The panel shown alone, 1-based; 0: the grid. */
  focus: number;
  onFocus: (focus: number) => void;
  setParam: (i: number, key: ParamKey, value: Params[ParamKey]) => void;
  controls?: readonly string[];
  /** The lecture tour's cue, drawn on the first panel shown. */
  cue?: ViewProps['cue'];
  capture?: CaptureRegistry;
}

/** Columns for n panels: side by side up to three, then two rows. */
const columns = (n: number) => (n <= 3 ? n : n === 4 ? 2 : 3);

/** Compare mode's small multiples: one panel per entry, or the promoted one alone (the others keep training). */
export function CompareGrid({ models, titles, slots, status, focus, cue, ...rest }: Props) {
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
          model={status.models[i] ?? status}
          state={status.state}
          alone={focus > 0}
          cue={i === shown[0] ? cue : undefined}
          {...rest}
        />
      ))}
    </div>
  );
}
