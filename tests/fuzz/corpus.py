"""Seed inputs for the fuzzers: raster WKB of every pixel type and shape, and TIFF/COG files
of every kind plraster's reader supports, all built here from numpy arrays.

WKB seeds are packed by hand from the format's description (not by plraster's emitter),
in both byte orders, with in-db and out-db bands; TIFF seeds are written by GDAL,
tifffile and rasterio. Each seed comes with the positions of its integer fields that
matter (band count, sizes, flags; IFD counts, offsets, tile arrays) so the mutator can
aim at them.
"""
import os
import struct
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tiff"))

# Pixel type code -> (name, numpy dtype, range of valid values for the seed's pixels).
PIXEL_TYPES = {
    0: ("1BB", np.uint8, (0, 1)), 1: ("2BUI", np.uint8, (0, 3)), 2: ("4BUI", np.uint8, (0, 15)),
    3: ("8BSI", np.int8, (-128, 127)), 4: ("8BUI", np.uint8, (0, 255)),
    5: ("16BSI", np.int16, (-32768, 32767)), 6: ("16BUI", np.uint16, (0, 65535)),
    7: ("32BSI", np.int32, (-2**31, 2**31 - 1)), 8: ("32BUI", np.uint32, (0, 2**32 - 1)),
    9: ("16BF", np.float16, (-1000, 1000)), 10: ("32BF", np.float32, (-1e6, 1e6)),
    11: ("64BF", np.float64, (-1e9, 1e9)),
}


def pack_header(nbands, width, height, order="<", srid=4326):
    """The 61-byte raster header."""
    return struct.pack(order + "BHHddddddiHH", 1 if order == "<" else 0, 0, nbands,
                       0.5, -0.5, 10.0, 20.0, 0.0, 0.0, srid, width, height)


def pack_band(code, width, height, order="<", nodata=None, is_nodata=False, outdb=None, seed=0):
    """One band: in-db with pixels drawn from the type's range, or out-db (outdb = (n, path))."""
    name, dtype, (lo, hi) = PIXEL_TYPES[code]
    flags = code | (0x40 if nodata is not None else 0) | (0x20 if is_nodata else 0)
    dt = np.dtype(dtype).newbyteorder(order)
    nd = np.array(nodata if nodata is not None else 0).astype(dt).tobytes()
    if outdb is not None:
        return bytes((flags | 0x80,)) + nd + bytes((outdb[0],)) + outdb[1] + b"\0"
    rng = np.random.default_rng(seed)
    if np.dtype(dtype).kind == "f":
        pixels = rng.uniform(lo, hi, (height, width))
    else:
        pixels = rng.integers(lo, hi, (height, width), endpoint=True)
    return bytes((flags,)) + nd + pixels.astype(dt).tobytes()


def wkb_seeds():
    """[(name, bytes, fields)] of valid raster WKB covering every pixel type and shape."""
    seeds = []
    shapes = [(1, 1), (3, 2), (17, 5), (0, 0), (0, 3), (64, 1)]
    for order in "<>":
        for code in PIXEL_TYPES:
            for w, h in shapes:
                for nodata, isnd in ((None, False), (1, False), (1, True)):
                    bands = [pack_band(code, w, h, order, nodata, isnd, seed=code)]
                    seeds.append(("%s%dx%d-%s%s" % (PIXEL_TYPES[code][0], w, h, order,
                                                   "" if nodata is None else "nd"),
                                  pack_header(1, w, h, order) + b"".join(bands)))
        seeds.append(("nobands" + order, pack_header(0, 5, 5, order)))
        seeds.append(("outdb" + order, pack_header(1, 100, 80, order) + pack_band(
            4, 100, 80, order, nodata=0, outdb=(0, b"/data/cog.tif"))))
        seeds.append(("outdb-url" + order, pack_header(2, 300, 260, order) + pack_band(
            5, 300, 260, order, outdb=(0, b"http://127.0.0.1:1/a/cog.tif")) + pack_band(
            10, 300, 260, order, nodata=-9999, outdb=(1, b"GTIFF_DIR:2:/data/x.tif"))))
        mixed = [pack_band(4, 4, 3, order, nodata=0, seed=1),
                 pack_band(11, 4, 3, order, outdb=(3, b"/data/f.tif")),
                 pack_band(0, 4, 3, order, seed=2), pack_band(6, 4, 3, order, nodata=7, seed=3),
                 pack_band(2, 4, 3, order, nodata=1, is_nodata=True, seed=4)]
        seeds.append(("mixed" + order, pack_header(len(mixed), 4, 3, order) + b"".join(mixed)))
        seeds.append(("trailing" + order, pack_header(1, 2, 2, order) + pack_band(4, 2, 2, order)
                      + b"\x01\x02\x03"))
    return [(name, data, [(3, 2, "<" if data[0] == 1 else ">"),
                          (57, 2, "<" if data[0] == 1 else ">"),
                          (59, 2, "<" if data[0] == 1 else ">")]) for name, data in seeds]


