// The lecture tour: the loss-function lecture as thirteen live steps. Steps are data, not components:
// a lecturer edits the words, formulas, runs and actions here, in one place. Each run is a URL
// state (the query a "Copy link" would give), so every step is reproducible and shareable.
import type { CueAnchor } from '../view/labels/cueAnchor';
import type { Params } from '../params/table';
import { OPEN_SET_QUERY } from '../params/openSet';
import { crossEntropyTex, namedTargetLines } from '../losses/tex';

/** A side panel a tour step may be about (its heading's id is `sec-<id>`). */
export type SidePanelId = 'metrics' | 'curves' | 'history' | 'verify' | 'words' | 'sweep' | 'forces' | 'probe';

/** Where the "notice this" cue points on the view. */
export interface TourStep {
  title: string;
  /** 2–5 sentences, in paragraphs. */
  text: string[];
  /** The step's formula in TeX (the corrected forms of docs/losses.md). */
  formula: string;
  /** Its lines for a narrow box, where cutting `formula` at its breaks (losses/tex.ts) is not enough. */
  lines?: string[];
  /** The configured run: a query string the URL codec reads (with `v=2`). */
  query: string;
  /** The side panel the step talks about: entering the step brings it, open, just below the tour. */
  panel?: SidePanelId;
  /** One thing to notice, drawn on the view at `anchor` with a short label. */
  cue: { anchor: CueAnchor; label: string; text: string };
  /** One action that changes a value: a button that applies `set` to the running step. */
  tryThis: { label: string; text: string; set: Partial<Params> };
}

/** A cross-entropy step's formula, and its narrow form with the target logit on a line of its own. */
const CE = (target: string, other: string) => ({ formula: crossEntropyTex(target, other), lines: namedTargetLines(target, other) });

const SPHEREFACE_TARGET = '\\lVert x_i \\rVert \\frac{\\lambda \\cos\\theta_{y_i} + \\psi(\\theta_{y_i})}{1 + \\lambda}';

