"""ST_SummaryStats and ST_SummaryStatsAgg, with PostGIS 3.3's answers.

What PostGIS does, measured:
- pixels are visited column by column (x outer, y inner); `sum` is the sequential sum in that
  order, `mean` is sum / count, `min`/`max` start at the first value and are replaced by a
  smaller/larger one (so a NaN first value sticks, later NaNs are ignored);
- `stddev` comes from a one-pass recurrence (k, M, Q) continued across the rasters of the
  aggregate: the population deviation sqrt(Q / k), or, when sampling, the sample deviation
  sqrt(Q / (k - 1)) (-1 for a single sampled pixel of one raster, NaN in the aggregate);
- sample_percent 0 or 1 reads every pixel; in between, n = round(width * height * p) pixels
  are wanted: when n is 0 every pixel is read, else each column gets max(1, n // width)
  strata of height // that rows each, and one random row of each stratum that lies on the
  raster is read; `count` is the number of sampled pixels that are not nodata.

plraster computes `sum`, `mean`, `min`, `max` and `count` exactly as PostGIS does, and
`stddev` with numpy (two-pass, combined across rasters with Chan's formula), which agrees
with PostGIS's recurrence to about 1e-15 relative; where a value is infinite or NaN it runs
PostGIS's recurrence itself so that inf/NaN come out as in PostGIS.
"""
import math

import numpy as np

from plraster.core import limits, messages, wkb
from plraster.core.errors import InvalidParameterError, SoftFailure
from plraster.core.nodata import nodata_mask
from plraster.core.bands import locate_band

BAD_BAND = "Invalid band index (must use 1-based). Returning NULL"
BAD_SAMPLE = "Invalid sample percentage (must be between 0 and 1). Returning NULL"
ALL_NODATA = "All pixels of band have the NODATA value"
ALL_SAMPLED_NODATA = "All sampled pixels of band have the NODATA value"
EMPTY = (0, None, None, None, None, None)
_CHUNK = 1 << 20
_RNG = np.random.default_rng()


def _round_half_away(v):
    return math.floor(v + 0.5) if v >= 0 else math.ceil(v - 0.5)


