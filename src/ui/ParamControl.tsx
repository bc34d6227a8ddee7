import type { ReactNode } from 'react';
import { formatNumber } from '../params/urlCodec';
import { paramDef, type NumberParam, type ParamKey, type Params } from '../params/table';

interface Props<K extends ParamKey> {
  name: K;
  params: Params;
  onChange: (key: K, value: Params[K]) => void;
  /** Overrides of the table's range (e.g. m's range for the current loss). */
  range?: Partial<Pick<NumberParam, 'min' | 'max' | 'step' | 'unit'>>;
  /** Marks on a slider's track (bounds), as values. */
  marks?: { value: number; label: string }[];
  children?: ReactNode;
  /** Prefix of the element id: several panels may show the same parameter (compare mode). */
  idPrefix?: string;
}

/** A labelled native input for one parameter, named by its URL key. */
export function ParamControl<K extends ParamKey>({ name, params, onChange, range, marks, children, idPrefix = '' }: Props<K>) {
  const def = paramDef(name);
  if (!def) return null;
  const id = `${idPrefix}param-${name}`;
  const value = params[name];
  const set = (v: unknown) => onChange(name, v as Params[K]);
  switch (def.type) {
    case 'number': {
      const min = range?.min ?? def.min;
      const max = range?.max ?? def.max;
      const step = range?.step ?? def.step;
      const v = value as number;
      // An angle also reads in degrees: "0.3 rad (17.2°)".
      const unit = range?.unit ?? def.unit;
      const listId = marks?.length ? `${id}-marks` : undefined;
      return (
        <div className="control control-range">
          <label htmlFor={id}>
            {def.label}
            <span className="value">
              {formatNumber(v)}
              {unit === 'rad' ? ` rad (${((v * 180) / Math.PI).toFixed(1)}°)` : ''}
            </span>
          </label>
          <input
            id={id}
            name={name}
            type="range"
            min={min}
            max={max}
            step={step}
            value={v}
            list={listId}
            // What a screen reader says as it moves: the value with its unit ("0.3 rad, 17.2 degrees").
            aria-valuetext={unit === 'rad' ? `${formatNumber(v)} rad, ${((v * 180) / Math.PI).toFixed(1)} degrees` : formatNumber(v)}
            onChange={(e) => set(Number(e.target.value))}
          />
          {listId && (
            <datalist id={listId}>
              {marks!.map((m) => (
                <option key={m.label} value={m.value} label={m.label} />
              ))}
            </datalist>
          )}
          {marks?.length ? (
            <div className="marks" aria-hidden="true">
              {marks.map((m) => (
                <span
                  key={m.label}
                  className="mark"
                  style={{ left: `${(100 * (Math.min(max, Math.max(min, m.value)) - min)) / (max - min)}%` }}
                  title={m.label}
                >
                  ▲ {m.label}
                </span>
              ))}
            </div>
          ) : null}
          {children}
        </div>
      );
    }
    case 'enum':
      return (
        <div className="control">
          <label htmlFor={id}>{def.label}</label>
          <select id={id} name={name} value={String(value)} onChange={(e) => set(e.target.value)}>
            {def.choices.map((c, i) => (
              <option key={c} value={c}>
                {def.choiceLabels?.[i] ?? c}
              </option>
            ))}
          </select>
          {children}
        </div>
      );
    case 'bool':
      return (
        <div className="control control-check">
          <input id={id} name={name} type="checkbox" checked={Boolean(value)} onChange={(e) => set(e.target.checked)} />
          <label htmlFor={id}>{def.label}</label>
          {children}
        </div>
      );
    case 'set': {
      const current = value as string[];
      return (
        <fieldset className="control control-set">
          <legend>{def.label}</legend>
          {def.choices.map((c) => (
            <label key={c} className="chip">
              <input
                type="checkbox"
                name={name}
                value={c}
                checked={current.includes(c)}
                onChange={(e) => set(e.target.checked ? [...current, c] : current.filter((x) => x !== c))}
              />
              {c}
            </label>
          ))}
          {children}
        </fieldset>
      );
    }
  }
}
