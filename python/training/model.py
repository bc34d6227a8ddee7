# The network and the class weights, initialised from the app's seeded stream (src/train/mlp.ts, head.ts).
import math

import numpy as np
import torch
from torch import nn

from toydata.rng import Rng, salted

SUBCENTER_SALT = 0x5C0B5EED
MAX_SUBCENTERS = 4


class Embedding(nn.Module):
    """An MLP: `depth` ReLU layers of width `hidden`, then a linear layer to `dim` raw features."""

    def __init__(self, input_dim, hidden, depth, dim):
        super().__init__()
        sizes = [input_dim] + [hidden] * depth + [dim]
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes, sizes[1:]))

    def forward(self, x):
        for layer in self.layers[:-1]:
            x = torch.relu(layer(x))
        return self.layers[-1](x)


@torch.no_grad()
def init_from_stream(net, rng):
    """He-uniform weights U(−√(6/fan_in), √(6/fan_in)), drawn row by row of the fan_in×fan_out matrix; zero biases."""
    for layer in net.layers:
        fan_out, fan_in = layer.weight.shape
        limit = math.sqrt(6 / fan_in)
        values = np.array([(rng.next() * 2 - 1) * limit for _ in range(fan_in * fan_out)], dtype=np.float32)
        layer.weight.copy_(torch.from_numpy(values.reshape(fan_in, fan_out).T.copy()))
        layer.bias.zero_()


def make_head(rng, seed, dim, classes):
    """W (D×C) ~ N(0, 1/D) from the network's stream; sub-centres 1…3 of each class from a stream of their own."""
    W = np.array([rng.normal() / math.sqrt(dim) for _ in range(dim * classes)], dtype=np.float32)
    extra_rng = Rng(salted(seed, SUBCENTER_SALT))
    extra = [extra_rng.normal() / math.sqrt(dim) for _ in range(dim * classes * (MAX_SUBCENTERS - 1))]
    return {
        "W": torch.tensor(W.reshape(dim, classes), requires_grad=True),
        "extra": torch.tensor(np.array(extra, dtype=np.float32).reshape(dim, -1), requires_grad=True),
        "bias": torch.zeros(classes, requires_grad=True),
        "b": torch.zeros(1, requires_grad=True),
        "centers": torch.zeros(classes, dim),
    }


def subcenter_columns(classes, K):
    """Column j·K + k of the loss's W is sub-centre k of class j: W's column j for k = 0, else one of `extra`'s."""
    return [c if k == 0 else classes + c * (MAX_SUBCENTERS - 1) + k - 1 for c in range(classes) for k in range(K)]
