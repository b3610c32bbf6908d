"""Resampling a grid of pixels to a coarser (or finer) grid, as GDAL's overview resampling does.

The source is a mosaic: a 2-D array of values and a mask of the pixels that count (inside
a source tile and not nodata). Target pixel (i, j) covers the mosaic's pixels
[x0 + i * rx, x0 + (i + 1) * rx) x [y0 + j * ry, y0 + (j + 1) * ry). The rules are GDAL
3.6's, measured against `gdal_translate -outsize -r <alg>` (GDAL's resampled RasterIO,
which runs the same kernels as `gdaladdo`):

- NearestNeighbour: the pixel under the target pixel's centre, floor(x0 + (i + 0.5) * rx)
  (for a factor of 2, the lower-right pixel of each 2x2 block). This is what
  gdal_translate, gdalwarp, raster2pgsql -l and PostGIS's ST_Rescale pick; gdaladdo's
  own nearest picks the upper-left pixel instead.
- Average: the mean of the valid pixels, each weighted by the part of it the target
  pixel covers (all weights 1 for an integer factor).
- Mode: the most frequent valid value; on a tie, the value that first reached the
  highest count in row-major order.
- Min, Max: over the valid pixels the target pixel touches (gdalwarp -r min/max).
- Bilinear, Cubic, CubicSpline, Lanczos: GDAL's separable convolution, kernel radius
  scaled by the factor when downsampling; horizontal pass per source row (normalised by
  the weights of valid pixels), then a vertical pass over the rows that had any valid
  pixel; Lanczos leaves a pixel empty when fewer than half of its window's pixels are
  consecutive valid ones.

Values are computed in float64 and go through float32 (GDAL's working type) before
being rounded half away from zero and clamped to integer pixel types. Where the source
has a nodata value, Average and the kernels never produce it (GDAL's replacement
value: one step away from nodata).
"""
import math

import numpy as np

from plraster.core.errors import InvalidParameterError

NEAREST, AVERAGE, MODE, MIN, MAX = "NearestNeighbour", "Average", "Mode", "Min", "Max"
BILINEAR, CUBIC, CUBICSPLINE, LANCZOS = "Bilinear", "Cubic", "CubicSpline", "Lanczos"

# Spellings accepted, upper-cased. PostGIS's ST_Rescale takes any case and falls back to
# nearest neighbour for a name it does not know; plraster refuses unknown names instead.
_NAMES = {
    "NEARESTNEIGHBOUR": NEAREST, "NEARESTNEIGHBOR": NEAREST, "NEAREST": NEAREST, "NEAR": NEAREST,
    "AVERAGE": AVERAGE, "MODE": MODE, "MIN": MIN, "MAX": MAX,
    "BILINEAR": BILINEAR, "CUBIC": CUBIC, "CUBICSPLINE": CUBICSPLINE, "LANCZOS": LANCZOS,
}


def algorithm(name):
    """The canonical name of a resampling algorithm, from any accepted spelling."""
    canonical = _NAMES.get((name or "").strip().upper())
    if canonical is None:
        raise InvalidParameterError(
            "unknown resampling algorithm %r" % (name,),
            hint="Use NearestNeighbour, Average, Mode, Min, Max, Bilinear, Cubic, "
                 "CubicSpline or Lanczos.")
    return canonical


def _bilinear(x):
    return np.maximum(0.0, 1.0 - np.abs(x))


def _cubic(x):
    a = np.abs(x)
    return np.where(a < 1, (1.5 * a - 2.5) * a * a + 1,
                    np.where(a < 2, ((-0.5 * a + 2.5) * a - 4) * a + 2, 0.0))


def _cubicspline(x):
    a = np.abs(x)
    return np.where(a < 1, (0.5 * a - 1) * a * a + 2.0 / 3.0,
                    np.where(a < 2, (2 - a) ** 3 / 6.0, 0.0))


def _lanczos(x):
    a = np.abs(x)
    with np.errstate(invalid="ignore", divide="ignore"):
        v = 3 * np.sin(np.pi * a) * np.sin(np.pi * a / 3) / (np.pi * np.pi * a * a)
    return np.where(a == 0, 1.0, np.where(a < 3, v, 0.0))


KERNELS = {BILINEAR: (_bilinear, 1), CUBIC: (_cubic, 2), CUBICSPLINE: (_cubicspline, 2),
           LANCZOS: (_lanczos, 3)}


def margin(algo, ratio):
    """Source pixels a target tile needs beyond its own footprint, on each side."""
    if algo in KERNELS:
        return int(math.ceil(KERNELS[algo][1] * max(ratio, 1.0))) + 2
    return 2


