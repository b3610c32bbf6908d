"""The fuzz loops, run in a child process under an address-space limit (RLIMIT_AS), so that
an allocation the tracemalloc bound does not see (numpy's or a codec's C buffers) fails
the run with a MemoryError instead of exhausting the machine, and a crash of a C codec
is caught as the child's death with the input that caused it.

    python harness.py wkb|tiff INPUTS SEED SEED_DIR

Prints one JSON line per finding ({"name", "ops", "error"}) and a final summary line
({"done": count, "seconds": ..., "peak_bytes": ..., "slowest": ...}); the test reads them.
Before each input it writes the input's seed name and operations to SEED_DIR/current,
so that the parent can name the input that killed the child.
"""
import json
import os
import resource
import sys
import time
import tracemalloc

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(HERE)), "python"))

import mutate  # noqa: E402
from plraster.core.errors import PlrasterError, SoftFailure  # noqa: E402

# Bounds per input. Python-level allocation is measured by tracemalloc (numpy arrays
# included); the child's whole address space is capped by RLIMIT_AS in the parent's call.
WKB_MAX_BYTES = 16 * 1024 * 1024
WKB_MAX_SECONDS = 1.0
TIFF_MAX_BYTES = 320 * 1024 * 1024  # a decoded block may be 256 MiB (codec.MAX_BLOCK_BYTES)
TIFF_MAX_SECONDS = 5.0
TIFF_WINDOW = 256  # pixels read per IFD side: the out-db engine reads windows, not files


class Finding(Exception):
    """An input that broke a property (wrong exception, inconsistent verdicts, bounds)."""


# ---------------------------------------------------------------- WKB

def check_wkb_quick(data):
    """The fast property, for most inputs: the domain's full check and the parser agree,
    and only plraster's errors come out of either."""
    from plraster.core import wkb
    try:
        wkb.check_raster(data)
        checked = None
    except PlrasterError as exc:
        checked = exc
    try:
        wkb.parse_raster(data, notice_trailing=False)
        parsed = None
    except PlrasterError as exc:
        parsed = exc
    if (checked is None) != (parsed is None):
        raise Finding("check_raster and parse_raster disagree: check %r, parse %r"
                      % (checked, parsed))


def exercise_wkb(data):
    """Run raster WKB through every codec entry point; raise Finding on a broken property.

    Properties: only plraster's errors come out; the full check (the domain's walk) and the
    parser agree on what is valid; a valid raster re-emits to WKB that is valid, has the
    same bands and pixels, and whose canonical and little-endian forms are valid.
    """
    import numpy as np
    from plraster.functions import accessors, pixels, wkbio
    from plraster.core import bandbytes, bands, wkb

    try:
        trailing = wkb.check_raster(data)
        checked = None
    except PlrasterError as exc:
        trailing, checked = None, exc
    try:
        raster = wkb.parse_raster(data, notice_trailing=False)
        parsed = None
    except PlrasterError as exc:
        raster, parsed = None, exc
    if (checked is None) != (parsed is None):
        raise Finding("check_raster and parse_raster disagree: check %r, parse %r"
                      % (checked, parsed))
    try:
        header = wkb.read_header(data)
    except PlrasterError:
        header = None
    if raster is None:
        if header is not None and len(data) > wkb.HEADER_SIZE:
            # read_header walks the band chain (structure only): only a pixel value out of
            # a 1BB/2BUI/4BUI range may pass it and fail the full check.
            if "invalid value" not in checked.message:
                raise Finding("read_header accepted a broken band chain: %r" % (checked,))
        if header is not None:
            for call in (lambda: pixels.value(data, 1, 1, 1),
                         lambda: bandbytes.has_outdb_band(data, header)):
                try:
                    call()
                except (PlrasterError, SoftFailure):
                    pass
        return
    out = wkb.emit_raster(raster)
    if wkb.check_raster(out) != 0:
        raise Finding("emit_raster wrote trailing bytes")
    again = wkb.parse_raster(out)
    if wkb.emit_header(again.header) != wkb.emit_header(raster.header):
        raise Finding("header changed through emit/parse")
    for a, b in zip(raster.bands, again.bands):
        if (a.pixtype, a.has_nodata, a.path, a.outdb_index) != (b.pixtype, b.has_nodata, b.path,
                                                                 b.outdb_index):
            raise Finding("band changed through emit/parse")
        if a.data is not None and not np.array_equal(a.data, b.data, equal_nan=a.pixtype.is_float):
            raise Finding("pixels changed through emit/parse")
    for form in (wkbio.canonical_wkb(data), bandbytes.little_endian(data),
                 bandbytes.with_header(data, header)):
        if len(form) and wkb.check_raster(form) not in (0, trailing):
            raise Finding("a rewritten form is not whole raster WKB")
    accessors.memsize(data)
    for nband in (1, header.num_bands):
        band = bands.locate_band(data, header, nband)
        if band is not None and not band.is_outdb and header.width and header.height:
            bands.read_pixel(data, header, band, header.width - 1, header.height - 1)


# ---------------------------------------------------------------- TIFF

