"""How much one call may allocate, checked before it allocates.

A raster header is 61 bytes and may declare 65535 x 65535 pixels; an out-db band may
declare them too without holding any. Every size derived from such a declaration is
checked here *before* numpy, bytes or lists are allocated, and a size over its limit is a
SizeLimitError (SQLSTATE 54000, program_limit_exceeded) with the size in its detail,
never a Python MemoryError or the kernel's OOM killer (which restarts every backend).

The limits, per call of a function (one backend = one process):

- ``VALUE_BYTES`` (1 GiB less the varlena header, fixed): the largest value PostgreSQL
  can hold (MaxAllocSize). A raster, bytea or array result above it could never be
  returned, so it is refused before it is built. PostGIS's palloc refuses it too.
- ``array_bytes`` (default 256 MiB): the largest pixel array (numpy) one call builds,
  counted in the type it is built in (a band read as doubles takes 8 bytes a pixel).
  A call holds a few such arrays at once (the pixels, their doubles, a mask, the
  result), so one call stays around 1 GiB; a 24 GB server with 2 cores and 40
  connections survives some 20 of those at the same time, and typical tiles (256 to
  4096 pixels a side) stay far below it.
- ``python_values`` (default 16,777,216 = 4096 x 4096): the most values one call turns
  into Python objects (ST_DumpValues' nested lists, the rows of ST_PixelAsPolygons,
  ST_SetValues' rectangles). A Python float costs about 32 bytes in a list, and
  PL/Python converts such a list to an SQL array without checking for interrupts, so
  this bounds both the memory (about 512 MiB) and the time nothing can cancel.

``array_bytes`` and ``python_values`` are module-level values with a setter
(`set_limit`) so that a superuser-only setting can raise or lower them; ``VALUE_BYTES`` is
PostgreSQL's and cannot be raised.
"""
from plraster.core.errors import SizeLimitError

VALUE_BYTES = 0x3FFFFFFF - 4  # MaxAllocSize less VARHDRSZ: the largest varlena PostgreSQL holds

DEFAULTS = {
    "array_bytes": 256 * 1024 * 1024,
    "python_values": 4096 * 4096,
}

_limits = dict(DEFAULTS)

_HINT = "Cut the raster into smaller tiles (ST_Tile) first, or ask a superuser to raise the limit."


def get(name):
    """The current value of limit name ('array_bytes' or 'python_values')."""
    return _limits[name]


def set_limit(name, value):
    """Set limit name to value (a positive integer); None restores its default.

    The caller decides who may do this: plraster lets only superusers change limits.
    """
    if name not in DEFAULTS:
        raise KeyError(name)
    if value is None:
        _limits[name] = DEFAULTS[name]
        return
    value = int(value)
    if value < 1:
        raise ValueError("a limit must be positive")
    _limits[name] = value


def reset():
    """Restore every limit to its default."""
    _limits.clear()
    _limits.update(DEFAULTS)


def _too_large(what, size, unit, limit, name):
    return SizeLimitError(
        "%s is too large" % what,
        detail="It would take %d %s; the limit is %d %s (%s)." % (size, unit, limit, unit, name),
        hint=_HINT)


def check_array(count, itemsize, what):
    """Refuse a numpy array of count items of itemsize bytes over array_bytes (and over what
    PostgreSQL can hold). count may be a shape tuple."""
    if isinstance(count, tuple):
        n = 1
        for d in count:
            n *= int(d)
        count = n
    nbytes = int(count) * int(itemsize)
    limit = _limits["array_bytes"]
    if nbytes > limit:
        raise _too_large(what, nbytes, "bytes", limit, "plraster array_bytes")
    return nbytes


def check_pixels(width, height, itemsize, what):
    """check_array for a width x height band; `what` gets the size appended."""
    return check_array(int(width) * int(height), itemsize,
                       "%s of %d x %d pixels" % (what, width, height))


def check_values(count, what):
    """Refuse to make more than python_values Python objects for one call."""
    limit = _limits["python_values"]
    if count > limit:
        raise _too_large(what, int(count), "values", limit, "plraster python_values")
    return count


def check_value_bytes(nbytes, what):
    """Refuse to build a value (raster, bytea) PostgreSQL could not hold."""
    if nbytes > VALUE_BYTES:
        raise SizeLimitError(
            "%s is too large" % what,
            detail="It would take %d bytes; a PostgreSQL value holds at most %d bytes."
            % (nbytes, VALUE_BYTES),
            hint="Cut the raster into smaller tiles (ST_Tile) first.")
    return nbytes