def resample(data, valid, x0, y0, rx, ry, width, height, algo):
    """Resample a mosaic to a width x height grid; returns (float64 values, valid mask).

    data is a 2-D float64 array, valid a boolean array of the same shape.
    """
    if algo == NEAREST:
        return _nearest(data, valid, x0, y0, rx, ry, width, height)
    if algo in KERNELS:
        return _convolve(data, valid, x0, y0, rx, ry, width, height, algo)
    return _windowed(data, valid, x0, y0, rx, ry, width, height, algo)


def _nearest(data, valid, x0, y0, rx, ry, width, height):
    cols = np.floor(x0 + (np.arange(width) + 0.5) * rx).astype(np.int64)
    rows = np.floor(y0 + (np.arange(height) + 0.5) * ry).astype(np.int64)
    inside_c = (cols >= 0) & (cols < data.shape[1])
    inside_r = (rows >= 0) & (rows < data.shape[0])
    cc, rr = np.clip(cols, 0, data.shape[1] - 1), np.clip(rows, 0, data.shape[0] - 1)
    values = data[np.ix_(rr, cc)]
    ok = valid[np.ix_(rr, cc)] & inside_r[:, None] & inside_c[None, :]
    return values, ok


def _spans(start, ratio, count, limit):
    """Per target pixel: first and last+1 source index it touches, and per-index overlap
    weights, as (starts, stops, weights list)."""
    out = []
    for i in range(count):
        a, b = start + i * ratio, start + (i + 1) * ratio
        lo, hi = max(int(math.floor(a)), 0), min(int(math.ceil(b)), limit)
        idx = np.arange(lo, hi)
        w = np.minimum(idx + 1, b) - np.maximum(idx, a)
        out.append((lo, hi, np.clip(w, 0.0, None)))
    return out


def _windowed(data, valid, x0, y0, rx, ry, width, height, algo):
    xs = _spans(x0, rx, width, data.shape[1])
    ys = _spans(y0, ry, height, data.shape[0])
    integral = all(float(v).is_integer() for v in (x0, y0, rx, ry))
    if integral and algo in (MIN, MAX, MODE) and rx >= 1 and ry >= 1:
        return _blocks(data, valid, int(x0), int(y0), int(rx), int(ry), width, height, algo)
    values = np.zeros((height, width))
    ok = np.zeros((height, width), dtype=bool)
    for j, (ylo, yhi, wy) in enumerate(ys):
        for i, (xlo, xhi, wx) in enumerate(xs):
            block = data[ylo:yhi, xlo:xhi]
            mask = valid[ylo:yhi, xlo:xhi]
            if not mask.any():
                continue
            if algo == AVERAGE:
                w = (wy[:, None] * wx[None, :]) * mask
                total = w.sum()
                if total <= 0:
                    continue
                values[j, i] = (block * w).sum() / total
            elif algo == MIN:
                values[j, i] = block[mask].min()
            elif algo == MAX:
                values[j, i] = block[mask].max()
            else:
                values[j, i] = _mode(block[mask])
            ok[j, i] = True
    return values, ok


def _mode(flat):
    best, best_count, counts = None, 0, {}
    for v in flat.tolist():
        c = counts.get(v, 0) + 1
        counts[v] = c
        if c > best_count:
            best, best_count = v, c
    return best


def _blocks(data, valid, x0, y0, fx, fy, width, height, algo):
    """Min, Max and Mode over whole fx x fy blocks, vectorised."""
    h, w = height * fy, width * fx
    block = np.zeros((h, w))
    mask = np.zeros((h, w), dtype=bool)
    sy0, sx0 = max(y0, 0), max(x0, 0)
    sy1, sx1 = min(y0 + h, data.shape[0]), min(x0 + w, data.shape[1])
    if sy0 < sy1 and sx0 < sx1:
        block[sy0 - y0:sy1 - y0, sx0 - x0:sx1 - x0] = data[sy0:sy1, sx0:sx1]
        mask[sy0 - y0:sy1 - y0, sx0 - x0:sx1 - x0] = valid[sy0:sy1, sx0:sx1]
    # (height, width, fy * fx) in row-major order within each block
    v = block.reshape(height, fy, width, fx).transpose(0, 2, 1, 3).reshape(height, width, fy * fx)
    m = mask.reshape(height, fy, width, fx).transpose(0, 2, 1, 3).reshape(height, width, fy * fx)
    ok = m.any(axis=2)
    if algo == MIN:
        return np.where(m, v, np.inf).min(axis=2), ok
    if algo == MAX:
        return np.where(m, v, -np.inf).max(axis=2), ok
    k = fy * fx
    # running count of each value among the valid pixels before and at each position
    same = (v[..., :, None] == v[..., None, :]) & m[..., None, :] & m[..., :, None]
    earlier = np.tril(np.ones((k, k), dtype=bool))
    running = (same & earlier).sum(axis=3)
    first = np.argmax(running == running.max(axis=2, keepdims=True), axis=2)
    return np.take_along_axis(v, first[..., None], axis=2)[..., 0], ok


