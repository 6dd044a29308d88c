"""Read YAML into plain data plus the location of every value; never constructs objects."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from engine.errors import Location, Problem, os_reason, phrase

Path_ = tuple[str | int, ...]

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_SCALARS: dict[str, Callable[[str], Any]] = {
    "tag:yaml.org,2002:null": lambda v: None,
    "tag:yaml.org,2002:bool": lambda v: v.lower() in ("yes", "true", "on", "y"),
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """A parsed file: its data, and where each value (by path) starts in the text."""

    file: str
    data: Any
    marks: Mapping[Path_, tuple[int, int]] = field(default_factory=dict)
    text: str = ""

    def locate(self, path: Path_) -> Location:
        """The location of the value at `path`, or of its nearest located parent."""
        for cut in range(len(path), -1, -1):
            mark = self.marks.get(tuple(path[:cut]))
            if mark is not None:
                return Location(file=self.file, line=mark[0], column=mark[1])
        return Location(file=self.file, line=1, column=1)


#: What one file may make the reader build. A tree of 20,000 questions is 8 MB and expands
#: nothing through aliases; an alias that repeats a repeated part ("billion laughs") makes a
#: file of a few hundred bytes exponentially large, so values reached through an alias are
#: counted and capped. Both limits are named in the message.
MAX_BYTES = 16_000_000
MAX_ALIAS_VALUES = 10_000
_MAX_VALUES = 5_000_000


class _TooLarge(Exception):
    def __init__(self, node: yaml.Node, through_alias: bool = False) -> None:
        self.node = node
        self.through_alias = through_alias


class _Builder:
    """Turns a composed YAML node tree into plain data and a path -> mark table."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.marks: dict[Path_, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.active: set[int] = set()
        self.budget = _MAX_VALUES
        self.seen: set[int] = set()  # nodes built once: meeting one again is an alias
        self.repeating = 0  # how deep inside a part that an alias repeats
        self.alias_budget = MAX_ALIAS_VALUES

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        self.budget -= 1
        if self.budget < 0 or id(node) in self.active:
            raise _TooLarge(node)  # a document that contains itself
        again = id(node) in self.seen
        if again or self.repeating:
            self.alias_budget -= 1
            if self.alias_budget < 0:
                raise _TooLarge(node, through_alias=True)
        self.seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        self.active.add(id(node))
        self.repeating += again
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, path)
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        finally:
            self.active.discard(id(node))
            self.repeating -= again

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None or key_node.tag == "tag:yaml.org,2002:merge":
                self._problem(key_node, phrase("read.key_complex"),
                              phrase("read.key_plain"))
                continue
            if key in out:
                first = self.marks.get((*path, key), (0, 0))
                self._problem(key_node, phrase("read.key_twice", name=key),
                              phrase("read.key_once"), phrase("read.key_first", line=first[0]))
                continue
            out[key] = self.build(value_node, (*path, key))
        return out

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        convert = _SCALARS.get(node.tag)
        if convert is None:  # strings, and timestamps kept as text
            return node.value
        try:
            return convert(node.value)
        except ValueError:
            return node.value

    def _problem(self, node: yaml.Node, found: str, expected: str, hint: str = "") -> None:
        mark = node.start_mark
        self.problems.append(_fail(self.file, (mark.line + 1, mark.column + 1), "yaml", found,
                                   expected, hint))


def _fail(file: str, at: tuple[int, int], code: str, found: str, expected: str,
          hint: str = "") -> Problem:
    loc = Location(file=file, line=at[0], column=at[1])
    return Problem(location=loc, code=code, found=found, expected=expected, hint=hint)


#: PyYAML's English message (a fragment of it) -> our words for it, with the fix. The
#: specific ones first; a message none of these name is said as a YAML error with the
#: parser's own text marked as the technical detail.
_YAML_KINDS = (("nesting depth", "deep"), ("undefined alias", "alias"),
               ("duplicate anchor", "anchor"), ("directive", "directive"),
               ("incompatible YAML document", "directive"), ("another document", "document"),
               ("<document start>", "trailing"), ("unknown escape", "escape"),
               ("expected node content", "content"),
               ("scanning an anchor", "name"), ("scanning an alias", "name"),
               ("scanning a tag", "name"), ("block scalar", "block"),
               ("mapping values are not allowed", "colon"), ("flow mapping", "flow"),
               ("flow sequence", "flow"), ("tab character", "tab"),
               ("cannot start any token", "tab"),
               ("quoted scalar", "quote"), ("could not find expected ':'", "key"),
               ("simple key", "key"), ("block end", "indent"), ("block mapping", "indent"),
               ("block collection", "indent"), ("expected key", "indent"))


