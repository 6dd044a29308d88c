"""A small document model (headings, paragraphs, lists, tables, page breaks) and its Markdown."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Para:
    text: str
    style: str = ""  # "", "bold", "italic", "quote"


@dataclass(frozen=True, slots=True, kw_only=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Table:
    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class PageBreak:
    pass


Block = Heading | Para | Bullets | Table | PageBreak


def to_markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        match block:
            case Heading():
                out += [f"{'#' * block.level} {block.text}", ""]
            case Para():
                text = {"bold": f"**{block.text}**", "italic": f"*{block.text}*",
                        "quote": f"> {block.text}"}.get(block.style, block.text)
                out += [text, ""]
            case Bullets():
                out += [f"- {item}" for item in block.items] + [""]
            case Table():
                out.append("| " + " | ".join(block.head) + " |")
                out.append("|" + " --- |" * len(block.head))
                out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
                out.append("")
            case PageBreak():
                out += ["---", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")
