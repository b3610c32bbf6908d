"""Rasters and out-db files for the polygons tests (tests/analysis/test_polygons_*.py)."""
import importlib.util
import os
import sys

import numpy as np

_TESTS = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir))
for _p in (_TESTS, os.path.join(_TESTS, "outdb")):
    if _p not in sys.path:
        sys.path.append(_p)

import rasters  # noqa: E402

POSTGIS_OUTDB = ("SET postgis.enable_outdb_rasters = true; "
                 "SET postgis.gdal_enabled_drivers = 'ENABLE_ALL'")


def outdb_writer():
    """tests/outdb/conftest.py's write_tiff (gdal_translate), loaded under another name."""
    spec = importlib.util.spec_from_file_location(
        "outdb_fixtures", os.path.join(_TESTS, "outdb", "conftest.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.write_tiff


def classified(h, w, classes=4, seed=0):
    """A blocky classified array: a few values in patches, with holes and diagonals."""
    rng = np.random.default_rng(seed)
    coarse = rng.integers(0, classes, (h // 3 + 1, w // 3 + 1))
    a = np.kron(coarse, np.ones((3, 3), dtype=np.int64))[:h, :w]
    a[rng.random((h, w)) < 0.08] = classes   # scattered single pixels
    return a


def polygon_rasters():
    """Named hex WKB rasters covering pixel types, nodata or not, skew, one value, all
    nodata, empty and band-less rasters."""
    cat = {}
    data = classified(9, 11)
    for name in rasters.PIXTYPES:
        lo, hi = rasters.PIXTYPES[name][2:]
        vals = np.clip(data, lo, hi)
        if name in ("32BF", "64BF"):
            vals = data * 1.25 - 2.5
        for nd in (None, vals[0, 0].item()):
            cat["%s%s" % (name, "_nodata" if nd is not None else "")] = rasters.pack(
                11, 9, [{"pixtype": name, "data": vals, "nodata": nd}], scale=(2.0, -3.0),
                ul=(100.5, 200.25), srid=4326)
    cat["32BF_fraction_nodata"] = rasters.pack(
        6, 5, [{"pixtype": "32BF", "data": np.where(classified(5, 6, seed=2) == 1, 0.1234567,
                                                    classified(5, 6, seed=2) * 0.3),
                "nodata": 0.1234567}], srid=3857)
    cat["64BF_fine"] = rasters.pack(
        6, 5, [{"pixtype": "64BF", "data": classified(5, 6, seed=3) * (1 + 1e-12)}], srid=3857)
    cat["skewed"] = rasters.pack(11, 9, [{"pixtype": "16BUI", "data": data, "nodata": 2}],
                                 scale=(10.0, -10.0), ul=(1000.0, 2000.0), skew=(1.5, -2.5),
                                 srid=32631)
    cat["flipped"] = rasters.pack(11, 9, [{"pixtype": "8BUI", "data": data}],
                                  scale=(-1.0, 1.0), ul=(5.0, -5.0), srid=0)
    cat["one_value"] = rasters.pack(7, 4, [{"pixtype": "8BUI", "data": np.full((4, 7), 5)}],
                                    srid=4326)
    cat["all_nodata"] = rasters.pack(4, 3, [{"pixtype": "8BUI", "data": np.full((3, 4), 5),
                                             "nodata": 5}], srid=4326)
    cat["isnodata"] = rasters.pack(3, 3, [{"pixtype": "8BUI", "data": np.full((3, 3), 7),
                                           "nodata": 7, "isnodata": True}])
    cat["no_bands"] = rasters.pack(2, 2, srid=4326)
    cat["empty"] = rasters.pack(0, 0)
    cat["two_bands"] = rasters.pack(5, 4, [
        {"pixtype": "8BUI", "data": classified(4, 5, seed=4)},
        {"pixtype": "16BSI", "data": classified(4, 5, seed=5) - 2, "nodata": -1}], srid=4326)
    return cat
