"""pkuseg's segmenter with its feature table held in numpy arrays instead of Python objects.

spacy-pkuseg keeps the model's 2.6M feature strings in a dict and 1.2M training bigrams in a
set: ~650 MB of Python objects for a 105 MB weight vector, most of huibao's memory. Here the
features become sorted 64-bit keys (template, token ids) with their weight rows in the same
order, looked up for a whole text at once with `searchsorted`. Everything else is pkuseg's
own: text normalisation, the user-dictionary pre- and post-processing, and the Viterbi
decoder (`spacy_pkuseg.inference.run_viterbi`). Node scores add the same weights in the
same order as pkuseg's `getLogYY`, so the words are identical; tests compare both models
word for word. The bigram set is dropped: pkuseg only uses it in training.

Texts are normalised as pkuseg does (digits, Latin letters, separators) with one
`str.translate` onto characters that stand for the classes ("0", "Ａ", "&"); the model's
words are kept in that form (a dict of 116k short strings) and its features keyed by the
ids of those characters. Features and words that hold a character normalisation never
leaves in a text cannot fire and are left out.

The arrays are written once next to the model (`build`, run by `huibao fetch-model`) and
memory-mapped on load, so processes on one machine share them through the page cache.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

import numpy as np
import spacy_pkuseg
from spacy_pkuseg.feature_extractor import FeatureExtractor
from spacy_pkuseg.inference import run_viterbi

FORMAT_VERSION = 2
FOLDER = "compact"
_NOWORD = "**noWord"
# pkuseg's normalisation as a str.translate table onto characters that normalise the same.
_CLASSES = {"**Num": "0", "**Letter": "Ａ"}
_NORMALISE = str.maketrans({
    **{c: "0" for c in FeatureExtractor.num}, **{c: "Ａ" for c in FeatureExtractor.letter},
    **{c: "&" for c in FeatureExtractor.keywords},
})
_NORMALISED_AWAY = FeatureExtractor.num | FeatureExtractor.letter | set(FeatureExtractor.keywords)
_WORD_LENGTHS = range(6, 1, -1)  # pkuseg's wordMax .. wordMin, longest first
_PAD = max(_WORD_LENGTHS)
_ID_BITS = 28
_SHIFT = np.uint64(_ID_BITS)
# Feature templates by pkuseg's prefix, numbered in the order pkuseg tries them.
_TEMPLATE = {"$$": 0, "c": 1, "c-1": 2, "c-1c": 3, "c1": 4, "cc1": 5, "c-2": 6, "c-2c-1": 7, "c2": 8,
             "w-1": 9, "w1": 10, "ww.l": 11, "ww.r": 12}


def _key(template: int, first: int = 0, second: int = 0) -> int:
    return (template << (2 * _ID_BITS)) | (first << _ID_BITS) | second


def _normalised(token_string: str) -> str | None:
    """A word or character of the model as it reads in normalised text; None if it never
    can ("**Num" is one token, a raw digit or comma is gone after normalisation)."""
    out, i = [], 0
    while i < len(token_string):
        special = next((s for s in _CLASSES if token_string.startswith(s, i)), None)
        if special:
            out.append(_CLASSES[special])
            i += len(special)
            continue
        char = token_string[i]
        if char in _NORMALISED_AWAY:
            return None
        out.append(char)
        i += 1
    return "".join(out)


def build(model_dir: str | Path) -> Path:
    """Write the compact arrays for the pkuseg model in `model_dir` (features + weights)."""
    model_dir = Path(model_dir)
    features = FeatureExtractor.load(str(model_dir))
    weights = np.load(model_dir / "weights.npz")
    n_tag, n_feature = (int(x) for x in weights["sizes"])
    w = weights["w"]

    char_ids: dict[str, int] = {}

    def char_id(token: str) -> int | None:
        char = _normalised(token)
        if char is None or len(char) != 1:
            return None
        return char_ids.setdefault(char, len(char_ids))

    words: dict[str, int] = {}  # normalised word → id
    by_word: dict[str, int] = {}  # the model's spelling → id
    for word in sorted(features.unigram):
        form = _normalised(word)
        if form is not None and len(form) in _WORD_LENGTHS:
            by_word[word] = words.setdefault(form, len(words))
    by_word[_NOWORD] = no_word = len(words)

    keys, rows = [], []
    for feature, index in features.feature_to_idx.items():
        name, _, rest = feature.partition(".")
        if name == "ww":
            name, rest = feature[:4], feature[5:]
        template = _TEMPLATE.get(name)
        if template is None:
            raise ValueError(f"{model_dir}: unknown pkuseg feature template in {feature!r}")
        if template == 0:
            ids = [(0, 0)]
        elif template in (3, 5, 7):
            first, second = (char_id(t) for t in rest.split("."))
            ids = [(first, second)]
        elif template <= 8:
            ids = [(char_id(rest), 0)]
        elif template <= 10:
            ids = [(by_word.get(rest), 0)]
        else:  # PRE*POST where a word may itself hold '*': every split into two words counts
            ids = [(by_word[rest[:i]], by_word[rest[i + 1:]]) for i, c in enumerate(rest)
                   if c == "*" and rest[:i] in by_word and rest[i + 1:] in by_word]
        for first, second in ids:
            if first is not None and second is not None:
                keys.append(_key(template, first, second))
                rows.append(index)
    if max(len(char_ids), no_word) >= 2**_ID_BITS - 1:
        raise ValueError(f"{model_dir}: vocabulary too large for {_ID_BITS}-bit ids")

    keys_array = np.array(keys, dtype=np.uint64)
    order = np.argsort(keys_array, kind="stable")
    node = w[: n_feature * n_tag].reshape(n_feature, n_tag)
    unknown = len(char_ids)  # every other character, and the padding around a text
    table = np.full(0x110000, unknown, dtype=np.int32)
    table[[ord(c) for c in char_ids]] = list(char_ids.values())

    folder = model_dir / FOLDER
    folder.mkdir(exist_ok=True)
    np.save(folder / "keys.npy", keys_array[order])
    # One row per key, then a row of zeros for the features a text does not have.
    np.save(folder / "node_weights.npy", np.concatenate([node[np.array(rows, dtype=np.int64)[order]],
                                                         np.zeros((1, n_tag))]))
    np.save(folder / "edge_weights.npy", w[n_feature * n_tag:].reshape(n_tag, n_tag))
    np.save(folder / "char_table.npy", table)
    (folder / "words.json").write_text(json.dumps(list(words), ensure_ascii=False))
    (folder / "meta.json").write_text(json.dumps({
        "format": FORMAT_VERSION, "n_tag": n_tag, "unknown": unknown, "tag_to_idx": features.tag_to_idx,
    }))
    return folder


def is_built(model_dir: str | Path) -> bool:
    meta = Path(model_dir) / FOLDER / "meta.json"
    try:
        return json.loads(meta.read_text())["format"] == FORMAT_VERSION
    except (OSError, ValueError, KeyError):
        return False


class CompactPkuseg(spacy_pkuseg.pkuseg):
    """spacy_pkuseg.pkuseg (mixed-domain model, default user dictionary, no POS tags) over
    the compact arrays of `build`; a drop-in for spaCy's `tokenizer.pkuseg_seg`."""

    def __init__(self, model_dir: str | Path):  # noqa: super().__init__ would load the dict
        folder = Path(model_dir) / FOLDER
        meta = json.loads((folder / "meta.json").read_text())

        def array(name: str) -> np.ndarray:
            return np.load(folder / f"{name}.npy", mmap_mode="r").view(np.ndarray)

        self._keys, self._node, self._char_table = array("keys"), array("node_weights"), array("char_table")
        self._words = {word: i for i, word in enumerate(json.loads((folder / "words.json").read_text()))}
        self._no_word, self._unknown = len(self._words), meta["unknown"]
        self.postag = False
        self.n_tag = meta["n_tag"]
        self.idx_to_tag = {index: tag for tag, index in meta["tag_to_idx"].items()}
        self._begins = [("B" in self.idx_to_tag[i]) for i in range(len(self.idx_to_tag))]
        # pkuseg's edge scores start at 1 (node scores at 0); edge_weights are [tag, previous tag].
        self._edge_score = np.ones((self.n_tag, self.n_tag)) + array("edge_weights").T
        self._word_starts = lru_cache(maxsize=2**16)(self._starts_of_words)
        self.preprocesser = spacy_pkuseg.Preprocesser(None)
        default_dict = os.path.join(os.path.dirname(spacy_pkuseg.__file__), "dicts", "default.pkl")
        self.postprocesser = spacy_pkuseg.Postprocesser(None, [default_dict])

    def _cut(self, text: str) -> list[str]:
        if not text:
            return []
        starts = self._word_starts(text.translate(_NORMALISE))
        return [text[a:b] for a, b in zip(starts, (*starts[1:], len(text)))]

    def _starts_of_words(self, normalised: str) -> tuple[int, ...]:
        """Where words start. The tags depend on the normalised text only, so texts that
        differ only in their digits or Latin letters share one (cached) answer."""
        tags = run_viterbi(self._node_scores(normalised), self._edge_score)[1]
        return (0, *(i for i in range(1, len(normalised)) if self._begins[tags[i]]))

    def _node_scores(self, normalised: str) -> np.ndarray:
        n = len(normalised)
        # Rows: zeros, the characters' ids, then per word length (6..2) the id of the word
        # starting at each position; padded so that every offset below stays inside. The
        # padding's ids are in no key: a feature beyond the text's edge is not found.
        # Column 0 is pkuseg's "$$" feature (key 0), which every character has.
        rows = self._blank_rows(n).copy()
        codes = np.frombuffer(normalised.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        rows[1, _PAD:_PAD + n] = self._char_table[codes]
        word_id, no_word = self._words.get, self._no_word
        for row, length in enumerate(_WORD_LENGTHS, start=2):
            if n >= length:
                rows[row, _PAD:_PAD + n - length + 1] = [
                    word_id(normalised[i:i + length], no_word) for i in range(n - length + 1)]

        first, second = _gather_indices(n)
        flat = rows.ravel()
        candidates = _TEMPLATES | (flat[first] << _SHIFT) | flat[second]
        found = np.searchsorted(self._keys, candidates)
        np.minimum(found, len(self._keys) - 1, out=found)
        weight_rows = np.where(self._keys[found] == candidates, found, len(self._keys))  # else zeros
        # cumsum adds strictly left to right, in pkuseg's order: the same scores to the bit.
        return np.cumsum(self._node[weight_rows], axis=1)[:, -1]

    @lru_cache(maxsize=256)
    def _blank_rows(self, n: int) -> np.ndarray:
        rows = np.full((2 + len(_WORD_LENGTHS), n + 2 * _PAD), self._no_word, dtype=np.uint64)
        rows[0], rows[1] = 0, self._unknown
        return rows


@lru_cache(maxsize=256)
def _gather_indices(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Flat indices into `_node_scores`' rows of each character's first and second ids."""
    width = n + 2 * _PAD
    index = np.arange(_PAD, _PAD + n)[:, None]
    return _FIRST_ROW * width + index + _FIRST_OFFSET, _SECOND_ROW * width + index + _SECOND_OFFSET


def _candidate_columns() -> list[tuple[int, int, int, int, int]]:
    """The features pkuseg tries at a character, in its order: (template, row and offset
    of the first id, row and offset of the second). Rows as in `_node_scores`: 0 zeros,
    1 characters, 2 + k words of length _WORD_LENGTHS[k]."""
    chars = [(0, None, None), (1, 0, None), (2, -1, None), (3, -1, 0), (4, 1, None), (5, 0, 1), (6, -2, None),
             (7, -2, -1), (8, 2, None)]
    columns = [(0, 0, 0, 0, 0) if t == 0 else (t, 1, a, 0, 0) if b is None else (t, 1, a, 1, b)
               for t, a, b in chars]
    words = list(enumerate(_WORD_LENGTHS, start=2))
    columns += [(9, row, 1 - length, 0, 0) for row, length in words]  # the word ending here
    columns += [(10, row, 0, 0, 0) for row, _ in words]  # the word starting here
    # a word ending just before x one starting here; one ending here x one starting after
    columns += [(11, r1, -l1, r2, 0) for r1, l1 in words for r2, _ in words]
    columns += [(12, r1, 1 - l1, r2, 1) for r1, l1 in words for r2, _ in words]
    return columns


_COLUMNS = _candidate_columns()
_TEMPLATES = np.array([_key(c[0]) for c in _COLUMNS], dtype=np.uint64)
_FIRST_ROW, _FIRST_OFFSET, _SECOND_ROW, _SECOND_OFFSET = (np.array([c[i] for c in _COLUMNS]) for i in (1, 2, 3, 4))
