"""What the professional adds to a decision for the case file: ticks and a few short fields."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

#: Longest field kept (a case reference, a role, a few sentences on what was done).
MAX_FIELD = 2000


@dataclass(frozen=True, slots=True, kw_only=True)
class Filing:
    """Roles and references, never names. `checked` holds the positions (from 0) of the
    conditions ticked off in the checklist; `checked_for` the conditions they were ticked on
    (their Dutch text), so that ticks never carry over to another outcome's checklist."""

    case_ref: str = ""
    decided_by: str = ""
    done: str = ""
    checked: frozenset[int] = frozenset()
    checked_for: tuple[str, ...] = field(default=())

    def is_checked(self, index: int) -> bool:
        return index in self.checked

    def ticked(self, index: int, on: bool) -> Filing:
        """The same filing with condition `index` ticked (`on`) or not."""
        checked = self.checked | {index} if on else self.checked - {index}
        return Filing(case_ref=self.case_ref, decided_by=self.decided_by, done=self.done,
                      checked=frozenset(checked), checked_for=self.checked_for)

    def for_conditions(self, conditions: tuple[str, ...]) -> Filing:
        """The ticks kept when they were made on these conditions, else none (another outcome)."""
        if conditions == self.checked_for:
            return self
        return Filing(case_ref=self.case_ref, decided_by=self.decided_by, done=self.done,
                      checked=frozenset(), checked_for=conditions)

    @property
    def is_empty(self) -> bool:
        return not (self.case_ref or self.decided_by or self.done or self.checked)


def to_data(filing: Filing) -> dict[str, object]:
    """A JSON-ready form, kept with the walk in progress."""
    return {"case_ref": filing.case_ref, "decided_by": filing.decided_by, "done": filing.done,
            "checked": sorted(filing.checked), "checked_for": list(filing.checked_for)}


def from_data(data: object) -> Filing:
    """The filing saved by `to_data`; anything that does not fit is left out, never raised:
    a damaged note must not cost the person their walk."""
    if not isinstance(data, Mapping):
        return Filing()

    def text(key: str) -> str:
        value = data.get(key)
        return value[:MAX_FIELD] if isinstance(value, str) else ""

    checked = data.get("checked")
    conditions = data.get("checked_for")
    return Filing(
        case_ref=text("case_ref"), decided_by=text("decided_by"), done=text("done"),
        checked=frozenset(i for i in checked if isinstance(i, int) and 0 <= i < 1000)
        if isinstance(checked, list) else frozenset(),
        checked_for=tuple(c for c in conditions if isinstance(c, str))
        if isinstance(conditions, list) else ())
