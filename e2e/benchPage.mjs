// @ts-check
// Helpers for `npm run bench`: the preview server (stopped with its whole process group), the
// status element, and frame timing measured inside the page.
import { execSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts `vite preview` (of `cwd`'s build) in its own process group; `stop()` ends the group (npx spawns a child). */
export async function startPreview(port, cwd = process.cwd()) {
  const base = `http://127.0.0.1:${port}/`;
  const proc = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd,
    stdio: 'ignore',
    detached: true,
  });
  const stop = () => {
    try {
      if (proc.pid) process.kill(-proc.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.once('exit', stop);
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(base)).ok) return { base, stop };
    } catch {
      // not up yet
    }
    await sleep(100);
  }
  stop();
  throw new Error('vite preview did not start');
}

/** The page's status element (not a compare panel's). */
export const PAGE_STATUS = '[role="status"][data-state]:not([data-compare-panel] *)';

/** The page status element's data attributes, parsed. */
export const status = (page) =>
  page.locator(PAGE_STATUS).evaluate((el) => ({
    step: Number(el.dataset.step),
    accuracy: Number(el.dataset.accuracy),
    testAccuracy: Number(el.dataset.testAccuracy),
    state: el.dataset.state,
    backend: el.dataset.backend,
    snapshotMs: Number(el.dataset.snapshotMs),
    tensors: Number(el.dataset.tensors),
  }));

export async function waitFor(page, pred, timeout = 60_000) {
  const t0 = Date.now();
  for (;;) {
    const s = await status(page);
    if (pred(s)) return s;
    if (Date.now() - t0 > timeout) throw new Error(`timed out; last status ${JSON.stringify(s)}`);
    await sleep(50);
  }
}

/** rAF callbacks per second over `ms`, and the longest gap between two of them (ms). */
export const frameStats = (page, ms = 3000) =>
  page.evaluate(
    (ms) =>
      new Promise((res) => {
        let n = 0;
        let maxGap = 0;
        const t0 = performance.now();
        let last = t0;
        const f = (now) => {
          n++;
          maxGap = Math.max(maxGap, now - last);
          last = now;
          if (now - t0 < ms) requestAnimationFrame(f);
          else res({ fps: (n * 1000) / (now - t0), maxGap });
        };
        requestAnimationFrame(f);
      }),
    ms,
  );

/** Training steps per second over `ms` of the page's current run. */
export async function stepRate(page, ms = 4000) {
  const a = await status(page);
  const t0 = Date.now();
  await sleep(ms);
  const b = await status(page);
  return { rate: ((b.step - a.step) * 1000) / (Date.now() - t0), backend: b.backend, snapshotMs: b.snapshotMs };
}

/** Main-thread CPU time (ms) of the page over `ms`, from the DevTools protocol's TaskDuration. */
export async function pageCpuMs(page, ms = 10_000) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
  const a = await read();
  await sleep(ms);
  const b = await read();
  await cdp.detach();
  return (b - a) * 1000;
}

/** CPU time (ms, user + system) the browser's GPU processes have used: Linux's /proc, NaN elsewhere. */
function gpuProcessCpuMs() {
  if (process.platform !== 'linux') return NaN;
  const tick = 1000 / Number(execSync('getconf CLK_TCK').toString());
  const pids = execSync("pgrep -f 'type=gpu-process' || true").toString().trim().split('\n').filter(Boolean);
  return pids.reduce((sum, pid) => {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return sum + (Number(f[11]) + Number(f[12])) * tick;
    } catch {
      return sum; // gone meanwhile
    }
  }, 0);
}

/**
 * The GPU process's CPU time per frame the view drew over `ms` (its canvas counts them). With a
 * software renderer that is the drawing itself, and it is steadier than the frame rate, which
 * moves with whatever else the machine does.
 */
export async function gpuMsPerFrame(page, ms = 5000) {
  const frames = () =>
    page
      .locator('[data-frames]')
      .first()
      .evaluate((el) => Number(el.dataset.frames));
  const [c0, f0] = [gpuProcessCpuMs(), await frames()];
  await sleep(ms);
  const [c1, f1] = [gpuProcessCpuMs(), await frames()];
  return f1 > f0 ? (c1 - c0) / (f1 - f0) : NaN;
}
