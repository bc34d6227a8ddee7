# Data a link cannot regenerate (MNIST, an uploaded CSV): carried beside the notebook as an .npz.
import numpy as np


def load_carried(path):
    """The arrays the app trained on, from the .npz the export wrote (train_x, train_y, test_x, test_y, heldout_*)."""
    z = np.load(path)
    data = {"input_dim": z["train_x"].shape[1], "classes": int(z["classes"][0])}
    for part in ("train", "test", "heldout"):
        if f"{part}_x" in z.files:
            data[part] = {"x": z[f"{part}_x"].astype(np.float32), "y": z[f"{part}_y"].astype(np.int32)}
    return data
