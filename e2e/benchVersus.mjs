// @ts-check
// `npm run bench:versus -- <commit> [rounds]`: the single 3-D view's frame rate, this build against
// another commit's, alternated back to back in one browser (absolute speed here moves about 2×
// from day to day; alternating cancels most of it). The other commit is built in a git worktree
// beside the project with this project's node_modules. Reports each run: the frame rate paused
// (auto-rotating) and while training at full speed, and the GPU process's CPU time per frame drawn
// while paused; writes bench/versus.json.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from './browser.mjs';
import { frameStats, gpuMsPerFrame, sleep, startPreview, waitFor } from './benchPage.mjs';

const root = resolve(import.meta.dirname, '..');
const [commit, roundsArg] = process.argv.slice(2);
if (!commit) throw new Error('usage: npm run bench:versus -- <commit> [rounds]');
const rounds = Number(roundsArg ?? 3);
const sha = execSync(`git rev-parse --short ${commit}`, { cwd: root }).toString().trim();
const other = resolve(root, '..', `hypersphere-${sha}`);

if (!existsSync(other)) execSync(`git worktree add --detach ${other} ${sha}`, { cwd: root, stdio: 'inherit' });
if (!existsSync(resolve(other, 'node_modules'))) symlinkSync(resolve(root, 'node_modules'), resolve(other, 'node_modules'));
for (const dir of [other, root]) execSync('npx vite build', { cwd: dir, stdio: 'ignore' });

const targets = [
  { name: sha, ...(await startPreview(4301, other)) },
  { name: 'this', ...(await startPreview(4302, root)) },
];
const browser = await chromium.launch({ executablePath: findBrowser()?.executablePath, args: CHROMIUM_ARGS });
const runs = [];
try {
  for (let r = 0; r < rounds; r++)
    for (const t of targets) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.goto(`${t.base}?v=2&speed=0&dim=3`);
      await waitFor(page, (s) => s.state === 'running' && s.step > 50, 120_000);
      await sleep(4500); // past the camera's first framing, as the smoothness section waits
      const training = await frameStats(page);
      await page.getByRole('button', { name: /pause/i }).click();
      await waitFor(page, (s) => s.state === 'paused');
      await sleep(1500);
      const paused = await frameStats(page);
      const gpuMs = await gpuMsPerFrame(page);
      const run = {
        round: r + 1,
        build: t.name,
        fpsPaused: Number(paused.fps.toFixed(1)),
        fpsTraining: Number(training.fps.toFixed(1)),
        gpuMsPerFrame: Number(gpuMs.toFixed(2)),
      };
      runs.push(run);
      console.log(JSON.stringify(run));
      await page.close();
    }
} finally {
  await browser.close();
  targets.forEach((t) => t.stop());
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const of = (name, key) => median(runs.filter((x) => x.build === name).map((x) => x[key]));
const summary = {
  date: new Date().toISOString(),
  against: sha,
  runs,
  pausedRatio: Number((of('this', 'fpsPaused') / of(sha, 'fpsPaused')).toFixed(3)),
  trainingRatio: Number((of('this', 'fpsTraining') / of(sha, 'fpsTraining')).toFixed(3)),
  gpuMsRatio: Number((of('this', 'gpuMsPerFrame') / of(sha, 'gpuMsPerFrame')).toFixed(3)),
};
mkdirSync(resolve(root, 'bench'), { recursive: true });
writeFileSync(resolve(root, 'bench/versus.json'), `${JSON.stringify(summary, null, 2)}\n`);
console.log(
  `this ÷ ${sha} (medians): paused fps ${summary.pausedRatio}, training fps ${summary.trainingRatio}, GPU ms a frame ${summary.gpuMsRatio}`,
);
