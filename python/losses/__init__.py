# The 13 losses as plain PyTorch functions, and one entry point that takes the app's LossSpec.
import inspect
import re

from .adaface import adaface
from .arcface import arcface
from .center import center
from .combined import combined
from .cosface import cosface
from .curricular import curricular
from .lsoftmax import lsoftmax
from .magface import magface
from .normface import normface
from .softmax import softmax
from .sphereface import sphereface
from .sphereface2 import sphereface2
from .subcenter import subcenter

LOSSES = {f.__name__: f for f in (softmax, center, normface, sphereface, cosface, arcface, combined,
                                  lsoftmax, subcenter, magface, adaface, curricular, sphereface2)}
# Spec keys a loss function does not read: AdaFace's statistics rate (the update reads it) and
# SphereFace2's b as the view knows it (the loss reads the learned b).
NOT_READ = {"adaface": {"alpha"}, "sphereface2": {"b"}}


def argument_name(key):
    """A LossSpec key as the Python argument: camelCase to snake_case, and lambda (a keyword) to lam."""
    return "lam" if key == "lambda" else re.sub(r"(?<=[a-z])([A-Z])", lambda g: "_" + g.group(1).lower(), key)


def compute_loss(spec, x, W, labels, b=None, centers=None):
    """The batch mean of spec["kind"]'s loss; spec uses the app's LossSpec keys ({"kind": "arcface", "s": 10, "m": 0.3})."""
    fn = LOSSES[spec["kind"]]
    takes = inspect.signature(fn).parameters
    kwargs = {argument_name(k): v for k, v in spec.items() if k != "kind" and k not in NOT_READ.get(spec["kind"], ())}
    unknown = set(kwargs) - set(takes)
    if unknown:
        raise ValueError(f"{spec['kind']} takes no {', '.join(sorted(unknown))}")
    if "b" in takes:
        kwargs["b"] = b
    if "centers" in takes:
        kwargs["centers"] = centers
    return fn(x, W, labels, **kwargs)
