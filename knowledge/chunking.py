"""Split extracted sections into overlapping, token-bounded passages ready to embed.

Chunks are cut with the embedding model's own tokenizer so that what gets embedded is never silently
truncated by the model, and they end at paragraph or sentence boundaries where possible so passages
shown to users read naturally. The output is deterministic because downstream code hashes chunk text
to skip re-embedding unchanged passages.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import groupby
from typing import Any

from knowledge.extraction import Section

# Chunks prefer to end at a paragraph or sentence boundary found in this last share of the token window.
BOUNDARY_SEARCH_SHARE = 0.25
# The title + heading context may use at most this share of the model's token budget.
PREFIX_MAX_SHARE = 1 / 3
SENTENCE_END_CHARS = frozenset(".!?;。！？；۔।")
# Sentence-final marks of scripts written without spaces; a sentence can end there without a gap.
SPACELESS_SENTENCE_END_CHARS = frozenset("。！？；")

NO_BOUNDARY, WORD, WHITESPACE, SENTENCE, PARAGRAPH = range(5)


@dataclass(frozen=True)
class Chunk:
    """One passage of a source, with the context-prefixed text that is embedded for it."""

    text: str
    embed_text: str
    heading: str
    page_number: int | None
    position: int
    token_count: int


@dataclass(frozen=True)
class ChunkingConfig:
    """Token budgets: ``max_tokens`` is the model's hard limit, ``chunk_tokens`` the content target."""

    max_tokens: int = 256
    chunk_tokens: int = 200
    overlap_tokens: int = 40

    def __post_init__(self) -> None:
        if not 0 < self.chunk_tokens <= self.max_tokens:
            raise ValueError("chunk_tokens must be positive and at most max_tokens")
        if not 0 <= self.overlap_tokens < self.chunk_tokens:
            raise ValueError("overlap_tokens must be non-negative and smaller than chunk_tokens")


@dataclass(frozen=True)
class _TokenizedSection:
    """A section's text with its tokens' character offsets and word ids, computed once per section."""

    section: Section
    offsets: list[tuple[int, int]]
    word_ids: list[int | None]


@dataclass(frozen=True)
class _SectionPlan:
    """How one section is cut: its tokens, the context prefix of its chunks and the content token budget."""

    tokenized: _TokenizedSection
    prefix: str
    budget: int


def chunk_sections(
    sections: Sequence[Section], *, title: str, tokenizer: Any, config: ChunkingConfig
) -> list[Chunk]:
    """Chunk every section of one source; chunks never cross sections and fit ``config.max_tokens``."""
    special_tokens = tokenizer.num_special_tokens_to_add(pair=False)
    prefix_budget = math.floor((config.max_tokens - special_tokens) * PREFIX_MAX_SHARE)
    prefixes: dict[str, tuple[str, int]] = {}
    plans = []
    for tokenized in _tokenize_sections(_merge_adjacent_sections(sections), tokenizer):
        heading = tokenized.section.heading
        if heading not in prefixes:
            prefixes[heading] = _embed_prefix(title, heading, tokenizer, prefix_budget)
        prefix, prefix_tokens = prefixes[heading]
        budget = min(config.chunk_tokens, config.max_tokens - special_tokens - prefix_tokens)
        plans.append(_SectionPlan(tokenized, prefix, budget))
    passages = _fit_passages(plans, tokenizer, config)
    return [
        Chunk(
            text,
            embed_text,
            plan.tokenized.section.heading,
            plan.tokenized.section.page_number,
            position,
            count,
        )
        for position, (plan, text, embed_text, count) in enumerate(passages)
    ]


def _merge_adjacent_sections(sections: Sequence[Section]) -> list[Section]:
    """Join consecutive sections sharing heading and page, so tiny fragments do not become tiny chunks."""
    merged = []
    for (heading, page_number), group in groupby(sections, key=lambda s: (s.heading, s.page_number)):
        text = "\n\n".join(stripped for section in group if (stripped := section.text.strip()))
        if text:
            merged.append(Section(text, heading, page_number))
    return merged


def _tokenize_sections(sections: list[Section], tokenizer: Any) -> list[_TokenizedSection]:
    if not sections:
        return []
    encoding = tokenizer(
        [section.text for section in sections],
        add_special_tokens=False,
        return_offsets_mapping=True,
        verbose=False,  # sections are longer than the model limit on purpose; that is why we chunk
    )
    return [
        _TokenizedSection(section, encoding["offset_mapping"][index], encoding.word_ids(index))
        for index, section in enumerate(sections)
    ]


