"""A word cloud's layout: words on an Archimedean spiral from the centre, without overlaps.

Pure arithmetic on boxes (no Qt): the window measures the texts first (``wanted_texts``,
then its font metrics), so the layout itself can run on any thread. The most typed word
comes first, at the centre; sizes follow the counts.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

MAX_CLOUD_WORDS = 40
SCALES = (1.0, 0.7, 0.5)  # the whole cloud tried smaller when some words find no room

Measure = Callable[[str, int], tuple[float, float]]  # (text, pixel size) -> (width, height)


@dataclass(frozen=True)
class PlacedWord:
    """A word of the cloud where it goes: its box (x, y from the cloud's centre; pixels)."""

    word: str
    count: int
    px: int
    x: float
    y: float
    width: float
    height: float


def word_px(count: int, most: int, largest_px: int, smallest_px: int) -> int:
    """A word's pixel size: its area grows with its count (half as often: ~0.7 as tall)."""
    return max(smallest_px, int(largest_px * math.sqrt(count / most)))


def label(word: str, count: int) -> str:
    """What a placed word's box holds: the word and its count beside it."""
    return f"{word} {count}"


def wanted_texts(words: Sequence[tuple[str, int]], *, largest_px: int, smallest_px: int
                 ) -> set[tuple[str, int]]:
    """Every (text, pixel size) ``layout`` may measure, for measuring them beforehand."""
    words = list(words[:MAX_CLOUD_WORDS])
    if not words:
        return set()
    most = max(count for _, count in words)
    wanted = set()
    for scale in SCALES:
        largest = max(smallest_px, int(largest_px * scale))
        for word, count in words:
            wanted.add((label(word, count), word_px(count, most, largest, smallest_px)))
    return wanted


def layout(words: Sequence[tuple[str, int]], width: int, height: int, measure: Measure, *,
           largest_px: int, smallest_px: int) -> list[PlacedWord]:
    """Place ``words`` (most typed first) in a ``width`` x ``height`` room, sizes by count
    between ``smallest_px`` and ``largest_px``; when some find no room the whole cloud is
    tried smaller (twice at most), and words that still find none are left out."""
    best: list[PlacedWord] = []
    wanted = min(len(words), MAX_CLOUD_WORDS)
    for scale in SCALES:
        placed = _spiral(words[:MAX_CLOUD_WORDS], width, height, measure,
                         max(smallest_px, int(largest_px * scale)), smallest_px)
        if len(placed) > len(best):
            best = placed
        if len(best) == wanted:
            break
    return best


def _spiral(words: Sequence[tuple[str, int]], width: int, height: int, measure: Measure,
            largest_px: int, smallest_px: int) -> list[PlacedWord]:
    placed: list[PlacedWord] = []
    if not words:
        return placed
    most = max(count for _, count in words)
    half_w, half_h = width / 2, height / 2
    taken: list[tuple[float, float, float, float]] = []  # boxes with their margins
    cos, sin = math.cos, math.sin
    for word, count in words:
        px = word_px(count, most, largest_px, smallest_px)
        w, h = measure(label(word, count), px)
        if w > 2 * half_w or h > 2 * half_h:
            continue
        # Past this radius every point of the spiral puts the box outside the room (its
        # centre must stay within (half_w - w/2) / 1.6 across and half_h - h/2 down):
        # the spiral stops there, where it used to walk on to the room's corners.
        reach = math.hypot(max(0.0, half_w - w / 2) / 1.6, max(0.0, half_h - h / 2))
        angle = 0.0
        while True:
            radius = 3.0 * angle
            if radius > reach:
                break
            # Wider than tall: a screen is, and so should the cloud be.
            x = radius * cos(angle) * 1.6 - w / 2
            y = radius * sin(angle) - h / 2
            angle += 0.45 if radius < 60 else 30.0 / radius  # about even steps along it
            if x < -half_w or x + w > half_w or y < -half_h or y + h > half_h:
                continue
            right, bottom = x + w, y + h
            # Apart from every placed box by 4 px across and 2 px down (as QRectF's
            # intersects: touching edges do not overlap).
            for left2, top2, right2, bottom2 in taken:
                if x < right2 and left2 < right and y < bottom2 and top2 < bottom:
                    break
            else:
                placed.append(PlacedWord(word, count, px, x, y, w, h))
                taken.append((x - 4, y - 2, right + 4, bottom + 2))
                break
    return placed
