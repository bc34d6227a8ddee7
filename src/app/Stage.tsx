import { Suspense, lazy, type ReactNode } from 'react';
import type { FrameSlot, TrainerStatus } from '../hooks/useTrainer';
import type { Params } from '../params/table';
import { Notices } from '../ui/Notices';
import type { CaptureRegistry } from '../view/capture';
import { HypersphereView } from '../view/HypersphereView';
import type { ThemeColors } from '../view/palette';
import type { ViewProps } from '../view/Scene';
import type { useCompare } from './useCompare';

// Compare mode's grid loads when first shown; so does the service worker's update notice.
const CompareGrid = lazy(() => import('../ui/CompareGrid').then((m) => ({ default: m.CompareGrid })));
const UpdateNotice = lazy(() => import('../ui/UpdateNotice').then((m) => ({ default: m.UpdateNotice })));

interface Props {
  params: Params;
  status: TrainerStatus;
  slots: { current: FrameSlot }[];
  theme: { colors: ThemeColors; reducedMotion: boolean };
  dim: 2 | 3;
  classes: number;
  compare: ReturnType<typeof useCompare>;
  cue?: ViewProps['cue'];
  captures: CaptureRegistry;
  notices: string[];
  onDismissNotices: () => void;
  /** The tour card, drawn over the view in embed mode. */
  overlay?: ReactNode;
}

/** The picture: the single view or compare mode's grid, with the notices over it. */
export function Stage({ params, status, slots, theme, dim, classes, compare, cue, captures, notices, onDismissNotices, overlay }: Props) {
  return (
    <div className="stage">
      {compare.on ? (
        <Suspense fallback={null}>
          <CompareGrid
            models={compare.models}
            titles={compare.titles}
            slots={slots}
            status={status}
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
          running={status.state === 'running'}
          cue={cue}
          capture={captures}
          captureId={0}
        />
      )}
      <div className="stage-overlays">
        {overlay}
        <Notices items={notices} onDismiss={onDismissNotices} />
        <Suspense fallback={null}>
          <UpdateNotice />
        </Suspense>
        <Notices items={status.message ? [status.message] : []} kind="warn" />
      </div>
    </div>
  );
}
