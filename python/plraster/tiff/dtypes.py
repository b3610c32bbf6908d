"""The explicit table from TIFF (SampleFormat, BitsPerSample) to numpy dtypes.

No guessing: a combination that is not in the table is refused with UnsupportedError.
"""

import numpy

from plraster.core.errors import UnsupportedError

from .constants import SampleFormat

# (SampleFormat, BitsPerSample) -> numpy dtype of one decoded sample, native byte order.
# 1-bit samples decode to uint8 holding 0 or 1, as GDAL reads NBITS=1 bands.
# 16-bit floats decode to float16 and are widened to float32, as GDAL does.
SAMPLE_DTYPES = {
    (SampleFormat.UINT, 1): numpy.dtype(numpy.uint8),
    (SampleFormat.UINT, 8): numpy.dtype(numpy.uint8),
    (SampleFormat.UINT, 16): numpy.dtype(numpy.uint16),
    (SampleFormat.UINT, 32): numpy.dtype(numpy.uint32),
    (SampleFormat.UINT, 64): numpy.dtype(numpy.uint64),
    (SampleFormat.INT, 8): numpy.dtype(numpy.int8),
    (SampleFormat.INT, 16): numpy.dtype(numpy.int16),
    (SampleFormat.INT, 32): numpy.dtype(numpy.int32),
    (SampleFormat.INT, 64): numpy.dtype(numpy.int64),
    (SampleFormat.IEEEFP, 16): numpy.dtype(numpy.float32),
    (SampleFormat.IEEEFP, 32): numpy.dtype(numpy.float32),
    (SampleFormat.IEEEFP, 64): numpy.dtype(numpy.float64),
}

# (SampleFormat, BitsPerSample) -> dtype of the samples as stored (before widening),
# without byte order; the file's byte order is applied by `stored_dtype`.
_STORED_DTYPES = dict(SAMPLE_DTYPES)
_STORED_DTYPES[(SampleFormat.IEEEFP, 16)] = numpy.dtype(numpy.float16)


def sample_dtype(sample_format, bits_per_sample):
    """Return the numpy dtype pixels of this TIFF sample type decode to."""
    try:
        return SAMPLE_DTYPES[(sample_format, bits_per_sample)]
    except KeyError:
        raise UnsupportedError(
            "unsupported tiff sample type",
            detail=f"SampleFormat {int(sample_format)} with BitsPerSample "
            f"{int(bits_per_sample)} is not supported.",
            hint="Supported are 1-bit and 8/16/32/64-bit unsigned and signed "
            "integers, and 16/32/64-bit floats.",
        ) from None


def stored_dtype(sample_format, bits_per_sample, byteorder):
    """Return the numpy dtype of samples as stored, in the file's byte order ('<' or '>')."""
    sample_dtype(sample_format, bits_per_sample)  # raises on an unknown combination
    return _STORED_DTYPES[(sample_format, bits_per_sample)].newbyteorder(byteorder)
