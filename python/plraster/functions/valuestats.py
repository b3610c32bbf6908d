"""ST_Histogram, ST_Quantile, ST_ValueCount (and their Approx forms), with PostGIS 3.3's
answers; ST_SummaryStats's sampling and pixel order come from plraster.functions.stats.

What PostGIS does, measured:
- the pixels are those ST_SummaryStats visits (column by column, or its random sample when
  0 < sample_percent < 1), without the nodata ones when they are excluded;
- quantiles: the values sorted; for quantile q, h = q * (n - 1) + 1 (1-based), and the value
  is v[floor(h)] + (h - floor(h)) * (v[floor(h) + 1] - v[floor(h)]); rows come sorted by
  quantile, NULL quantiles are dropped, none at all means 0, 0.25, 0.5, 0.75, 1;
- histogram: `bins` 0 means ceil(sqrt(n)) bins of (max - min) / bins, or with `width` as
  many bins as ceil((max - min) / sum(width)) rounds of the widths; the edges are running
  sums of the widths from min (from max down when `right`); the last bin reaches max (min)
  when the sums fall short of it; bins are [lo, hi) and the last [lo, hi], or when `right`
  (lo, hi] and the last [lo, hi], listed from the top; one value gives one bin of percent -1;
- value counts: `roundto` r > 0 rounds half away from zero to 10^ceil(log10 r) when r >= 1,
  to 10^floor(log10 r) below 1; values are listed in the order first met, search values in
  their own order, a pixel counted for the first search value it equals.
"""
import bisect
import math

import numpy as np

from plraster.core import limits, messages, wkb
from plraster.core.bands import locate_band
from plraster.core.errors import InvalidParameterError, SoftFailure
from plraster.core.nodata import nodata_mask
from plraster.core.ticker import Ticker
from plraster.functions import stats

BAD_QUANTILE = "Invalid value for quantile (must be between 0 and 1). Returning NULL"
EMPTY_BAND = "Band is empty as width and/or height is 0"
NO_STATS = "Cannot retrieve summary statistics for band at index %d"
NO_HISTOGRAM = "Cannot compute summary statistics for band at index %d"
NO_COUNT = "Cannot count the values for band at index %d"
BAD_WIDTH = "Invalid value for width (must be greater than 0). Returning NULL"
FLT_EPSILON = float(np.finfo(np.float32).eps)
DEFAULT_QUANTILES = (0.0, 0.25, 0.5, 0.75, 1.0)


def band_sample(rast, nband, exclude_nodata_value, sample_percent, check=None,
                failure=NO_STATS):
    """The values PostGIS's statistics visit in band nband (float64, its order), and True
    when they are integers (an integer pixel type), or FLAGGED for ST_ValueCount's values of
    a band flagged all-nodata; soft failures as PostGIS's for a bad band or percentage,
    then check() (the caller's own arguments), then `failure` when no value is left."""
    if nband is None and failure == NO_HISTOGRAM:
        nband = 1
    exclude = True if exclude_nodata_value is None else exclude_nodata_value
    sample_percent = 1.0 if sample_percent is None else float(sample_percent)
    header = wkb.read_header(rast)
    band = locate_band(rast, header, nband) if nband is not None and nband >= 1 else None
    if band is None:
        raise SoftFailure(stats.BAD_BAND)
    if not 0 <= sample_percent <= 1:
        raise SoftFailure(stats.BAD_SAMPLE)
    if check is not None:
        check()
    if header.width == 0 or header.height == 0:
        messages.notice(EMPTY_BAND)
        raise SoftFailure(failure % nband)
    sample = stats.sample_plan(header.width, header.height, sample_percent)
    stats.check_size(header, sample)
    if band.is_nodata:
        if failure == NO_COUNT:  # ST_ValueCount counts such a band's nodata value as it is
            if exclude:
                return np.empty(0), FLAGGED
            return np.full(header.width * header.height, float(band.nodata)), FLAGGED
        if exclude:
            messages.notice(stats.ALL_NODATA)
            raise SoftFailure(failure % nband)
        if failure != NO_COUNT:  # PostGIS keeps no values of such a band for its statistics
            raise SoftFailure(failure % nband)
        plane = np.broadcast_to(np.float64(band.nodata), (header.height, header.width))
        return stats.band_values(plane, sample).copy(), False
    array = band.array(rast, header)
    values = stats.band_values(array, sample)
    if exclude and band.has_nodata and len(values):
        probe = wkb.Band(band.info, True, False, band.nodata, values)
        values = values[~nodata_mask(probe)]
    if not len(values) and failure != NO_COUNT:
        if sample is not None:
            messages.notice(stats.ALL_SAMPLED_NODATA)
        raise SoftFailure(failure % nband)
    return values, array.dtype.kind in "iub"