def yaml_problem(loc: Location, context: str, detail: str, before: str = "") -> Problem:
    """A YAML syntax error said in Dutch (and English), with the fix, at its place; `before`
    is the text of its line up to that place."""
    said = f"{context} {detail}"
    kind = next((k for fragment, k in _YAML_KINDS if fragment in said), "other")
    if kind in ("indent", "key") and before.rstrip().endswith(("'", '"')):
        kind = "trailing"  # `nl: 'Let op' en meer`: text after a closed quote, not indentation
    if kind == "other":
        found = phrase("yaml.other", detail=f"{context}: {detail}" if context else detail)
    else:
        found = phrase(f"yaml.{kind}")
    return Problem(location=loc, code="yaml", found=found,
                   expected=phrase("yaml.expected"), hint=phrase(f"yaml.{kind}_fix"))


def _unreadable_character(file: str, text: str, exc: yaml.reader.ReaderError) -> Problem:
    """A character YAML does not allow (a control character), at its line and column."""
    before = text[:exc.position]
    loc = Location(file=file, line=before.count("\n") + 1,
                   column=exc.position - (before.rfind("\n") + 1) + 1)
    code = f"U+{exc.character:04X}" if isinstance(exc.character, int) else "?"
    return Problem(location=loc, code="yaml", found=phrase("yaml.control", code=code),
                   expected=phrase("yaml.expected"), hint=phrase("yaml.control_fix"))


def parse(text: str, file: str) -> tuple[Document | None, tuple[Problem, ...]]:
    """Parse YAML text; a syntax error or duplicate key becomes a located problem."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        loc = Location(file=file, line=line, column=col)
        lines = text.split("\n")
        before = lines[line - 1][:col - 1] if line <= len(lines) else ""
        return None, (yaml_problem(loc, exc.context or "", exc.problem or "", before),)
    except yaml.reader.ReaderError as exc:
        return None, (_unreadable_character(file, text, exc),)
    except yaml.YAMLError as exc:
        loc = Location(file=file, line=1, column=1)
        return None, (yaml_problem(loc, "", str(exc)),)
    if root is None:
        return None, (_fail(file, (1, 1), "empty", phrase("read.empty"),
                            phrase("read.empty_expected")),)
    builder = _Builder(file)
    try:
        data = builder.build(root, ())
    except _TooLarge as exc:
        mark = exc.node.start_mark
        if exc.through_alias:
            return None, (_fail(file, (mark.line + 1, mark.column + 1), "yaml.aliases",
                                phrase("read.aliases", limit=MAX_ALIAS_VALUES),
                                phrase("read.aliases_expected", limit=MAX_ALIAS_VALUES),
                                phrase("read.aliases_fix")),)
        return None, (_too_deep(file, root),)
    except RecursionError:
        return None, (_too_deep(file, root),)
    doc = Document(file=file, data=data, marks=builder.marks, text=text)
    return doc, tuple(builder.problems)


def _too_deep(file: str, root: yaml.Node) -> Problem:
    at = (root.start_mark.line + 1, root.start_mark.column + 1)
    return _fail(file, at, "yaml", phrase("read.deep"), phrase("read.deep_expected"),
                 phrase("read.deep_fix"))


def read(path: Path, display: str | None = None) -> tuple[Document | None, tuple[Problem, ...]]:
    """Read and parse a YAML file; unreadable bytes become a located problem, not a traceback.
    At most MAX_BYTES are read, so a huge file (or a device such as /dev/zero) is refused."""
    name = display or str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            return None, (_fail(name, (1, 1), "size",
                                phrase("read.size", mb=MAX_BYTES // 1_000_000),
                                phrase("read.size_expected", mb=MAX_BYTES // 1_000_000),
                                phrase("read.size_fix")),)
        text = raw.decode("utf-8")
    except OSError as exc:
        return None, (_fail(name, (0, 0), "io", phrase("read.io", reason=os_reason(exc)),
                            phrase("read.io_expected")),)
    except UnicodeDecodeError as exc:
        before = exc.object[:exc.start]
        line = before.count(b"\n") + 1
        loc = Location(file=name, line=line, column=exc.start - (before.rfind(b"\n") + 1) + 1)
        return None, (Problem(location=loc, code="encoding", found=phrase("read.encoding"),
                              expected=phrase("read.encoding_expected"),
                              hint=phrase("read.encoding_fix")),)
    if "\x00" in text:
        loc = Location(file=name, line=1, column=text.index("\x00") + 1)
        return None, (Problem(location=loc, code="encoding", found=phrase("read.nul"),
                              expected=phrase("read.nul_expected"), hint=phrase("read.nul_fix")),)
    return parse(text, name)
