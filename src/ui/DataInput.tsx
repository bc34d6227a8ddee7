import { useId, useState } from 'react';
import type { CustomData } from '../data/csv';
import { CSV_LIMITS } from '../data/csvLimits';
import { Notices } from './Notices';

interface Props {
  /** Called with parsed, checked data; the app starts a run on it. */
  onData: (data: CustomData) => void;
  /** The data in use, if any, for its one-line description. */
  current?: CustomData;
}

/**
 * Your own data: a CSV file or pasted text, a label column plus numeric features. A malformed
 * input gets a message naming the line and the problem, and changes nothing: the run goes on.
 */
export function DataInput({ onData, current }: Props) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [text, setText] = useState('');
  const pasteId = useId();

  const parse = async (content: string, source: string) => {
    setBusy(true);
    try {
      const { parseCsv } = await import('../data/csv'); // Papa Parse loads only when needed
      const r = parseCsv(content, source);
      if (r.ok) {
        setError('');
        onData(r.data);
      } else setError(r.error);
    } catch (err) {
      setError(`${source}: could not be read (${err instanceof Error ? err.message : String(err)}).`);
    } finally {
      setBusy(false);
    }
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > CSV_LIMITS.bytes)
      return setError(`${file.name}: the file is ${(file.size / 1e6).toFixed(0)} MB; at most ${CSV_LIMITS.bytes / 1024 / 1024} MB.`);
    await parse(await file.text(), file.name);
  };

  return (
    <div className="data-input">
      <label className="param">
        <span>Your data (CSV: a label column, numeric features)</span>
        <input
          type="file"
          name="data"
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          disabled={busy}
          onChange={(e) => void onFile(e.target.files?.[0]).finally(() => (e.target.value = ''))}
        />
      </label>
      <label htmlFor={pasteId} className="param">
        <span>…or paste it</span>
      </label>
      <textarea
        id={pasteId}
        name="dataText"
        rows={3}
        spellCheck={false}
        placeholder={'label,x1,x2\na,0.1,2.3\nb,1.5,0.2'}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="button" disabled={busy || text.trim() === ''} onClick={() => void parse(text, 'pasted data')}>
        Train on pasted data
      </button>
      {error && <Notices items={[error]} kind="warn" onDismiss={() => setError('')} />}
      {current && (
        <p className="muted" data-testid="custom-data">
          {current.source}: {current.n.toLocaleString('en-US')} rows, {current.inputDim} features, {current.numClasses} classes (
          {current.classNames.join(', ')})
        </p>
      )}
    </div>
  );
}