FLAGGED = "flagged"  # band_sample's mark of a band flagged all-nodata
_SPAN = 1 << 20  # widest range of integer values counted with bincount


def integer_counts(values, integral):
    """(distinct values ascending, their counts, first positions) of integer values within
    _SPAN of each other, in O(n) without sorting; None otherwise."""
    if not integral or not len(values):
        return None
    lo, hi = float(values.min()), float(values.max())
    if hi - lo >= _SPAN:
        return None
    off = (values - lo).astype(np.intp)
    counts = np.bincount(off)
    first = np.empty(len(counts), dtype=np.intp)
    first[off[::-1]] = np.arange(len(off) - 1, -1, -1)
    present = np.flatnonzero(counts)
    return present + lo, counts[present], first[present]


# ---- quantiles -----------------------------------------------------------------------------

def quantile_rows(rast, nband=1, exclude_nodata_value=True, sample_percent=1.0, quantiles=None):
    """_ST_Quantile: rows (quantile, value)."""
    wanted = [q for q in (quantiles or ()) if q is not None]
    if not wanted:
        wanted = list(DEFAULT_QUANTILES)

    def check():
        if any(not 0 <= q <= 1 for q in wanted):
            raise SoftFailure(BAD_QUANTILE)

    values, integral = band_sample(rast, nband, exclude_nodata_value, sample_percent, check)
    n = len(values)
    ranks = sorted({r for q in wanted for r in _ranks(q, n)})
    distinct = integer_counts(values, integral)
    if distinct is not None:
        uniq, counts, _ = distinct
        at = np.searchsorted(np.cumsum(counts), ranks, side="right")
        kth = dict(zip(ranks, uniq[at].tolist()))
    else:
        kth = dict(zip(ranks, np.partition(values, ranks)[ranks].tolist()))
    return [(q, quantile_of(kth, n, q)) for q in sorted(wanted)]


def _ranks(q, n):
    h = q * (n - 1) + 1
    lo = math.floor(h)
    return (lo - 1,) if lo >= n else (lo - 1, lo)


def quantile_of(kth, n, q):
    """PostGIS's interpolated quantile q of n values, given their order statistics
    kth[rank] (0-based) at the ranks _ranks(q, n) names."""
    h = q * (n - 1) + 1
    lo = math.floor(h)
    low = float(kth[lo - 1])
    if lo >= n:
        return low
    return low + (h - lo) * (float(kth[lo]) - low)


# ---- histogram ------------------------------------------------------------------------------

def histogram_rows(rast, nband=1, exclude_nodata_value=True, sample_percent=1.0, bins=0,
                   width=None, right=False, min=None, max=None):
    """_ST_Histogram: rows (min, max, count, percent)."""
    widths = [w for w in (width or ()) if w is not None]

    def check():
        if any(not w > 0 for w in widths):
            raise SoftFailure(BAD_WIDTH)

    values, integral = band_sample(rast, nband, exclude_nodata_value, sample_percent, check,
                                   NO_HISTOGRAM)
    lo = float(np.min(values)) if min is None else float(min)
    hi = float(np.max(values)) if max is None else float(max)
    distinct = integer_counts(values, integral)
    if distinct is not None:
        return histogram(distinct[0], lo, hi, bins or 0, widths, bool(right), distinct[1])
    return histogram(values, lo, hi, bins or 0, widths, bool(right))


