import { useRegisterSW } from 'virtual:pwa-register/react';

/**
 * Registers the service worker that keeps the app usable offline after one visit (the build's
 * precache: the app, the WASM binaries, the MNIST asset), and offers a reload when a new version
 * has been deployed. Loaded after the first picture: the page works without it.
 */
export function UpdateNotice() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisterError: (e: unknown) => console.warn('hypersphere: offline support is unavailable:', e),
  });
  const reload = () => {
    // The new worker takes over, then the page reloads into the new version (also on the visit
    // that first installed the worker, which workbox-window does not reload by itself).
    navigator.serviceWorker?.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    void updateServiceWorker(true);
  };
  if (!needRefresh) return null;
  return (
    <div className="notice notice-update" aria-live="polite" data-testid="update-notice">
      A new version of Hypersphere is available.{' '}
      <button type="button" onClick={reload}>
        Reload
      </button>{' '}
      <button type="button" onClick={() => setNeedRefresh(false)}>
        Later
      </button>
    </div>
  );
}