def exercise_tiff(data):
    """Open a TIFF from bytes as the out-db engine does and read a window of every IFD
    (first and last blocks), its georeference and nodata; only plraster errors may come out."""
    from plraster.tiff import BytesSource, check_decodable, open_tiff, read_window

    source = BytesSource(data)
    try:
        tiff = open_tiff(source)
    except PlrasterError:
        return
    for ifd in tiff.ifds:
        try:
            ifd.geotransform, ifd.epsg, ifd.nodata, ifd.metadata_items()
            check_decodable(ifd)
            w, h = min(ifd.width, TIFF_WINDOW), min(ifd.height, TIFF_WINDOW)
            # One sample at a time, as the out-db engine reads: the first and the last.
            read_window(ifd, source, 0, 0, w, h, bands=[1])
            if ifd.width > w or ifd.height > h or ifd.samples_per_pixel > 1:
                read_window(ifd, source, ifd.width - w, ifd.height - h, w, h,
                            bands=[ifd.samples_per_pixel])
        except PlrasterError:
            pass
    for n in range(len(tiff.ifds) + 1):
        try:
            tiff.gdal_dir(n)
        except (PlrasterError, IndexError):  # IndexError: gdal_dir's documented "no such IFD"
            pass


# ---------------------------------------------------------------- the loop

def _tiff_extra(ifds, order_big):
    """Structure-aware operations for one TIFF seed: IFD loops, huge sizes."""
    order, big = order_big
    width = 8 if big else 4

    def extra(rng, data):
        if ifds and rng.random() < 0.5:
            # Point the first-IFD offset or some next-IFD link at an earlier IFD (a loop).
            target = rng.choice(ifds)
            return ("int", 8 if big else 4, width, order, target)
        return ("int", rng.choice(ifds) if ifds else 0, 2 if not big else 8, order,
                rng.choice((0, 0xFFFF, 4000)))
    return extra


def seeds_for(kind, seed_dir):
    """[(name, bytes, fields, extra)] for kind 'wkb' or 'tiff'."""
    import corpus
    if kind == "wkb":
        return [(name, data, fields, None) for name, data, fields in corpus.wkb_seeds()]
    out = []
    for name in sorted(os.listdir(seed_dir)):
        if name.endswith(".tif"):
            data = open(os.path.join(seed_dir, name), "rb").read()
            ifds, ob = corpus.ifd_offsets(data)
            out.append((name, data, corpus.tiff_fields(data), _tiff_extra(ifds, ob)))
    return out


def _fails(exercise, data):
    """True when data breaks a property (for shrinking; bounds are not re-measured)."""
    try:
        exercise(data)
    except (PlrasterError, SoftFailure):
        return False
    except BaseException:  # noqa: B902
        return True
    return False


def run(kind, count, seed, seed_dir):
    """Run count mutated inputs of kind; print findings and a summary as JSON lines."""
    deep = exercise_wkb if kind == "wkb" else exercise_tiff
    quick = check_wkb_quick if kind == "wkb" else exercise_tiff
    # The first tenth of the inputs goes through every entry point with tracemalloc on;
    # the rest through the fast properties alone (RLIMIT_AS still bounds them).
    traced = max(len(seeds_for(kind, seed_dir)), count // 10) if kind == "wkb" else count
    max_bytes = WKB_MAX_BYTES if kind == "wkb" else TIFF_MAX_BYTES
    max_seconds = WKB_MAX_SECONDS if kind == "wkb" else TIFF_MAX_SECONDS
    seeds = seeds_for(kind, seed_dir)
    mutator = mutate.Mutator(seed)
    findings = 0
    for _, base, _, _ in seeds:  # warm up: imports and first-call costs are not the input's
        try:
            deep(base)
        except (PlrasterError, SoftFailure):
            pass
    tracemalloc.start()
    started = time.perf_counter()
    peak_all, slowest = 0, 0.0
    current = os.path.join(seed_dir, "current-" + kind)
    for i in range(count):
        name, base, fields, extra = seeds[i % len(seeds)]
        ops = [] if i < len(seeds) else mutator.ops(len(base), fields, extra, base)
        data = mutate.apply(base, ops)
        if i % 64 == 0:
            with open(current, "w") as f:
                json.dump({"name": name, "first": i}, f)
        if i == traced:
            tracemalloc.stop()
        exercise = deep if i < traced else quick
        if i < traced:
            tracemalloc.reset_peak()
        t0 = time.perf_counter()
        error = None
        try:
            exercise(data)
        except Finding as exc:
            error = str(exc)
        except (PlrasterError, SoftFailure):
            pass
        except BaseException as exc:  # noqa: B902 - anything else is the finding
            error = "%s: %s" % (type(exc).__name__, exc)
        spent = time.perf_counter() - t0
        peak = tracemalloc.get_traced_memory()[1] if i < traced else 0
        peak_all, slowest = max(peak_all, peak), max(slowest, spent)
        if error is None and peak > max_bytes:
            error = "allocated %d bytes (bound %d)" % (peak, max_bytes)
        if error is None and spent > max_seconds:
            error = "took %.2f s (bound %.1f s)" % (spent, max_seconds)
        if error is not None:
            findings += 1
            if ops:
                ops = mutate.shrink(base, ops, lambda d: _fails(exercise, d))
            data = mutate.apply(base, ops)
            print(json.dumps({"name": name, "ops": mutate.ops_to_json(ops), "error": error[:500],
                              "input_hex": data.hex() if len(data) <= 4096 else None}), flush=True)
            if findings >= 20:
                break
    print(json.dumps({"done": i + 1, "seconds": time.perf_counter() - started,
                      "peak_bytes": peak_all, "slowest": slowest}), flush=True)


if __name__ == "__main__":
    kind, count, seed, seed_dir = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    limit = int(os.environ.get("PLRASTER_FUZZ_RLIMIT_AS", str(3 * 1024**3)))
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    run(kind, count, seed, seed_dir)