def _edges(lo, hi, bins, widths, right):
    """The bins' (start, end) pairs, walking from lo up (from hi down when right)."""
    span = hi - lo
    if not widths:
        if bins <= 0:
            raise ValueError("bins")
        widths = [span / bins]
    elif bins <= 0:
        bins = int(math.ceil(span / math.fsum(widths))) * len(widths) if span > 0 else len(widths)
    limits.check_values(bins, "a histogram of %d bins" % bins)
    edges = []
    tick = Ticker()
    edge = hi if right else lo
    for i in range(bins):
        tick.tick()
        nxt = edge - widths[i % len(widths)] if right else edge + widths[i % len(widths)]
        edges.append((edge, nxt))
        edge = nxt
    last_start, last_end = edges[-1]
    if right and last_end > lo:
        edges[-1] = (last_start, lo)
    if not right and last_end < hi:
        edges[-1] = (last_start, hi)
    return edges


def histogram(values, lo, hi, bins, widths, right, weights=None):
    """Rows (min, max, count, percent) of values (each counted weights[i] times, or once)
    over PostGIS's bins."""
    n = len(values) if weights is None else int(weights.sum())
    if lo == hi:
        same = values == lo
        return [(lo, hi, int(same.sum() if weights is None else weights[same].sum()), -1.0)]
    if bins < 0:
        raise InvalidParameterError("invalid number of bins %d" % bins,
                                    detail="The number of bins must be 0 or more.")
    if bins == 0 and not widths:
        bins = int(math.ceil(math.sqrt(n)))
    edges = _edges(lo, hi, bins, widths, right)
    rows = []
    if right:
        # bins (end, start], the last (lowest) one closed at its end too
        bounds = np.array([e for _, e in edges][::-1] + [edges[0][0]])
        idx = np.searchsorted(bounds, values, side="left") - 1
        idx[values == bounds[0]] = 0
        valid = (idx >= 0) & (values <= bounds[-1])
        counts = _bincount(idx, valid, weights, len(edges))[::-1]
        for (start, end), c in zip(edges, counts):
            rows.append((end, start, int(c), int(c) / n))
    else:
        bounds = np.array([s for s, _ in edges] + [edges[-1][1]])
        idx = np.searchsorted(bounds, values, side="right") - 1
        idx[values == bounds[-1]] = len(edges) - 1
        valid = (idx >= 0) & (idx < len(edges)) & (values >= bounds[0])
        counts = _bincount(idx, valid, weights, len(edges))
        for (start, end), c in zip(edges, counts):
            rows.append((start, end, int(c), int(c) / n))
    return rows


def _bincount(idx, valid, weights, length):
    if weights is None:
        return np.bincount(idx[valid], minlength=length)
    return np.bincount(idx[valid], weights[valid], minlength=length).astype(np.int64)


# ---- value counts ----------------------------------------------------------------------------

def round_to(values, roundto):
    """PostGIS's rounding of values for ST_ValueCount (see the module docstring)."""
    if roundto is None or not roundto > 0:
        return values
    if roundto >= 1:
        scale = 10.0 ** math.ceil(math.log10(roundto))
        return _round_half_away(values / scale) * scale
    digits = 10.0 ** -math.floor(math.log10(roundto))
    return _round_half_away(values * digits) / digits


def _round_half_away(x):
    whole = np.trunc(x)
    return whole + np.where(np.abs(x - whole) >= 0.5, np.sign(x), 0.0)


