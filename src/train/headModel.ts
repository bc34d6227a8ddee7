// The classifier a frame carries, as the head training runs reads it: the forces, the probe and the
// landscape read a frame through this one function.
import type { HeadModel } from '../losses/probe';
import type { Frame } from './frame';

/** W as the loss reads it (sub-centres: every column), the bias the head reads (SphereFace2: its one b), the centres. */
export function headModelOf(frame: Pick<Frame, 'W' | 'bias' | 'centers' | 'subcenters' | 'scalarBias'>, D: number): HeadModel {
  return {
    W: frame.subcenters?.W ?? frame.W,
    D,
    bias: frame.scalarBias !== undefined ? [frame.scalarBias] : frame.bias,
    centers: frame.centers,
  };
}
