// The take-home notebook's cells, top to bottom as a student would write them: settings, data,
// model, loss, measurements, training, the app's numbers beside ours, the picture (pure).
import type { LossKind, LossSpec } from '../../losses/registry';
import { DATA_FILES, LOSS_FILES, LOSS_HELPERS, TRAINING_FILES } from './pythonFiles';
import { importBlock, siblingModules, splitImports, type PythonFile } from './pythonBundle';
import { pyLiteral } from './pyLiteral';

export interface Cell {
  kind: 'markdown' | 'code';
  source: string;
}

/** The app's numbers at a step, keyed as the notebook's `measure` keys them. */
export type AppNumbers = Record<string, number>;

export interface TakeHomePanel {
  title: string;
  /** The panel's own settings (its loss and the loss's keys). */
  settings: Record<string, unknown>;
  /** The loss's spec past every warm-up and schedule (the LossSpec's keys). */
  spec: LossSpec;
  /** The app's numbers at `appStep` (absent for a fresh run: they were of other settings). */
  app?: AppNumbers;
}

export interface TakeHomeInput {
  /** The link the run came from. */
  link: string;
  /** The settings every panel shares (the URL's keys). */
  settings: Record<string, unknown>;
  panels: TakeHomePanel[];
  /** Steps to train, and the app's step its numbers were taken at. */
  steps: number;
  appStep: number;
  /** SHA-256 of the generated data, as the app computed it; absent when the data is carried. */
  checksum?: string;
  /** The .npz the data is carried in (MNIST, an upload), beside the notebook. */
  carried?: string;
  /** The settings changed during the run: the notebook trains the current ones from step 0. */
  fresh: boolean;
  palette: readonly string[];
}

const md = (source: string): Cell => ({ kind: 'markdown', source });
const code = (source: string): Cell => ({ kind: 'code', source: source.trim() + '\n' });

/** A loss file and the sibling files it takes names from, helpers first (no file twice). */
function lossFiles(kinds: readonly LossKind[]): string[] {
  const out: string[] = [];
  const add = (source: string) => {
    for (const name of siblingModules(source)) add(LOSS_HELPERS[name] ?? LOSS_FILES[name as LossKind]);
    if (!out.includes(source)) out.push(source);
  };
  add(LOSS_HELPERS.entry!);
  kinds.forEach((k) => add(LOSS_FILES[k]));
  return out;
}

function intro(t: TakeHomeInput): Cell {
  const names = t.panels.map((p) => p.title).join(', then ');
  const data = t.carried
    ? `The data cannot be rebuilt from the link (MNIST or an upload): it comes in \`${t.carried}\`, beside this notebook. Keep the two together (on Colab, upload both).`
    : 'The data is rebuilt from its seed, and a checksum the app computed proves it is the same, bit for bit.';
  const fresh = t.fresh
    ? `\n\n**A fresh run.** The settings changed while the app's run was going, so this notebook trains the current settings from step 0. Its numbers are not the app's: the app's are left out.`
    : '';
  return md(
    `# ${names}: the run you watched, in PyTorch\n\n` +
      `Exported from [Hypersphere](${t.link}) at step ${t.appStep}. Run the cells from the top: the same data, ` +
      `the same network initialised from the same seeded stream, the same batches, loss, optimizer and learning-rate decay, ` +
      `then the app's measurements, printed beside the app's own numbers.\n\n${data}${fresh}\n\n` +
      'Locally: `pip install torch numpy matplotlib`, then run it in Jupyter (or as a script). On Colab: upload the notebook.',
  );
}

