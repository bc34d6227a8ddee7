# Training as the app trains (src/train/trainer.ts): the same initialisation, batch order, optimizer,
# learning-rate decay, running statistics and centre updates, step for step.
import math

import torch

from losses import compute_loss
from losses.adaface import update_stats
from losses.center import update_centers
from losses.curricular import update_t
from losses.sphereface2 import initial_bias
from toydata.rng import Rng, salted, shuffle
from training.model import Embedding, init_from_stream, make_head, subcenter_columns
from training.schedule import scheduled_lr, spec_at

BATCH_SALT = 0x9E3779B9
ADAFACE_START = (3.0, 3.0)


class AppAdam(torch.optim.Optimizer):
    """Adam as the app (and Kingma & Ba's Algorithm 1) writes it: p ← p − lr·√(1−β2ᵗ)/(1−β1ᵗ) · m/(√v + ε).

    torch.optim.Adam puts ε beside √v/√(1−β2ᵗ) instead: the same step but for tiny gradients, where the
    two part within a few dozen steps. Use it freely outside this notebook.
    """

    def __init__(self, params, lr, betas=(0.9, 0.999), eps=1e-8):
        super().__init__(params, {"lr": lr, "betas": betas, "eps": eps})

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            (b1, b2), eps = group["betas"], group["eps"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state.update(t=0, m=torch.zeros_like(p), v=torch.zeros_like(p))
                state["t"] += 1
                t, m, v = state["t"], state["m"], state["v"]
                m.mul_(b1).add_(p.grad, alpha=1 - b1)
                v.mul_(b2).addcmul_(p.grad, p.grad, value=1 - b2)
                p.sub_(group["lr"] * math.sqrt(1 - b2**t) / (1 - b1**t) * m / (v.sqrt() + eps))


class BatchSampler:
    """Seeded epochs: a fresh shuffle of every training index whenever the last one is used up."""

    def __init__(self, n, rng):
        self.order, self.pos, self.rng = list(range(n)), n, rng

    def next(self, size):
        out = []
        for _ in range(min(size, len(self.order))):
            if self.pos >= len(self.order):
                shuffle(self.order, self.rng)
                self.pos = 0
            out.append(self.order[self.pos])
            self.pos += 1
        return torch.tensor(out)


class Run:
    """One run of the app: the network, the head, the optimizer and the seeded batches of a link's settings."""

    def __init__(self, p, spec, data):
        self.p, self.spec = p, spec
        rng = Rng(p["seed"])
        C, D = data["classes"], int(p["dim"])
        self.net = Embedding(data["input_dim"], p["hidden"], p["depth"], D)
        init_from_stream(self.net, rng)
        self.head = make_head(rng, p["seed"], D, C)
        self.x = torch.from_numpy(data["train"]["x"])
        self.y = torch.from_numpy(data["train"]["y"]).long()
        self.sampler = BatchSampler(len(self.y), Rng(salted(p["seed"], BATCH_SALT)))
        K = int(spec.get("K", 1)) if spec["kind"] == "subcenter" else 1
        self.columns = subcenter_columns(C, K) if K > 1 else None
        h = self.head
        params = list(self.net.parameters()) + [h["W"], h["bias"]] + ([h["extra"]] if K > 1 else [])
        if spec["kind"] == "sphereface2":
            with torch.no_grad():
                s0 = spec_at(spec, p, 0)
                h["b"].fill_(initial_bias(s0["alpha"], s0["r"], s0["m"], s0["t"], C))
            params.append(h["b"])
        self.opt = AppAdam(params, lr=p["lr"]) if p["optimizer"] == "adam" else torch.optim.SGD(params, lr=p["lr"], momentum=0.9)
        self.state = {"adaface": ADAFACE_START, "curricular": 0.0}
        self.steps = 0

    def weights(self):
        """W as the loss reads it: D×C, or D×(C·K) sub-centres."""
        W = self.head["W"]
        return W if self.columns is None else torch.cat([W, self.head["extra"]], 1)[:, self.columns]

    def bias(self):
        kind = self.spec["kind"]
        return self.head["b"] if kind == "sphereface2" else self.head["bias"] if kind in ("softmax", "center") else None

    def step(self):
        """One optimisation step on the next seeded batch; returns its loss."""
        p, kind = self.p, self.spec["kind"]
        spec = spec_at(self.spec, p, self.steps)
        idx = self.sampler.next(int(p["batch"]))
        xb, yb = self.x[idx], self.y[idx]
        features = self.net(xb)
        if kind == "adaface":  # the statistics move first, from this batch's norms
            self.state[kind] = update_stats(*self.state[kind], features.detach(), spec["alpha"])
            spec.update(batchMean=self.state[kind][0], batchStd=self.state[kind][1])
        if kind == "curricular":
            self.state[kind] = update_t(self.state[kind], features.detach(), self.head["W"].detach(), yb)
            spec["t"] = self.state[kind]
        W = self.weights()
        loss = compute_loss(spec, features, W, yb, b=self.bias(), centers=self.head["centers"])
        for group in self.opt.param_groups:
            group["lr"] = scheduled_lr(p["lr"], p["decay"], self.steps)
        self.opt.zero_grad()
        loss.backward()
        if kind == "center":  # Wen et al.: the centres follow the batch's features from before the update
            self.head["centers"] = update_centers(features.detach(), yb, self.head["centers"], p["alpha"])
        self.opt.step()
        self.steps += 1
        return loss.item()