class ValueTally:
    """Running counts of distinct (rounded) values in the order first met, over one or more
    rasters; as in PostGIS, a value within FLT_EPSILON of one already met counts for it."""

    def __init__(self, searchvalues, roundto):
        self.roundto = roundto
        self.total = 0
        self.search = None
        if searchvalues is not None:
            wanted = [v for v in searchvalues if v is not None]
            if wanted:
                self.search = round_to(np.array(wanted, dtype=np.float64), roundto)
                self.search_counts = np.zeros(len(wanted), dtype=np.int64)
        self.counts = {}
        self.keys = []  # the values met, sorted, for the FLT_EPSILON look-up

    def add(self, values, rounded=True, integral=False):
        """Count one raster's values (PostGIS's order), rounded unless told not to."""
        self.total += len(values)
        if rounded and self.roundto is not None and self.roundto > 0:
            values = round_to(values, self.roundto)
            integral = integral and self.roundto >= 1
        if self.search is not None:
            left = np.ones(len(values), dtype=bool)
            for i, s in enumerate(self.search):
                hit = left & (np.abs(values - s) <= FLT_EPSILON)
                self.search_counts[i] += int(np.count_nonzero(hit))
                left &= ~hit
            return
        distinct = integer_counts(values, integral)
        if distinct is not None:
            uniq, counts, first = distinct
        else:
            uniq, first, counts = np.unique(values, return_index=True, return_counts=True)
        tick = Ticker()
        for j in np.argsort(first, kind="stable"):
            tick.tick()
            self._count(float(uniq[j]), int(counts[j]))

    def _count(self, value, n):
        if value in self.counts:
            self.counts[value] += n
            return
        keys = self.keys
        i = bisect.bisect_left(keys, value - FLT_EPSILON)
        near = []
        while i < len(keys) and keys[i] <= value + FLT_EPSILON:
            if abs(keys[i] - value) <= FLT_EPSILON:
                near.append(keys[i])
            i += 1
        if near:
            order = list(self.counts)
            key = min(near, key=order.index) if len(near) > 1 else near[0]
            self.counts[key] += n
            return
        self.counts[value] = n
        bisect.insort(keys, value)

    def rows(self):
        """(value, count, percent) rows."""
        total = self.total
        if self.search is not None:
            return [(float(s), int(c), int(c) / total if total else math.nan)
                    for s, c in zip(self.search, self.search_counts)]
        return [(v, c, c / total) for v, c in self.counts.items()]


def _count_band(tally, rast, nband, exclude_nodata_value):
    """Add one raster's band to tally, or fail softly as PostGIS does."""
    values, kind = band_sample(rast, nband, exclude_nodata_value, 1.0, failure=NO_COUNT)
    flagged = kind is FLAGGED
    if not len(values) and (flagged or tally.search is None):
        if flagged:
            messages.notice(stats.ALL_NODATA)
        raise SoftFailure(NO_COUNT % nband)
    tally.add(values, rounded=not flagged, integral=kind is True)


def value_count_rows(rast, nband=1, exclude_nodata_value=True, searchvalues=None, roundto=0):
    """_ST_ValueCount on one raster: rows (value, count, percent)."""
    tally = ValueTally(searchvalues, roundto)
    _count_band(tally, rast, nband, exclude_nodata_value)
    return tally.rows()


def coverage_value_count(rasters, nband=1, exclude_nodata_value=True, searchvalues=None, roundto=0):
    """_ST_ValueCount over a table's rasters (an iterable of raster bytes, NULLs skipped); a
    raster that fails (a missing band, no value to count) ends it with no rows, as in
    PostGIS (which, where no value is left, crashes instead)."""
    tally = ValueTally(searchvalues, roundto)
    for rast in rasters:
        if rast is not None:
            _count_band(tally, rast, nband, exclude_nodata_value)
    return tally.rows()


# ---- counts ----------------------------------------------------------------------------------

def count_state_add(state, rast, nband=1, exclude_nodata_value=True, sample_percent=1.0):
    """Transition of ST_CountAgg: state is a dict (count, nband, exclude_nodata_value,
    sample_percent) or None before the first row."""
    if state is None:
        if nband is not None and nband < 1:
            raise InvalidParameterError("band index must be greater than zero (1-based)",
                                              detail="ST_CountAgg was given band %d." % nband)
        if sample_percent is not None and not 0 <= sample_percent <= 1:
            raise InvalidParameterError("sample percent must be between zero and one",
                                              detail="ST_CountAgg was given %r." % sample_percent)
        state = {"count": 0, "nband": nband, "exclude_nodata_value": exclude_nodata_value is not False,
                 "sample_percent": sample_percent}
    if rast is None:
        return dict(state, count=None)
    if not state["exclude_nodata_value"]:
        header = wkb.read_header(rast)
        n = header.width * header.height
    else:
        try:
            n = stats.summary_stats(rast, state["nband"], True, state["sample_percent"])[0]
        except SoftFailure as e:
            messages.notice(str(e))
            n = None
    if n is None or state["count"] is None:
        return dict(state, count=None)
    return dict(state, count=state["count"] + n)
