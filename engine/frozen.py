"""Frozen: the base of the model's dataclasses, pickled compactly as (class, field values).

Why it exists (measured when it was introduced): the tree cache is unpickled at every start, and the
per-field `__setstate__` that dataclasses give frozen slotted classes took 60% of that time; with
this base, reading the shipped tree set back takes 15 ms instead of 20. Nothing else in the engine
depends on how the model pickles.
"""

from __future__ import annotations

from collections.abc import Callable


class Frozen:
    """Base of the model's frozen dataclasses: pickled as (class, field values).

    The tree cache (engine/read/cache.py) is unpickled at every start; the per-field `__setstate__`
    that dataclasses give frozen slotted classes took 60% of that time."""

    __slots__: tuple[str, ...] = ()

    def __reduce__(self) -> tuple[Callable[..., object], tuple[object, ...]]:
        cls = type(self)
        return _rebuild, (cls, tuple([getattr(self, name) for name in cls.__slots__]))


_SETTERS: dict[type, list[Callable[[object, object], None]]] = {}


def _rebuild(cls: type[Frozen], values: tuple[object, ...]) -> Frozen:
    """An instance of `cls` with these field values, as pickled by `Frozen.__reduce__`."""
    setters = _SETTERS.get(cls)
    if setters is None:  # each slot's own descriptor: sets it without the frozen guard
        setters = _SETTERS[cls] = [getattr(cls, name).__set__ for name in cls.__slots__]
    instance = object.__new__(cls)
    for set_field, value in zip(setters, values, strict=True):
        set_field(instance, value)
    return instance
