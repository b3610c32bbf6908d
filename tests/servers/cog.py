"""A small Cloud Optimized GeoTIFF written by gdal_translate -of COG from numpy pixels."""

import os
import subprocess

import numpy

from .process import find_program


def write_cog(path, width=700, height=500, blocksize=256, seed=7):
    """Write a uint16 COG (DEFLATE, tiled, with overviews) at `path`; return its bytes.

    The pixels are a smooth ramp plus noise, so tiles compress to different sizes and a
    reader needs many distinct ranges.
    """
    rng = numpy.random.default_rng(seed)
    y, x = numpy.mgrid[0:height, 0:width]
    pixels = ((x * 37 + y * 11) % 4096 + rng.integers(0, 64, (height, width))).astype("<u2")
    raw = path + ".raw"
    pixels.tofile(raw)
    with open(raw[:-4] + ".hdr", "w") as f:
        f.write("ENVI\n"
                f"samples = {width}\nlines = {height}\nbands = 1\nheader offset = 0\n"
                "file type = ENVI Standard\ndata type = 12\ninterleave = bsq\nbyte order = 0\n")
    subprocess.run([
        find_program("gdal_translate"), "-q", "-of", "COG", "-a_srs", "EPSG:4326",
        "-a_ullr", "10", "50", str(10 + width * 0.001), str(50 - height * 0.001),
        "-co", f"BLOCKSIZE={blocksize}", "-co", "COMPRESS=DEFLATE", "-co", "OVERVIEWS=AUTO",
        raw, path,
    ], check=True, capture_output=True)
    for leftover in (raw, raw[:-4] + ".hdr", raw + ".aux.xml"):
        if os.path.exists(leftover):
            os.remove(leftover)
    with open(path, "rb") as f:
        return f.read()
