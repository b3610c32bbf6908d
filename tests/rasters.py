"""Test rasters built with numpy and packed by hand (not by the codec under test).

`catalogue()` names a set that covers every pixel type, both byte orders, nodata
variants, empty and zero-band rasters, edge-sized tiles, skewed georeference and out-db
band records. Values are hex WKB, ready for conformance templates.
"""
import struct

import numpy as np

PIXTYPES = {  # name: (code, numpy dtype, min, max)
    "1BB": (0, np.uint8, 0, 1), "2BUI": (1, np.uint8, 0, 3), "4BUI": (2, np.uint8, 0, 15),
    "8BSI": (3, np.int8, -128, 127), "8BUI": (4, np.uint8, 0, 255),
    "16BSI": (5, np.int16, -32768, 32767), "16BUI": (6, np.uint16, 0, 65535),
    "32BSI": (7, np.int32, -2**31, 2**31 - 1), "32BUI": (8, np.uint32, 0, 2**32 - 1),
    "32BF": (10, np.float32, -1e6, 1e6), "64BF": (11, np.float64, -1e9, 1e9),
}


def pack(width, height, bands=(), scale=(1.0, -1.0), ul=(0.0, 0.0), skew=(0.0, 0.0),
         srid=0, big_endian=False):
    """Hex WKB of a raster. bands: dicts with pixtype, data (h x w array) or path+index,
    optional nodata, isnodata."""
    o = ">" if big_endian else "<"
    out = [struct.pack(o + "BHHddddddiHH", 0 if big_endian else 1, 0, len(bands),
                       scale[0], scale[1], ul[0], ul[1], skew[0], skew[1], srid, width, height)]
    for b in bands:
        code, dtype, _, _ = PIXTYPES[b["pixtype"]]
        flags = code
        if b.get("path") is not None:
            flags |= 0x80
        if b.get("nodata") is not None:
            flags |= 0x40
            if b.get("isnodata"):
                flags |= 0x20
        dt = np.dtype(dtype).newbyteorder(o)
        out.append(bytes((flags,)))
        out.append(np.array(b.get("nodata") or 0).astype(dt).tobytes())
        if b.get("path") is not None:
            out.append(bytes((b.get("index", 0),)) + b["path"].encode() + b"\0")
        else:
            out.append(np.asarray(b["data"]).astype(dt).tobytes())
    return b"".join(out).hex().upper()


def ramp(pixtype, width, height, seed=0):
    """A deterministic array of the pixel type's values, covering its range."""
    _, dtype, lo, hi = PIXTYPES[pixtype]
    rng = np.random.default_rng(seed)
    if np.dtype(dtype).kind == "f":
        return (rng.uniform(lo, hi, (height, width))).astype(dtype)
    return rng.integers(lo, hi, (height, width), endpoint=True, dtype=np.int64).astype(dtype)


def catalogue():
    """Named test rasters (hex WKB)."""
    cat = {}
    for name, (_, dtype, lo, hi) in PIXTYPES.items():
        data = ramp(name, 5, 4, seed=len(name))
        nodata = data[1, 2].item()
        for big in (False, True):
            suffix = "_xdr" if big else ""
            cat["%s%s" % (name, suffix)] = pack(
                5, 4, [{"pixtype": name, "data": data}], scale=(2.0, -3.0),
                ul=(100.5, 200.25), srid=4326, big_endian=big)
            cat["%s_nodata%s" % (name, suffix)] = pack(
                5, 4, [{"pixtype": name, "data": data, "nodata": nodata}], scale=(2.0, -3.0),
                ul=(100.5, 200.25), srid=4326, big_endian=big)
    cat["8BUI_isnodata"] = pack(3, 3, [{"pixtype": "8BUI", "data": np.full((3, 3), 7),
                                        "nodata": 7, "isnodata": True}])
    cat["empty"] = pack(0, 0)
    cat["empty_2x2"] = pack(2, 2, scale=(1.0, -1.0))
    cat["multiband"] = pack(4, 3, [
        {"pixtype": "8BUI", "data": ramp("8BUI", 4, 3, 1), "nodata": 0},
        {"pixtype": "16BSI", "data": ramp("16BSI", 4, 3, 2)},
        {"pixtype": "32BF", "data": ramp("32BF", 4, 3, 3), "nodata": -9999.0},
    ], scale=(0.5, -0.5), ul=(-10.0, 10.0), srid=3857)
    cat["skewed"] = pack(4, 3, [{"pixtype": "16BUI", "data": ramp("16BUI", 4, 3, 4)}],
                         scale=(10.0, -10.0), ul=(1000.0, 2000.0), skew=(1.5, -2.5), srid=32631)
    cat["rotated"] = pack(3, 3, [{"pixtype": "8BUI", "data": ramp("8BUI", 3, 3, 5), "nodata": 3}],
                          scale=(0.8660254037844387, -0.8660254037844387), skew=(0.5, 0.5),
                          ul=(5.0, 5.0))
    cat["edge_1x1"] = pack(1, 1, [{"pixtype": "32BSI", "data": [[42]], "nodata": 42}])
    cat["edge_1x7"] = pack(1, 7, [{"pixtype": "8BSI", "data": ramp("8BSI", 1, 7, 6)}])
    cat["edge_7x1"] = pack(7, 1, [{"pixtype": "64BF", "data": ramp("64BF", 7, 1, 7)}])
    cat["outdb"] = pack(64, 64, [{"pixtype": "16BUI", "path": "/vsicurl/http://127.0.0.1/dem.tif",
                                   "index": 0, "nodata": 0}], scale=(30.0, -30.0),
                        ul=(500000.0, 4500000.0), srid=32631)
    cat["outdb_mixed"] = pack(2, 2, [
        {"pixtype": "8BUI", "data": [[1, 2], [3, 4]], "nodata": 2},
        {"pixtype": "32BF", "path": "/srv/rasters/a.tif", "index": 2},
    ])
    return cat
