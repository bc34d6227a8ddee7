/** Dismissible plain-text notices (URL corrections, worker messages). Text only, never HTML. */
export function Notices({ items, onDismiss, kind = 'info' }: { items: string[]; onDismiss?: () => void; kind?: 'info' | 'warn' }) {
  if (items.length === 0) return null;
  return (
    <div className={`notice notice-${kind}`} role={kind === 'warn' ? 'alert' : 'note'} data-testid={`notice-${kind}`}>
      <ul>
        {items.map((t, i) => (
          <li key={i}>{t}</li>
        ))}
      </ul>
      {onDismiss && (
        <button type="button" className="notice-close" onClick={onDismiss} aria-label="Dismiss">
          ×
        </button>
      )}
    </div>
  );
}