/** Every cell of the notebook. */
export function takeHomeCells(t: TakeHomeInput): Cell[] {
  const kinds = [...new Set(t.panels.map((p) => p.spec.kind))];
  const parse = (sources: readonly string[]) => sources.map(splitImports);
  const data = parse(DATA_FILES);
  const model = parse([TRAINING_FILES.model]);
  const losses = parse(lossFiles(kinds));
  const measures = parse([TRAINING_FILES.metrics]);
  const training = parse([TRAINING_FILES.schedule, TRAINING_FILES.loop]);
  const picture = parse([TRAINING_FILES.plot]);
  const all: PythonFile[] = [...data, ...model, ...losses, ...measures, ...training, ...picture];
  const body = (files: readonly PythonFile[]) => files.map((f) => f.body).join('\n\n');
  const panels = t.panels.map((p) => ({ title: p.title, settings: p.settings, spec: p.spec, app: t.fresh ? {} : (p.app ?? {}) }));
  const printEvery = Math.max(1, Math.round(t.steps / 10));
  return [
    intro(t),
    code(importBlock(all)),
    md('## Settings\n\nThe link’s parameters (the URL’s keys), each panel’s loss as the app’s `LossSpec`, and the app’s numbers.'),
    code(
      `# ${t.link}\nSETTINGS = ${pyLiteral(t.settings)}\nPANELS = ${pyLiteral(panels)}\n` +
        `STEPS = ${t.steps}  # the app's run stood at step ${t.appStep}: change it to train longer\n` +
        `PRINT_EVERY = ${printEvery}\nAPP_STEP = ${t.appStep}\nPALETTE = ${pyLiteral(t.palette)}\n` +
        (t.checksum ? `CHECKSUM = ${pyLiteral(t.checksum)}\n` : ''),
    ),
    md(
      '## The data\n\nThe app’s seeded generator, in numpy: mulberry32, Box–Muller, the identities with their nuisance, ' +
        'held-out identities, label noise, low quality and the stratified split. Every loop draws in the app’s order.',
    ),
    code(body(data)),
    code(
      t.carried
        ? `data = load_carried(${pyLiteral(t.carried)})\nprint({k: data[k]["x"].shape for k in ("train", "test", "heldout") if k in data})`
        : 'data = make_dataset(SETTINGS)\nassert checksum(data) == CHECKSUM, "not the data the app trained on"\n' +
            'print("the same data as the app:", {k: data[k]["x"].shape for k in ("train", "test", "heldout") if k in data})',
    ),
    md('## The model\n\nAn MLP to D raw features, He-uniform from the same seeded stream as the app, and the class weights W (D×C).'),
    code(body(model)),
    md(
      `## The loss\n\n${kinds.length > 1 ? 'Each panel’s loss' : 'The loss'}, one plain function of \`torch\` and \`torch.nn.functional\` (docs/losses.md has every formula).`,
    ),
    code(body(losses) + `\n\n\nregister(${kinds.join(', ')})`),
    md('## How the app measures\n\nAccuracy, the intra-class spread, the angular margins and, with held-out identities, verification.'),
    code(body(measures)),
    md(
      '## Training\n\nAdam (or SGD with momentum), the cosine learning-rate decay, the margin’s warm-up and the running statistics, step for step.',
    ),
    code(body(training)),
    code(
      'RUNS, HISTORY = [], []  # each panel\'s run and its loss at every step\nfor panel in PANELS:\n    run = Run({**SETTINGS, **panel["settings"]}, panel["spec"], data)\n' +
        '    losses = []\n    HISTORY.append(losses)\n    print(panel["title"])\n    for step in range(1, STEPS + 1):\n' +
        '        losses.append(run.step())\n        if step % PRINT_EVERY == 0 or step == STEPS:\n            m = measure(run, data)\n' +
        "            print(f\"  step {step:5d}  loss {losses[-1]:.4f}  train {m['train accuracy']:.3f}  test {m['test accuracy']:.3f}\")\n" +
        '    RUNS.append(run)',
    ),
    md(`## Beside the app\n\nThe notebook’s numbers after ${t.steps} steps, and the app’s at step ${t.appStep}.`),
    code(
      'for panel, run in zip(PANELS, RUNS):\n    print(f"{panel[\'title\']}: notebook at step {run.steps}, app at step {APP_STEP}")\n' +
        "    print(f\"  {'':22}{'notebook':>10}{'app':>10}\")\n    for key, value in measure(run, data).items():\n" +
        '        app = panel["app"].get(key)\n        print(f"  {key:22}{value:10.4f}" + ("" if app is None else f"{app:10.4f}"))',
    ),
    md('## The picture\n\nThe features on the circle or the sphere, with the class weights, in the app’s colours.'),
    code(body(picture)),
    code(
      'flat = int(SETTINGS["dim"]) == 2\nfig = plt.figure(figsize=(5.5 * len(RUNS), 5.5))\nfor i, (panel, run) in enumerate(zip(PANELS, RUNS)):\n' +
        '    ax = fig.add_subplot(1, len(RUNS), i + 1, projection=None if flat else "3d")\n    plot_run(run, data, PALETTE, panel["title"], ax)\nplt.show()',
    ),
  ];
}
