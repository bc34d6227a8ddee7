import { memo, type RefObject } from 'react';
import { useAppStore } from '../state/store';
import { PanelPortal } from './canvas/PanelPortal';
import { Scene, type ViewProps } from './Scene';

/** A compare panel's place on the page: the element its picture fills (named, focusable, where its pointer arrives) and its hover tip. */
export interface PanelArea {
  track: HTMLDivElement;
  tip: RefObject<HTMLDivElement | null>;
}

/**
 * A compare panel's scene, drawn into its rectangle of the shared canvas. It runs while the page
 * runs, unless its own model has diverged.
 */
export const PanelScene = memo(function PanelScene({
  area,
  lowPower,
  index,
  ...props
}: Omit<ViewProps, 'captureId'> & { area: PanelArea; lowPower: boolean; index: number }) {
  const running = useAppStore((s) => s.status.state === 'running' && !(s.status.models[index] ?? s.status).diverged);
  return (
    <PanelPortal track={area.track} dim={props.dim}>
      <color attach="background" args={[props.theme.background]} />
      <Scene {...props} captureId={index} tip={area.tip} area={area.track} lowPower={lowPower} running={running} />
    </PanelPortal>
  );
});