def sample_plan(width, height, sample_percent):
    """(strata per column, rows per stratum), or None when every pixel is read."""
    if not 0 < sample_percent < 1:
        return None
    wanted = int(_round_half_away(width * height * sample_percent))
    if wanted == 0 or width == 0 or height == 0:
        return None
    per_column = max(1, wanted // width)
    return per_column, max(1, height // per_column)


def band_values(array, sample):
    """The pixels PostGIS visits, as doubles in its order: column by column, or the sampled
    ones (`sample` from sample_plan), column by column with rows ascending."""
    if sample is None:
        return np.asarray(array, dtype=np.float64).ravel(order="F")
    height, width = array.shape
    per_column, stride = sample
    rows = np.arange(per_column)[None, :] * stride + _RNG.integers(0, stride, (width, per_column))
    cols = np.broadcast_to(np.arange(width)[:, None], rows.shape)
    keep = rows < height
    return np.asarray(array[rows[keep], cols[keep]], dtype=np.float64)


_EXACT_INTEGERS = 2.0 ** 53


def sequential_sum(values, start=0.0):
    """start + v0 + v1 + ... added one at a time, left to right (as a C loop does)."""
    total = float(start)
    for i in range(0, len(values), _CHUNK):
        chunk = np.empty(min(_CHUNK, len(values) - i) + 1)
        chunk[0] = total
        chunk[1:] = values[i:i + _CHUNK]
        total = float(np.cumsum(chunk)[-1])
    return total


class Moments:
    """Running count, sum, min and max, and the one-pass variance terms (k, M, Q).

    k counts the pixels the recurrence saw; count also counts the pixels of bands flagged
    all-nodata when nodata is not excluded, which PostGIS adds without the recurrence.
    """

    __slots__ = ("count", "sum", "k", "mean", "q", "min", "max")

    def __init__(self, count=0, total=0.0, k=0, mean=0.0, q=0.0, lo=None, hi=None):
        self.count, self.sum, self.k, self.mean, self.q = count, total, k, mean, q
        self.min, self.max = lo, hi

    def _extremes(self, lo, hi):
        if self.count == 0:
            self.min, self.max = lo, hi
            return
        if lo < self.min:
            self.min = lo
        if hi > self.max:
            self.max = hi

    def add_constant(self, n, value):
        """Add n pixels of one value (a band flagged all-nodata, nodata not excluded)."""
        if n == 0:
            return
        self._extremes(value, value)
        self.count += n
        self.sum += n * value

    def add(self, values, integral=False):
        """Add a raster's values (float64, PostGIS's order): its own sum is added to the
        running sum, its min/max compared, its variance terms merged. `integral`: the
        values are integers (an integer pixel type)."""
        n = len(values)
        if n == 0:
            return
        lo, hi = _first_wins_min(values), _first_wins_max(values)
        self._extremes(lo, hi)
        self.count += n
        if integral and n * max(abs(lo), abs(hi)) < _EXACT_INTEGERS:
            # every partial sum is an integer below 2**53, so exact in any order: numpy's
            # pairwise sum gives PostGIS's left-to-right sum, several times faster
            self.sum += float(values.sum())
        else:
            self.sum += sequential_sum(values)
        if not np.isfinite(values).all() or not math.isfinite(self.mean) or not math.isfinite(self.q):
            self._recurrence(values)
            return
        mean = float(values.mean())
        q = float(np.square(values - mean).sum())
        k = self.k + n
        if self.k == 0:
            self.mean, self.q = mean, q
        else:
            delta = mean - self.mean
            self.mean += delta * n / k
            self.q += q + delta * delta * self.k * n / k
        self.k = k

    def _recurrence(self, values):
        k, m, q = self.k, self.mean, self.q
        for v in values.tolist():
            k += 1
            if k == 1:
                m, q = v, 0.0
                continue
            d = v - m
            q += ((k - 1) * (d * d)) / k
            m += d / k
        self.k, self.mean, self.q = k, m, q

    def result(self, sampled, single=True):
        """(count, sum, mean, stddev, min, max) as PostGIS returns them."""
        n = self.count
        if n == 0:
            return EMPTY
        if not sampled:
            stddev = math.sqrt(self.q / n)
        elif n == 1:
            stddev = -1.0 if single else float("nan")
        else:
            stddev = math.sqrt(self.q / (n - 1))
        return (n, self.sum, self.sum / n, stddev, self.min, self.max)

    def state(self, sample_percent):
        """The aggregate's state array."""
        return [float(self.count), self.sum, float(self.k), self.mean, self.q,
                self.min if self.count else 0.0, self.max if self.count else 0.0,
                sample_percent]

    @classmethod
    def from_state(cls, state):
        """Moments from the aggregate's state array."""
        count = int(state[0])
        return cls(count, state[1], int(state[2]), state[3], state[4],
                   state[5] if count else None, state[6] if count else None)


def _first_wins_min(values):
    first = float(values[0])
    if first != first:
        return first
    return float(np.nanmin(values))


def _first_wins_max(values):
    first = float(values[0])
    if first != first:
        return first
    return float(np.nanmax(values))


def check_size(header, sample):
    """Refuse (54000) a band whose visited pixels would not fit in plraster.core.limits: their
    doubles and mask, or the sampled ones with their row and column indexes."""
    count = header.width * header.height if sample is None else header.width * sample[0]
    limits.check_array(count, 9 if sample is None else 25,
                       "the statistics of a band of %d x %d pixels" % (header.width, header.height))


def _add_band(moments, buf, header, band, exclude_nodata_value, sample):
    """Add the pixels of one located band PostGIS counts to moments; returns how many were
    added, or None when the band is flagged all-nodata and nodata is excluded (after the
    NOTICE PostGIS gives)."""
    if band.is_nodata:
        if exclude_nodata_value:
            messages.notice(ALL_NODATA)
            return None
        # the sampled pixels of a band of one value: counted on a zero-byte stand-in
        if sample is not None:
            check_size(header, sample)
        n = header.width * header.height if sample is None else \
            len(band_values(np.broadcast_to(np.float64(0), (header.height, header.width)), sample))
        moments.add_constant(n, float(band.nodata))
        return n
    check_size(header, sample)
    values = band_values(band.array(buf, header), sample)
    if exclude_nodata_value and band.has_nodata and len(values):
        probe = wkb.Band(band.info, True, False, band.nodata, values)
        values = values[~nodata_mask(probe)]
    moments.add(values, integral=not band.info.is_float)
    return len(values)


def _check_sample(sample_percent):
    return 1.0 if sample_percent is None else float(sample_percent)


# The last whole-band call's arguments and answer. PostgreSQL evaluates
# `(ST_SummaryStats(x)).*` once per column of summarystats, so the zonal statistics query
# (ST_SummaryStats(ST_Clip(...))).* asks six times in a row for the same raster; the repeats
# cost one comparison of the arguments. One entry: at most one raster is held per backend.
_LAST = [None, None]


def summary_stats(rast, nband=1, exclude_nodata_value=True, sample_percent=1.0):
    """_ST_SummaryStats(rast, nband, exclude_nodata_value, sample_percent): a summarystats
    tuple; NULL arguments take their defaults, a missing band is a soft failure. A call
    repeating the previous whole-band call's arguments returns its answer."""
    if rast is None:
        return None
    whole = sample_percent is None or sample_percent == 1
    key = (bytes(rast), nband, exclude_nodata_value) if whole else None
    if key is not None and _LAST[0] == key:
        return _LAST[1]
    result = _summary_stats(rast, nband, exclude_nodata_value, sample_percent)
    # only answers that gave no NOTICE (a band of nodata only gives one, every time)
    if key is not None and result[0]:
        _LAST[0], _LAST[1] = key, result
    return result


def _summary_stats(rast, nband, exclude_nodata_value, sample_percent):
    nband = 1 if nband is None else nband
    exclude = True if exclude_nodata_value is None else exclude_nodata_value
    header = wkb.read_header(rast)
    band = locate_band(rast, header, nband)
    if band is None:
        raise SoftFailure(BAD_BAND)
    sample_percent = _check_sample(sample_percent)
    if not 0 <= sample_percent <= 1:
        raise SoftFailure(BAD_SAMPLE)
    sample = sample_plan(header.width, header.height, sample_percent)
    moments = Moments()
    added = _add_band(moments, rast, header, band, exclude, sample)
    if added == 0 and sample is not None:
        messages.notice(ALL_SAMPLED_NODATA)
    return moments.result(sample is not None)


# ---- the aggregate: its state is Moments.state(), a float8[] ------------------------------

def stats_state_add(state, rast, nband=1, exclude_nodata_value=True, sample_percent=1.0):
    """Transition of ST_SummaryStatsAgg: add one raster's band to the state (a list of
    floats, None before the first row); returns the new state."""
    sample_percent = _check_sample(sample_percent)
    nband = 1 if nband is None else nband
    if nband < 1:
        raise InvalidParameterError("invalid band index (must use 1-based)",
                                    detail="ST_SummaryStatsAgg was given band %d." % nband)
    if not 0 <= sample_percent <= 1:
        raise InvalidParameterError("invalid sample percentage (must be between 0 and 1)",
                                    detail="ST_SummaryStatsAgg was given %r." % sample_percent)
    if state is None:
        state = Moments().state(sample_percent)
    if rast is None:
        return state
    header = wkb.read_header(rast)
    band = locate_band(rast, header, nband)
    if band is None:
        messages.notice("Raster does not have band at index %d. Skipping raster" % nband)
        return state
    exclude = True if exclude_nodata_value is None else exclude_nodata_value
    sample = sample_plan(header.width, header.height, sample_percent)
    moments = Moments.from_state(state)
    added = _add_band(moments, rast, header, band, exclude, sample)
    if added == 0 and sample is not None:
        messages.notice(ALL_SAMPLED_NODATA)
    return moments.state(sample_percent)


def stats_state_result(state):
    """Final function of ST_SummaryStatsAgg: the summarystats tuple of the state."""
    if state is None:
        return None
    return Moments.from_state(state).result(0 < state[7] < 1, single=False)