def _weights(start, ratio, count, limit, kernel, radius):
    scale = min(1.0 / ratio, 1.0)
    scaled_radius = radius / scale
    out = []
    for i in range(count):
        centre = start + (i + 0.5) * ratio
        lo = max(int(math.floor(centre - scaled_radius + 0.5)), 0)
        hi = min(int(centre + scaled_radius + 0.5), limit)
        idx = np.arange(lo, hi)
        out.append((lo, hi, kernel(scale * (idx - centre + 0.5))))
    return out


def _max_consecutive(mask, axis):
    """Longest run of True along axis."""
    run = np.zeros(mask.shape[:axis] + mask.shape[axis + 1:], dtype=np.int64)
    best = run.copy()
    for k in range(mask.shape[axis]):
        cur = np.take(mask, k, axis=axis)
        run = np.where(cur, run + 1, 0)
        best = np.maximum(best, run)
    return best


def _convolve(data, valid, x0, y0, rx, ry, width, height, algo):
    kernel, radius = KERNELS[algo]
    negative = algo == LANCZOS
    m = valid.astype(np.float64)
    vm = np.where(valid, data, 0.0)
    nrows = data.shape[0]
    horiz = np.zeros((nrows, width))
    hmask = np.zeros((nrows, width), dtype=bool)
    for i, (lo, hi, w) in enumerate(_weights(x0, rx, width, data.shape[1], kernel, radius)):
        if hi <= lo:
            continue
        wsum = m[:, lo:hi] @ w
        num = vm[:, lo:hi] @ w
        good = wsum > 0
        if negative:
            good &= _max_consecutive(valid[:, lo:hi], 1) >= (hi - lo) // 2
        horiz[:, i] = np.where(good, num / np.where(good, wsum, 1.0), 0.0)
        hmask[:, i] = good
    values = np.zeros((height, width))
    ok = np.zeros((height, width), dtype=bool)
    hm = hmask.astype(np.float64)
    hv = np.where(hmask, horiz, 0.0)
    for j, (lo, hi, w) in enumerate(_weights(y0, ry, height, nrows, kernel, radius)):
        if hi <= lo:
            continue
        wsum = w @ hm[lo:hi]
        num = w @ hv[lo:hi]
        good = wsum > 0
        if negative:
            good &= _max_consecutive(hmask[lo:hi], 0) >= (hi - lo) // 2
        values[j] = np.where(good, num / np.where(good, wsum, 1.0), 0.0)
        ok[j] = good
    return values, ok


def to_pixels(values, ok, info, nodata, replace_nodata, via_float32=True):
    """Convert resampled float64 values to a band's pixel type: through float32 (GDAL's
    working type for averages and kernels) unless the band is 64BF, rounded half away
    from zero and clamped for integers; invalid pixels get nodata. With replace_nodata,
    a valid value that would equal nodata is moved one step away."""
    if not via_float32 or (info.is_float and info.size == 8):
        out = values.copy()
    else:
        out = values.astype(np.float32).astype(np.float64)
    if not info.is_float:
        with np.errstate(invalid="ignore"):
            out = np.where(out >= 0, np.floor(out + 0.5), np.ceil(out - 0.5))
        out = np.clip(out, info.min, info.max)
    if replace_nodata and nodata is not None:
        out = np.where(ok & _equals(out, nodata, info), _replacement(nodata, info), out)
    out = np.where(ok, out, nodata if nodata is not None else 0)
    return out.astype(info.dtype)


def _equals(values, nodata, info):
    if nodata != nodata:
        return np.isnan(values)
    return values == nodata


def _replacement(nodata, info):
    if not info.is_float:
        return nodata + 1 if nodata < info.max else nodata - 1
    dtype = np.float32 if info.size <= 4 else np.float64
    toward = np.array(info.max if nodata != info.max else 0, dtype=dtype)
    return float(np.nextafter(np.array(nodata, dtype=dtype), toward))