export const TOUR_STEPS: readonly TourStep[] = [
  {
    title: 'Softmax cross-entropy',
    text: [
      'A network maps each input to a feature x, and the classifier scores class j with Wⱼ·x + bⱼ. With two classes the boundary is a line; with C classes each class owns a wedge around its weight.',
      'Watch the features grow along their weights: a longer x makes the right score win by more, so the loss keeps falling without the class getting any tighter.',
      'The classes become separable, but not discriminative: a feature may sit anywhere in its wedge, even next to the boundary.',
    ],
    ...CE('W_{y_i}^{\\top} x_i + b_{y_i}', 'W_j^{\\top} x_i + b_j'),
    query: 'v=2&loss=softmax&dim=2&projection=raw&show=weights,regions',
    cue: {
      anchor: 'weight',
      label: 'features fan out along W₁',
      text: 'The points stream outward along their class weight: the norm grows, the angular spread does not shrink.',
    },
    tryThis: {
      label: 'Look at the angles only',
      text: 'Project every feature onto the unit circle: what is left is how wide each class is in angle.',
      set: { projection: 'sphere' },
    },
  },
  {
    title: 'Center loss',
    text: [
      'Center loss adds a pull of every feature toward its class centre, weighted by λ. The centres are not learned by the gradient: each step moves them a fraction α toward the batch’s features.',
      'That has costs the lecture names: one more vector per class to keep, centres estimated from batches that lag behind the features, and a Euclidean distance that still lets norms differ.',
      'Notice the centre markers, and how the clusters contract around them as λ grows.',
    ],
    formula: `${crossEntropyTex('W_{y_i}^{\\top} x_i + b_{y_i}', 'W_j^{\\top} x_i + b_j')} + \\frac{\\lambda}{2N}\\sum_{i=1}^{N} \\lVert x_i - c_{y_i} \\rVert_2^2`,
    query: 'v=2&loss=center&lambda=0.1&dim=2&projection=raw&show=weights,regions,centers',
    cue: {
      anchor: 'center',
      label: 'centre c₁',
      text: 'Each marker is a class centre, updated from batches: it trails the features it summarises.',
    },
    tryThis: {
      label: 'Pull harder: λ = 1',
      text: 'A larger λ pulls each class onto its centre: compact, but the centres and the features chase each other.',
      set: { lambda: 1 },
    },
  },
  {
    title: 'The cosine view',
    text: [
      'Normalise each class weight and drop the bias: the logit of class j becomes ‖x‖·cos θⱼ. Only the angle θⱼ decides which class wins.',
      'The feature norm ‖x‖ now only scales the confidence, so training still pushes norms up instead of angles down.',
      'This is A-Softmax with m = 1: SphereFace before its margin.',
    ],
    ...CE('\\lVert x_i \\rVert \\cos\\theta_{y_i}', '\\lVert x_i \\rVert \\cos\\theta_j'),
    query: 'v=2&loss=sphereface&m=1&projection=raw',
    cue: {
      anchor: 'weight',
      label: 'only the angle to W₁ decides',
      text: 'Regions are cones around the normalised weights; the distance from the centre only sets the confidence.',
    },
    tryThis: {
      label: 'Put every feature on the sphere',
      text: 'Show x̂ instead of x: the decision never depended on the norm.',
      set: { projection: 'sphere' },
    },
  },
  {
    title: 'NormFace: normalise the features too, and scale by s',
    text: [
      'Normalise x as well, and every logit is a cosine in [−1, 1]. Even a feature sitting exactly on its own weight then gets a probability of only about 0.3 with 8 classes: the loss cannot fall.',
      'A scale s fixes it: the logits become s·cos θⱼ. The bound for a target probability p with C classes is s ≥ (C−1)/C · ln((C−1)p/(1−p)), about 3.6 for 8 classes at p = 0.9, marked on the s slider.',
      'This run starts with s = 2, below the bound: the classes separate, but the loss stays high.',
    ],
    ...CE('s \\cos\\theta_{y_i}', 's \\cos\\theta_j'),
    query: 'v=2&loss=normface&s=2',
    cue: {
      anchor: 'cluster',
      label: 'separated, yet the loss stays high',
      text: 'The classes separate on the sphere, but with s = 2 no feature can become confident: watch the loss in the status line.',
    },
    tryThis: { label: 'Raise s to 10', text: 'Above the bound the loss falls at once, and the clusters tighten.', set: { s: 10 } },
  },
  {
    title: 'SphereFace: a multiplicative angular margin',
    text: [
      'SphereFace asks the target angle to win even when multiplied by an integer m: the target logit uses ψ(θ) = (−1)ᵏ·cos(mθ) − 2k, a version of cos(mθ) that keeps decreasing.',
      'That margin is too hard to train from scratch, so the original code blends in the plain cosine with a weight λ that anneals from 1000 to 5 (shown in the Angles panel).',
      'The margin grows as λ falls: the classes narrow slowly.',
    ],
    ...CE(SPHEREFACE_TARGET, '\\lVert x_i \\rVert \\cos\\theta_j'),
    panel: 'metrics',
    query: 'v=2&loss=sphereface&m=4',
    cue: {
      anchor: 'boundary',
      label: 'margin zone',
      text: 'The pale band along each boundary is where a feature of the winning class still pays the margin.',
    },
    tryThis: {
      label: 'Drop the margin: m = 1',
      text: 'With m = 1 SphereFace is the cosine view again: the bands vanish and the classes stay wider.',
      set: { m: 1 },
    },
  },
  {
    title: 'CosFace: an additive cosine margin',
    text: [
      'CosFace subtracts m from the target cosine: the right class must beat every other by m in cosine, at scale s.',
      'On the circle the classes now leave gaps between them. There is a limit: with C classes in 2-D, m cannot exceed 1 − cos(2π/C), 0.29 for 8 classes, or no arrangement satisfies it.',
    ],
    ...CE('s(\\cos\\theta_{y_i} - m)', 's \\cos\\theta_j'),
    query: 'v=2&loss=cosface&m=0.2&dim=2',
    cue: {
      anchor: 'boundary',
      label: 'the gap m opens',
      text: 'The grey arcs on the ring are the margin zones: no feature of either class settles there.',
    },
    tryThis: {
      label: 'Drag m to 0',
      text: 'Watch the gap close: without the margin, features may sit right at the boundary again.',
      set: { m: 0 },
    },
  },
  {
    title: 'The hypersphere picture',
    text: [
      'With x and W normalised, every feature lives on a sphere of radius s, and the classifier is a set of regions on it, one around each weight.',
      'A margin is a band along the boundaries between regions: the wider the band, the tighter each class must gather around its own weight.',
      'This run shows the features as the loss sees them, at radius s.',
    ],
    formula:
      '\\hat{x} = \\frac{x}{\\lVert x \\rVert},\\quad \\hat{W}_j = \\frac{W_j}{\\lVert W_j \\rVert},\\quad z_j = s\\, \\hat{W}_j^{\\top} \\hat{x} = s \\cos\\theta_j',
    query: 'v=2&loss=cosface&m=0.2&projection=raw',
    cue: {
      anchor: 'cluster',
      label: 'a class on the sphere of radius s',
      text: 'Every point sits at radius s; only its direction is learned.',
    },
    tryThis: {
      label: 'Show the test features',
      text: 'The held-out points gather in the same patches, a little wider.',
      set: { show: ['weights', 'regions', 'margins', 'test'] },
    },
  },
  {
    title: 'ArcFace: an additive angular margin',
    text: [
      'ArcFace adds m to the target angle itself: cos(θ + m) for the right class. The margin is a constant geodesic distance on the sphere, the same everywhere between two classes.',
      'Past θ + m > π the cosine turns back up; the insightface code then falls back to a CosFace-like penalty (the θ + m > π menu).',
      'Here m = 0.3 rad, 17°: tight clusters with visible gaps.',
    ],
    ...CE('s \\cos(\\theta_{y_i} + m)', 's \\cos\\theta_j'),
    query: 'v=2&loss=arcface&m=0.3',
    cue: {
      anchor: 'boundary',
      label: 'a band m wide',
      text: 'The pale band has the same angular width everywhere: that is the additive angular margin.',
    },
    tryThis: {
      label: 'Drag m to 0 and watch the gap close',
      text: 'With m = 0 ArcFace is NormFace: the bands disappear and the clusters loosen.',
      set: { m: 0 },
    },
  },
  {
    title: 'One family: s·(cos(m₁θ + m₂) − m₃)',
    text: [
      'The three margins combine into one target logit: m₁ multiplies the angle (SphereFace), m₂ adds to it (ArcFace), m₃ subtracts from the cosine (CosFace).',
      '(1, 0, 0) is NormFace; (1, m, 0) ArcFace; (1, 0, m) CosFace. The target-logit panel draws every loss’s curve against θ on one plot, over the live histogram of θ.',
    ],
    ...CE('s(\\cos(m_1 \\theta_{y_i} + m_2) - m_3)', 's \\cos\\theta_j'),
    panel: 'curves',
    query: 'v=2&loss=combined&m1=1&m2=0.3&m3=0.2',
    cue: {
      anchor: 'boundary',
      label: 'all three margins at once',
      text: 'Compare the curves in the target-logit panel: each margin bends the target logit down in its own way.',
    },
    tryThis: {
      label: 'Add a multiplicative part: m₁ = 1.2',
      text: 'The target curve steepens and the band widens further from each weight.',
      set: { m1: 1.2 },
    },
  },
  {
    title: 'All of them at once',
    text: [
      'Side by side, on the same data, from the same initial weights, through the same batches: softmax spreads each class over its region; NormFace tightens it; CosFace and ArcFace pull each class into a tight patch with a gap around it.',
      'The panels step together, so at any moment they are comparable: read each panel’s spread and margin under it. In 3-D softmax leaves each class about 3.5 times as wide as ArcFace with m = 0.3, at no cost in test accuracy (docs/measured.md, "The lesson, measured").',
      'Orbit one sphere and all four turn; the charts beside draw one line per panel.',
    ],
    formula: 'z_{y_i} = s\\left(\\cos(m_1 \\theta_{y_i} + m_2) - m_3\\right),\\qquad z_j = s \\cos\\theta_j',
    panel: 'history',
    query: 'v=2&compare=softmax,normface,cosface,arcface',
    cue: {
      anchor: 'cluster',
      label: 'how wide is a class?',
      text: 'Compare the spread and the margin under each panel: the margin losses are the narrow ones.',
    },
    tryThis: {
      label: 'Widen every margin: m = 0.4',
      text: 'CosFace and ArcFace tighten further; softmax and NormFace have no m and stay as they are: the experiment’s control.',
      set: { m: 0.4 },
    },
  },
  {
    title: 'Why margins: faces never seen',
    text: [
      'SphereFace, CosFace and ArcFace were made for verification: are two photos the same person, for people the network never saw? Here four identities were held out of training; their samples are the hollow rings.',
      'The verification panel scores every pair of held-out samples by the angle between their features. A pair is accepted when the angle is below the threshold: TAR counts same-identity pairs accepted, FAR different-identity pairs.',
      'Normalised, margin-trained features tell unseen identities apart far better: at FAR 10⁻² ArcFace accepts about 89 % of same-identity pairs against softmax’s 61 %, and its ROC lies higher (docs/measured.md, "Open-set verification, measured").',
    ],
    formula:
      '\\text{accept } (x_a, x_b) \\iff \\cos\\angle(x_a, x_b) \\ge t,\\qquad \\mathrm{TAR}(t) = P(\\text{accept} \\mid \\text{same}),\\quad \\mathrm{FAR}(t) = P(\\text{accept} \\mid \\text{different})',
    panel: 'verify',
    query: `v=2&${OPEN_SET_QUERY}&compare=softmax,arcface:m=0.3`,
    cue: {
      anchor: 'heldout',
      label: 'an identity never trained on',
      text: 'These hollow rings are samples of a held-out identity: the network never saw its label, yet they should fall close together.',
    },
    tryThis: {
      label: 'A larger margin: m = 0.5',
      text: 'The trained classes tighten further (about 2.0° → 1.3°), but the unseen identities gain little (TAR at FAR 10⁻² about 89 → 91 %): with 8 classes on a sphere the margin pays for the trained classes, not the new ones.',
      set: { m: 0.5 },
    },
  },
  {
    title: 'Why 512-D: room for faces never seen',
    text: [
      'Face recognition trains 512-dimensional features, not 2 or 3. The sweep below trains ArcFace from scratch at each embedding dimension, three seeds each, and measures the held-out identities.',
      'On the circle the trained classes take all the room: unseen identities land on top of them, and TAR at FAR 10⁻² is about 33 %. In 3-D it is about 89 %, and from 4-D on about 99 % (docs/measured.md, "Sweeps").',
      'The best spread of C class weights grows with the dimension: from 2π/C on the circle to the simplex angle once D ≥ C − 1, with directions to spare for identities never seen.',
    ],
    formula:
      '\\theta_{\\min}(C, 2) = \\frac{2\\pi}{C},\\qquad \\theta_{\\min}(C, D) = \\arccos\\Big(-\\frac{1}{C - 1}\\Big) \\text{ for } D \\ge C - 1',
    query: `v=3&${OPEN_SET_QUERY}&loss=arcface&m=0.3&sweep=dim:2,3,4,8,16,32`,
    panel: 'sweep',
    cue: {
      anchor: 'heldout',
      label: 'an unseen identity, in 3-D',
      text: 'The hollow rings are identities never trained on: in 3-D they squeeze between the trained classes; the sweep shows what more dimensions give them.',
    },
    tryThis: {
      label: 'Softmax, for comparison',
      text: 'Train the main view with softmax: its unseen identities spread wider (TAR at FAR 10⁻² about 61 % in 3-D). The sweep panel’s presets run the dimension sweep for softmax too.',
      set: { loss: 'softmax' },
    },
  },
  {
    title: 'The forces: why a margin tightens a class',
    text: [
      'Each line is the force the loss puts on a training feature, −∂ℓ/∂x̂: the gradient training follows, drawn on the sphere from the point it moves. The longer the line, the harder the pull.',
      'Under softmax the pull fades as P_y nears 1: once the classes separate there is little left to turn a feature, and softmax lowers its loss by growing ‖x‖ instead. By step 1,000 its mean pull is about a tenth of what it was at step 200.',
      'ArcFace’s target cos(θ + m) keeps P_y lower at the same angle, so its pull lasts: about 13 times softmax’s at step 1,000, drawing each class together until its margin is met (docs/measured.md, "The forces, measured").',
    ],
    formula:
      '\\lVert \\nabla_{\\hat x} \\ell \\rVert_{\\text{toward } W_{y}} = s\\,(1 - P_{y})\\,\\sin(\\theta_{y} + m),\\qquad P_{y} = \\frac{e^{s\\cos(\\theta_{y} + m)}}{e^{s\\cos(\\theta_{y} + m)} + \\sum_{j \\neq y} e^{s\\cos\\theta_j}}',
    lines: [
      '\\lVert \\nabla_{\\hat x} \\ell \\rVert_{\\text{toward } W_{y}} = s\\,(1 - P_{y})\\,\\sin(\\theta_{y} + m)',
      'P_{y} = \\frac{e^{s\\cos(\\theta_{y} + m)}}{e^{s\\cos(\\theta_{y} + m)} + \\sum_{j \\neq y} e^{s\\cos\\theta_j}}',
    ],
    panel: 'forces',
    query: 'v=3&compare=softmax,arcface:m=0.3&forces=1',
    cue: {
      anchor: 'cluster',
      label: 'the pull that is left',
      text: 'Compare the lines on the two spheres: softmax’s have all but gone, ArcFace’s still point into each class.',
    },
    tryThis: {
      label: 'A larger margin: m = 0.5',
      text: 'ArcFace’s lines lengthen again: a larger margin is met later, so the pull lasts longer. Softmax has no m and stays as it is.',
      set: { m: 0.5 },
    },
  },
];
