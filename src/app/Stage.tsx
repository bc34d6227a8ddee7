import { Suspense, lazy, useLayoutEffect, useRef, type ReactNode } from 'react';
import { usePoster } from '../hooks/usePoster';
import type { FrameSlot } from '../view/frame/frameSlot';
import { useAppStore, useStatus } from '../state/store';
import type { Params } from '../params/table';
import { Notices } from '../ui/Notices';
import { ForceLegend } from './ForceLegend';
import { LandscapeLegend } from './LandscapeLegend';
import type { CaptureRegistry } from '../view/canvas/capture';
import { HypersphereView } from '../view/HypersphereView';
import type { ThemeColors } from '../view/style/palette';
import type { ViewProps } from '../view/Scene';
import type { useCompare } from '../hooks/useCompare';

// Compare mode's grid loads when first shown; so does the service worker's update notice.
const CompareGrid = lazy(() => import('./CompareGrid').then((m) => ({ default: m.CompareGrid })));
const UpdateNotice = lazy(() => import('../ui/UpdateNotice').then((m) => ({ default: m.UpdateNotice })));

interface Props {
  params: Params;
  slots: { current: FrameSlot }[];
  theme: { colors: ThemeColors; reducedMotion: boolean };
  dim: 2 | 3;
  classes: number;
  compare: ReturnType<typeof useCompare>;
  cue?: ViewProps['cue'];
  captures: CaptureRegistry;
  /** The tour card, drawn over the view in embed mode. */
  overlay?: ReactNode;
}

/** The picture: the single view or compare mode's grid, with the notices over it. */
export function Stage({ params, slots, theme, dim, classes, compare, cue, captures, overlay }: Props) {
  const running = useStatus((s) => s.state === 'running');
  const message = useStatus((s) => s.message);
  const notices = useAppStore((s) => s.notices);
  const dismissNotices = useAppStore((s) => s.dismissNotices);
  const { presence, canvas } = useAppStore((s) => s.presence);
  const stage = useRef<HTMLDivElement>(null);
  const poster = usePoster(stage, presence, canvas, captures);
  // `data-frames` (frames drawn, for tests) counts from each showing: a test of a frame shown again
  // then reads frames drawn since, not before. Reset in the commit that writes data-presence.
  useLayoutEffect(() => {
    if (presence !== 'shown') return;
    for (const el of stage.current?.querySelectorAll<HTMLElement>('[data-frames]') ?? []) el.dataset.frames = '0';
  }, [presence]);
  return (
    <div className="stage" ref={stage} data-presence={presence} data-canvas={canvas ? '1' : '0'}>
      {compare.on ? (
        <Suspense fallback={null}>
          <CompareGrid
            models={compare.models}
            titles={compare.titles}
            slots={slots}
            theme={theme.colors}
            dim={dim}
            classes={classes}
            reducedMotion={theme.reducedMotion}
            link={compare.link}
            focus={params.focus}
            onFocus={compare.setFocus}
            setParam={compare.setPanelParam}
            controls={params.embed ? params.controls : undefined}
            cue={cue}
            capture={captures}
          />
        </Suspense>
      ) : (
        <HypersphereView
          slot={slots[0]!}
          params={params}
          theme={theme.colors}
          dim={dim}
          classes={classes}
          reducedMotion={theme.reducedMotion}
          running={running}
          cue={cue}
          capture={captures}
          captureId={0}
          canvas={canvas}
          shown={presence === 'shown'}
        />
      )}
      {params.forces && <ForceLegend stage={stage} />}
      {params.landscape !== 'off' && <LandscapeLegend choice={params.landscape} classes={classes} raised={compare.on} />}
      {poster && <img className="view-poster" src={poster} alt="" data-testid="view-poster" />}
      <div className="stage-overlays">
        {overlay}
        <Notices items={notices} onDismiss={dismissNotices} />
        <Suspense fallback={null}>
          <UpdateNotice />
        </Suspense>
        <Notices items={message ? [message] : []} kind="warn" />
      </div>
    </div>
  );
}