# ---------------------------------------------------------------- TIFF seeds

def tiff_fields(data):
    """Integer fields of a TIFF worth aiming at, found by walking its IFDs here (an
    independent minimal parser): the first-IFD offset, each IFD's entry count and
    next-IFD offset, every entry's type, count and value/offset, and the first values
    of out-of-line arrays (tile offsets and byte counts)."""
    order = "<" if data[:2] == b"II" else ">"
    big = struct.unpack_from(order + "H", data, 2)[0] == 43
    fields = []
    if big:
        fields.append((8, 8, order))
        offset = struct.unpack_from(order + "Q", data, 8)[0]
        count_fmt, entry_size, off_w = "Q", 20, 8
    else:
        fields.append((4, 4, order))
        offset = struct.unpack_from(order + "I", data, 4)[0]
        count_fmt, entry_size, off_w = "H", 12, 4
    seen = set()
    while offset and offset not in seen and offset + 8 < len(data):
        seen.add(offset)
        cw = struct.calcsize(count_fmt)
        n = struct.unpack_from(order + count_fmt, data, offset)[0]
        fields.append((offset, cw, order))
        for i in range(min(n, 400)):
            e = offset + cw + i * entry_size
            fields.append((e + 2, 2, order))  # type
            fields.append((e + 4, off_w, order))  # count
            fields.append((e + 4 + off_w, off_w, order))  # value or offset
            tag, ftype = struct.unpack_from(order + "HH", data, e)
            if tag in (324, 325, 273, 279, 256, 257, 322, 323):
                count = struct.unpack_from(order + ("Q" if big else "I"), data, e + 4)[0]
                size = {3: 2, 4: 4, 16: 8}.get(ftype, 4)
                if count * size > off_w:
                    arr = struct.unpack_from(order + ("Q" if big else "I"), data, e + 4 + off_w)[0]
                    for k in (0, 1, count - 1):
                        if 0 <= k < count and arr + (k + 1) * size <= len(data):
                            fields.append((arr + k * size, size, order))
        nxt = offset + cw + n * entry_size
        if nxt + off_w > len(data):
            break
        fields.append((nxt, off_w, order))
        offset = struct.unpack_from(order + ("Q" if big else "I"), data, nxt)[0]
    return fields


def ifd_offsets(data):
    """Offsets of the IFDs of a TIFF, in chain order (for loop-making mutations)."""
    order = "<" if data[:2] == b"II" else ">"
    big = struct.unpack_from(order + "H", data, 2)[0] == 43
    count_fmt, entry_size, fmt = ("Q", 20, "Q") if big else ("H", 12, "I")
    offset = struct.unpack_from(order + fmt, data, 8 if big else 4)[0]
    out = []
    while offset and offset not in out and offset + 8 < len(data):
        out.append(offset)
        n = struct.unpack_from(order + count_fmt, data, offset)[0]
        nxt = offset + struct.calcsize(count_fmt) + n * entry_size
        if nxt + struct.calcsize(fmt) > len(data):
            break
        offset = struct.unpack_from(order + fmt, data, nxt)[0]
    return out, (order, big)


