// The parameter schema: the shape of a table row and the value type it stands for (types only; imports nothing else in src/).

/**
 * When a change takes effect: live (a model's settings, from its next step), pace (the run's
 * steps a second, for all its models at once), reset (a new run), compute (how a run is computed,
 * its workers: a new run, with nothing learned changed), view (drawing only), page (layout). Only
 * live and reset settings change what is trained (a sweep varies those).
 */
export type Scope = 'live' | 'pace' | 'reset' | 'compute' | 'view' | 'page';

interface Base {
  key: string;
  label: string;
  scope: Scope;
  help?: string;
}
export interface NumberParam extends Base {
  type: 'number';
  default: number;
  min: number;
  max: number;
  step: number;
  integer?: boolean;
  /** Radians: the control shows the value in degrees too. */
  unit?: 'rad';
}
export interface EnumParam<T extends string = string> extends Base {
  type: 'enum';
  default: T;
  choices: readonly T[];
  /** Labels for people, same order as choices. */
  choiceLabels?: readonly string[];
}
export interface BoolParam extends Base {
  type: 'bool';
  default: boolean;
}
export interface SetParam<T extends string = string> extends Base {
  type: 'set';
  default: readonly T[];
  choices: readonly T[];
}
export type ParamDef = NumberParam | EnumParam | BoolParam | SetParam;

/** The value a row stands for: a number, a boolean, one of its choices, or a list of them (any key for an open set). */
export type ValueOf<D> = D extends { type: 'number' }
  ? number
  : D extends { type: 'bool' }
    ? boolean
    : D extends { type: 'enum'; choices: readonly (infer C)[] }
      ? C
      : D extends { type: 'set'; choices: readonly (infer C)[] }
        ? [C] extends [never]
          ? string[]
          : C[]
        : never;

/** Values keyed by the rows' keys. */
export type ValuesOf<Rows extends readonly ParamDef[]> = { [D in Rows[number] as D['key']]: ValueOf<D> };
