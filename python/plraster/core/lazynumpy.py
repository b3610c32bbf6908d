"""numpy, imported when first used.

The modules a new connection's first call imports (the codec, band access, ST_Value and
the accessors) name numpy through `np` from here: a call that needs no array then does not
pay for numpy's import, about 100 ms and most of the cost of a first call (issue 13).
Code that builds arrays imports numpy the usual way.
"""

_numpy = None


class _Numpy:
    """Stands for the numpy module: the module is imported when an attribute is first read."""

    __slots__ = ()

    def __getattr__(self, name):
        global _numpy
        if _numpy is None:
            import numpy
            _numpy = numpy
        return getattr(_numpy, name)


np = _Numpy()
