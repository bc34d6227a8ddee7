# The 13 losses as plain PyTorch functions, and compute_loss, which takes the app's LossSpec.
from .adaface import adaface
from .arcface import arcface
from .center import center
from .combined import combined
from .cosface import cosface
from .curricular import curricular
from .entry import LOSSES, compute_loss, register
from .lsoftmax import lsoftmax
from .magface import magface
from .normface import normface
from .softmax import softmax
from .sphereface import sphereface
from .sphereface2 import sphereface2
from .subcenter import subcenter

register(softmax, center, normface, sphereface, cosface, arcface, combined, lsoftmax, subcenter, magface, adaface,
         curricular, sphereface2)

__all__ = ["LOSSES", "compute_loss", "register"]
