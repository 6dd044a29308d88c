"""The start-up tricks, each in one place behind one name, with the measurement behind it.

- `Frozen`: the base of the model's dataclasses, pickled compactly as (class, field values). The
  tree cache is read back at every start, and the per-field `__setstate__` that dataclasses give
  frozen slotted classes took 60% of that time; with this base the shipped tree set reads back in
  15 ms instead of 20.
- `paused_gc`: loading (and the app's first screen) builds many long-lived objects and frees none;
  the cyclic garbage collector would only scan them again and again: about 40% of the load time
  of a large tree, and about 60 ms of collections per app start.
- `shared`: equal parts of a loaded tree set made one object before it is cached, so that the
  cache holds, and every start rebuilds, each distinct citation, text or condition once (the
  shipped trees: 3,869 citations are 400 distinct ones; 10,500 objects become about 4,000).
- Lazy imports are the third trick; they live in `engine/__init__.py` (PEP 562) and nowhere else.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[bool]:
    """The cyclic garbage collector off inside the block (and back on after, if it was on);
    yields whether it was on, for a caller that ends the pause itself (`resume_gc`)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield enabled
    finally:
        if enabled:
            gc.enable()


def resume_gc() -> None:
    """End a pause that outlived its block: everything built so far is moved out of the
    collector's reach (it lives as long as the process), then the collector runs as usual."""
    gc.freeze()
    gc.enable()


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


def shared(value: object) -> object:
    """An equal `value` in which equal model values (and equal strings) are one object. The
    model is immutable, so sharing changes nothing a reader can see; a pickle then stores
    each shared value once and rebuilds it once."""
    return _share(value, {})


def _share(value: object, memo: dict[object, object]) -> object:
    made: object
    if isinstance(value, Frozen):
        cls = type(value)
        made = _rebuild(cls, tuple([_share(getattr(value, name), memo)
                                    for name in cls.__slots__]))
    elif type(value) is tuple:
        return tuple([_share(item, memo) for item in value])
    elif type(value) is dict:
        return {_share(k, memo): _share(v, memo) for k, v in value.items()}
    elif type(value) is str:
        made = value
    else:  # numbers, dates, enum members, and the error model's own values: as they are
        return value
    try:  # a tuple is never a key: (True,) equals (1,), and a value must keep its own type
        return memo.setdefault(made, made)
    except TypeError:  # holds a mapping (a tree's nodes): equal, but not hashable
        return made