def _embed_prefix(title: str, heading: str, tokenizer: Any, prefix_budget: int) -> tuple[str, int]:
    """The "title\\nheading\\n" context and its token count, trimmed to the budget without touching content.

    When both parts are long each keeps at least half the budget; a short part leaves its unused share
    to the other.
    """
    parts = [part for part in (title.strip(), heading.strip()) if part]
    if not parts:
        return "", 0
    encoding = tokenizer(parts, add_special_tokens=False, return_offsets_mapping=True, verbose=False)
    lengths = [len(offsets) for offsets in encoding["offset_mapping"]]
    if sum(lengths) > prefix_budget:
        first_share = min(lengths[0], max(prefix_budget - sum(lengths[1:]), prefix_budget // 2))
        lengths = [first_share, *(min(length, prefix_budget - first_share) for length in lengths[1:])]
    kept = [
        part[: offsets[length - 1][1]].strip()
        for part, offsets, length in zip(parts, encoding["offset_mapping"], lengths, strict=True)
        if length > 0
    ]
    return "".join(f"{part}\n" for part in kept), sum(lengths)


def _fit_passages(
    plans: list[_SectionPlan], tokenizer: Any, config: ChunkingConfig
) -> list[tuple[_SectionPlan, str, str, int]]:
    """(plan, text, embed_text, token_count) for every passage, in order, measured on the real embed text.

    Token counts of prefix and passage usually add up exactly; if a tokenizer merges across the join,
    the offending sections are re-cut with a smaller budget until every passage fits.
    """
    passages: list[list[tuple[str, str]]] = [[] for _ in plans]
    counts: list[list[int]] = [[] for _ in plans]
    pending = list(range(len(plans)))
    while pending:
        for index in pending:
            plan = plans[index]
            texts = _split_section(plan.tokenized, plan.budget, config.overlap_tokens)
            passages[index] = [(text, plan.prefix + text) for text in texts]
        embed_texts = [embed_text for index in pending for _, embed_text in passages[index]]
        measured = iter(_count_tokens(embed_texts, tokenizer))
        for index in pending:
            counts[index] = [next(measured) for _ in passages[index]]
        pending = [index for index in pending if _shrink_budget(plans, index, counts[index], config)]
    return [
        (plan, text, embed_text, count)
        for plan, plan_passages, plan_counts in zip(plans, passages, counts, strict=True)
        for (text, embed_text), count in zip(plan_passages, plan_counts, strict=True)
    ]


def _count_tokens(texts: list[str], tokenizer: Any) -> list[int]:
    if not texts:
        return []
    return [len(ids) for ids in tokenizer(texts, add_special_tokens=True, verbose=False)["input_ids"]]


def _shrink_budget(plans: list[_SectionPlan], index: int, counts: list[int], config: ChunkingConfig) -> bool:
    """Lower a section's budget by its worst overshoot; False when it already fits (or cannot shrink)."""
    plan = plans[index]
    excess = max(counts, default=0) - config.max_tokens
    if excess <= 0 or plan.budget <= 1:
        return False
    plans[index] = replace(plan, budget=max(1, plan.budget - excess))
    return True


def _split_section(tokenized: _TokenizedSection, budget: int, overlap_tokens: int) -> list[str]:
    """Cut a section into windows of at most ``budget`` tokens, consecutive ones overlapping."""
    text, offsets = tokenized.section.text, tokenized.offsets
    token_count = len(offsets)
    overlap = min(overlap_tokens, budget // 2)
    passages = []
    start = 0
    while start < token_count:
        end = _window_end(tokenized, start, budget)
        passages.append(text[offsets[start][0] : offsets[end - 1][1]].strip())
        if end == token_count:
            break
        start = _overlap_start(tokenized, start, end, overlap)
    return passages


def _window_end(tokenized: _TokenizedSection, start: int, budget: int) -> int:
    """Exclusive end token of the window starting at ``start``: the most natural break near its end."""
    limit = min(start + budget, len(tokenized.offsets))
    if limit == len(tokenized.offsets):
        return limit
    search_from = max(start + 1, limit - math.ceil(budget * BOUNDARY_SEARCH_SHARE))
    best = max(range(search_from, limit + 1), key=lambda index: (_boundary_strength(tokenized, index), index))
    if _boundary_strength(tokenized, best) >= SENTENCE:
        return best
    for index in range(limit, start, -1):
        if _boundary_strength(tokenized, index) >= WORD:
            return index
    return limit


def _overlap_start(tokenized: _TokenizedSection, start: int, end: int, overlap: int) -> int:
    """Start of the next window: about ``overlap`` tokens before ``end``, moved forward to a word start.

    A whitespace-separated word start is preferred; spaceless scripts fall back to any word start.
    """
    candidates = range(max(end - overlap, start + 1), end)
    for strength in (WHITESPACE, WORD):
        for index in candidates:
            if _boundary_strength(tokenized, index) >= strength:
                return index
    return end


def _boundary_strength(tokenized: _TokenizedSection, index: int) -> int:
    """How natural a cut is just before token ``index`` (paragraph > sentence > whitespace > word)."""
    offsets, text = tokenized.offsets, tokenized.section.text
    previous_end, next_start = offsets[index - 1][1], offsets[index][0]
    gap = text[previous_end:next_start]
    last_char = text[previous_end - 1]
    if "\n" in gap:
        return PARAGRAPH
    if (gap and last_char in SENTENCE_END_CHARS) or last_char in SPACELESS_SENTENCE_END_CHARS:
        return SENTENCE
    if gap:
        return WHITESPACE
    if tokenized.word_ids[index] != tokenized.word_ids[index - 1]:
        return WORD
    return NO_BOUNDARY
