// Counts renders of the app and of its status bar, for the test of re-renders and the bench
// (read as window.hypersphereRenders). A count per render, nothing else.

export const renderCount = { app: 0, statusBar: 0 };

(globalThis as { hypersphereRenders?: typeof renderCount }).hypersphereRenders = renderCount;
