"""Generate a large, valid tree set for the benchmarks (data only; nothing here is shipped)."""

from __future__ import annotations

from pathlib import Path

import yaml

LEVELS = 16


def tree_set(root: Path, questions: int) -> Path:
    """Write trees/ with one tree of `questions` question nodes (a binary tree of yes/no
    questions, one fact per depth) plus facts and sources; returns the trees folder."""
    trees = root / "trees"
    (trees / "groot").mkdir(parents=True, exist_ok=True)
    facts = {f"f{d}": {"type": "yes_no", "label": {"nl": f"Feit {d}"}} for d in range(LEVELS)}
    (trees / "facts.yaml").write_text(yaml.safe_dump({"version": "1.0.0", "facts": facts}))
    sources = {"avg": {"name": {"nl": "AVG"}, "short": "AVG", "identifier": "CELEX:32016R0679",
                       "url": "https://eur-lex.europa.eu/eli/reg/2016/679/oj",
                       "consolidation": "2026-01-01"}}
    (trees / "sources.yaml").write_text(yaml.safe_dump({"sources": sources}))
    nodes: dict[str, object] = {}
    for i in range(questions):
        depth = (i + 1).bit_length() - 1
        kids = [2 * i + 1, 2 * i + 2]
        nodes[f"q{i}"] = {
            "kind": "question", "fact": f"f{depth}",
            "text": {"nl": f"Vraag {i}?", "en": f"Question {i}?"},
            "why": {"text": {"nl": "Omdat het moet."}, "citations": ["avg:6(1)(e)"]},
            "options": [{"value": v, "next": f"q{k}" if k < questions else f"o{k}"}
                        for v, k in zip(("ja", "nee"), kids, strict=True)],
        }
        for k in kids:
            if k >= questions:
                nodes[f"o{k}"] = {"kind": "outcome", "verdict": "advies", "regime": "avg",
                                  "summary": {"nl": f"Uitkomst {k}."}, "grounds": ["avg:6"]}
    tree = {"id": "groot", "title": {"nl": "Groot"}, "version": "1.0.0",
            "valid_from": "2026-01-01", "valid_until": None, "status": "concept", "entry": True,
            "changelog": [{"version": "1.0.0", "date": "2026-01-01", "changes": {"nl": "x"}}],
            "start": "q0", "nodes": nodes}
    (trees / "groot" / "1.0.0.yaml").write_text(
        yaml.dump(tree, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False,
                  allow_unicode=True))
    return trees
