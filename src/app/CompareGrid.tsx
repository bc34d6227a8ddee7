import { useCallback, useRef, useState } from 'react';
import { gridColumns as columns } from '../export/compose';
import type { FrameSlot } from '../view/frame/frameSlot';
import type { Params } from '../params/table';
import { ComparePanel, type PanelProps } from '../panels/ComparePanel';
import { useAppStore, useStatus } from '../state/store';
import { detectSoftwareRenderer } from '../env/renderer';
import { hasWebGL } from '../view/canvas/webgl';
import { PanelScene, type PanelArea } from '../view/PanelScene';
import { SharedCanvas } from '../view/canvas/SharedCanvas';
import type { CameraLink } from '../view/camera/cameraLink';
import type { CaptureRegistry } from '../view/canvas/capture';
import type { ViewProps } from '../view/Scene';
import type { ThemeColors } from '../view/style/palette';

/** The grid takes what every panel shares; each panel's own params, slot and numbers it picks by index. */
type Props = Omit<PanelProps, 'index' | 'title' | 'params' | 'slot' | 'alone' | 'onArea' | 'webgl'> & {
  models: Params[];
  titles: string[];
  slots: { current: FrameSlot }[];
  /** The panel shown alone, 1-based; 0: the grid. */
  focus: number;
  theme: ThemeColors;
  reducedMotion: boolean;
  link: CameraLink;
  /** The lecture tour's cue (the grid gives it to the first panel shown). */
  cue?: ViewProps['cue'];
  capture?: CaptureRegistry;
};

/**
 * Compare mode's small multiples: one panel per entry, or the promoted one alone (the others keep
 * training). Every panel draws into its own rectangle of one canvas behind the grid.
 */
export function CompareGrid({ models, titles, slots, focus, cue, link, capture, theme, dim, classes, reducedMotion, ...rest }: Props) {
  const shown = focus > 0 ? [focus - 1] : models.map((_, i) => i);
  const grid = useRef<HTMLDivElement>(null);
  const [webgl] = useState(hasWebGL);
  const [software] = useState(() => webgl && detectSoftwareRenderer() !== undefined);
  const running = useStatus((s) => s.state === 'running');
  // An embed hidden for long lets its WebGL context go (the stage shows its poster).
  const canvas = useAppStore((s) => s.presence.canvas);
  const seen = useAppStore((s) => s.presence.presence === 'shown');
  // Each panel hands over the element its picture fills once it is on the page; a new element
  // (the panel mounted again) gets a new scene (key).
  const [areas, setAreas] = useState<ReadonlyMap<number, { area: PanelArea; key: number }>>(new Map());
  const mounts = useRef(0);
  const onArea = useCallback((i: number, area: PanelArea | null) => {
    setAreas((prev) => {
      if (prev.get(i)?.area === area || (!area && !prev.has(i))) return prev;
      const next = new Map(prev);
      if (area) next.set(i, { area, key: ++mounts.current });
      else next.delete(i);
      return next;
    });
  }, []);
  return (
    <div
      ref={grid}
      className="compare-grid"
      style={{ gridTemplateColumns: `repeat(${columns(shown.length)}, minmax(0, 1fr))` }}
      data-panels={models.length}
      data-columns={columns(shown.length)}
    >
      {webgl && canvas && (
        <SharedCanvas eventSource={grid} running={running} software={software}>
          {shown.map((i) => {
            const entry = areas.get(i);
            return (
              entry && (
                <PanelScene
                  key={`${entry.key}-${dim}`}
                  index={i}
                  area={entry.area}
                  lowPower={software}
                  slot={slots[i]!}
                  params={models[i]!}
                  theme={theme}
                  dim={dim}
                  classes={classes}
                  reducedMotion={reducedMotion}
                  link={link}
                  panel={focus > 0 ? 0 : i}
                  cue={i === shown[0] ? cue : undefined}
                  capture={capture}
                  shown={seen}
                />
              )
            );
          })}
        </SharedCanvas>
      )}
      {shown.map((i) => (
        <ComparePanel
          key={i}
          index={i}
          title={titles[i] ?? ''}
          params={models[i]!}
          slot={slots[i]!}
          alone={focus > 0}
          webgl={webgl}
          onArea={onArea}
          dim={dim}
          classes={classes}
          {...rest}
        />
      ))}
    </div>
  );
}
