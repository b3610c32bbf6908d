"""Limits a user may lower but only a superuser may raise (no plpy here).

Every limit has a setting `plraster.<name>` that any session may SET, and a ceiling
that only a superuser may change, with `plraster_set_limit(name, ceiling)` (stored in a
table PUBLIC may read but not write). The value in force is

    min(the session's setting, or the default when unset; the ceiling)

and never below the limit's minimum. The built-in ceiling of each limit is its default,
so out of the box a user can only lower a limit (issue 9, finding 4: any user could
`SET plraster.tile_cache_mb = 1000000`).

Adding a limit: `register(Limit(...))` at import time of the module that enforces it,
then read it with `value(name)` where it is enforced. plraster.sqlapi.outdb reads the
settings of every registered limit (at most once a second) and the ceilings (whenever
the out-db stamp file changes: plraster_set_limit touches it), and passes both here.
"""

import dataclasses
import threading


@dataclasses.dataclass(frozen=True)
class Limit:
    """One limit: its name (the setting is plraster.<name>), default, built-in ceiling,
    smallest accepted value, unit and what it bounds."""

    name: str
    default: float
    ceiling: float
    minimum: float
    unit: str
    description: str


_LOCK = threading.Lock()
LIMITS = {}
_requested = {}  # name -> value SET in this session (None: unset)
_ceilings = {}   # name -> ceiling from the superuser's table


def register(limit):
    """Make a limit known (idempotent for an equal definition)."""
    with _LOCK:
        LIMITS[limit.name] = limit
    return limit


def set_requested(values):
    """The session's settings: {name: number or None}; unparsable values count as unset."""
    with _LOCK:
        _requested.clear()
        _requested.update(values)


def set_ceilings(values):
    """The superuser's ceilings: {name: number}; names not given use the built-in ceiling."""
    with _LOCK:
        _ceilings.clear()
        _ceilings.update(values)


def ceiling(name):
    """The ceiling in force for a limit."""
    limit = LIMITS[name]
    return _ceilings.get(name, limit.ceiling)


def value(name):
    """The value in force for a limit: the session's setting (or the default) capped by
    the ceiling, and at least the minimum."""
    limit = LIMITS[name]
    requested = _requested.get(name)
    wanted = limit.default if requested is None else requested
    return max(min(wanted, ceiling(name)), limit.minimum)


def describe():
    """Rows (name, value, ceiling, default, unit, description) of every limit, by name."""
    return [(n, value(n), ceiling(n), LIMITS[n].default, LIMITS[n].unit, LIMITS[n].description)
            for n in sorted(LIMITS)]


def reset():
    """Forget the session's settings and the ceilings (tests)."""
    set_requested({})
    set_ceilings({})