def tiff_seeds(directory):
    """[(name, bytes)] of TIFFs of every kind the reader supports, written into directory."""
    from gdal_oracle import gdal, mem_dataset, random_pixels
    import other_writers

    specs = [
        ("cog-deflate-int16-mask", np.int16, 2, 200, 180, "COG",
         ["BLOCKSIZE=128", "COMPRESS=DEFLATE", "PREDICTOR=2", "OVERVIEWS=AUTO"], True),
        ("cog-lzw-uint8", np.uint8, 1, 200, 150, "COG", ["BLOCKSIZE=128", "COMPRESS=LZW"], False),
        ("cog-zstd-float32", np.float32, 1, 130, 140, "COG",
         ["BLOCKSIZE=128", "COMPRESS=ZSTD", "PREDICTOR=3"], False),
        ("cog-jpeg-rgb", np.uint8, 3, 140, 130, "COG", ["BLOCKSIZE=128", "COMPRESS=JPEG"], False),
        ("cog-webp-rgb", np.uint8, 3, 140, 130, "COG", ["BLOCKSIZE=128", "COMPRESS=WEBP"], False),
        ("cog-lerc-float64", np.float64, 1, 140, 130, "COG",
         ["BLOCKSIZE=128", "COMPRESS=LERC_ZSTD", "MAX_Z_ERROR=0"], False),
        ("gtiff-strips-packbits-uint16", np.uint16, 2, 70, 50, "GTiff",
         ["BLOCKYSIZE=7", "COMPRESS=PACKBITS", "INTERLEAVE=BAND"], False),
        ("gtiff-raw-int32-pixel", np.int32, 3, 40, 30, "GTiff",
         ["TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16", "INTERLEAVE=PIXEL"], False),
        ("bigtiff-deflate-uint32", np.uint32, 1, 60, 70, "GTiff",
         ["BIGTIFF=YES", "TILED=YES", "BLOCKXSIZE=32", "BLOCKYSIZE=32", "COMPRESS=DEFLATE"], False),
        ("gtiff-1bit", np.uint8, 1, 45, 33, "GTiff", ["NBITS=1", "BLOCKYSIZE=5"], False),
        ("gtiff-int8", np.int8, 1, 50, 40, "GTiff", ["TILED=YES", "COMPRESS=LZW"], False),
    ]
    seeds = []
    for name, dtype, bands, h, w, driver, options, with_mask in specs:
        if np.dtype(dtype) == np.int8 and "Int8" not in __import__("gdal_oracle").GDAL_TYPES:
            continue
        pixels = random_pixels(dtype, bands, h, w, smooth=np.dtype(dtype).itemsize <= 2)
        if name == "gtiff-1bit":
            pixels = (pixels % 2).astype(np.uint8)
        mask = None
        if with_mask:
            mask = np.full((h, w), 255, np.uint8)
            mask[50:120, 40:140] = 0
        path = os.path.join(directory, name + ".tif")
        if mask is not None:
            gdal.SetConfigOption("GDAL_TIFF_INTERNAL_MASK", "YES")
        try:
            gdal.Translate(path, mem_dataset(pixels, mask=mask, nodata=None if mask is not None else
                                             (7 if dtype in (np.uint8, np.uint16) else None)),
                           format=driver, creationOptions=options)
        finally:
            gdal.SetConfigOption("GDAL_TIFF_INTERNAL_MASK", None)
        seeds.append((name, open(path, "rb").read()))
    for name, writer, kwargs in [
            ("tifffile-tiled-deflate", other_writers.write_tifffile,
             dict(tile=(32, 32), compression="zlib")),
            ("tifffile-big-endian", other_writers.write_tifffile, dict(byteorder=">", tile=(16, 16))),
            ("rasterio-lzw", other_writers.write_rasterio, dict(driver="GTiff", tiled=True, blockxsize=32,
                                                                blockysize=32, compress="lzw"))]:
        path = os.path.join(directory, name + ".tif")
        try:
            writer(path, random_pixels(np.uint16, 2, 48, 40), **kwargs)
        except TypeError:
            continue  # a writer option this version does not take
        seeds.append((name, open(path, "rb").read()))
    return seeds
