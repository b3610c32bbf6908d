"""Rasters for the statistics tests: every pixel type with and without nodata, ties,
flagged all-nodata bands, empty rasters (hex WKB, built by tests/rasters.py)."""
import numpy as np

import rasters


def stats_rasters():
    """Named rasters (hex WKB) the statistics forms are compared on."""
    cat = {}
    for name in rasters.PIXTYPES:
        data = rasters.ramp(name, 5, 4, seed=len(name))
        # ties, so value counts and quantiles meet repeated values
        data[0, :3] = data[3, 4]
        nodata = data[1, 2].item()
        cat[name] = rasters.pack(5, 4, [{"pixtype": name, "data": data}])
        cat[name + "_nodata"] = rasters.pack(5, 4, [{"pixtype": name, "data": data, "nodata": nodata}])
    frac = np.array([[0.1, 0.7, 0.3, 0.5], [0.33, 0.6999999, 0.1000001, 2.5],
                     [-1.25, 0.7, 1234.5678, 0.0456]])
    cat["frac"] = rasters.pack(4, 3, [{"pixtype": "64BF", "data": frac, "nodata": 0.5}],
                               skew=(0.5, -0.25))
    cat["all_nodata_flag"] = rasters.pack(3, 3, [{"pixtype": "8BUI", "data": np.full((3, 3), 7),
                                                  "nodata": 7, "isnodata": True}])
    cat["all_nodata"] = rasters.pack(3, 2, [{"pixtype": "16BSI", "data": np.full((2, 3), -5),
                                             "nodata": -5}])
    cat["constant"] = rasters.pack(3, 3, [{"pixtype": "8BUI", "data": np.full((3, 3), 9)}])
    cat["empty"] = rasters.pack(0, 0)
    cat["no_band"] = rasters.pack(2, 2)
    cat["multiband"] = rasters.pack(4, 3, [
        {"pixtype": "8BUI", "data": rasters.ramp("8BUI", 4, 3, 1), "nodata": 0},
        {"pixtype": "16BSI", "data": rasters.ramp("16BSI", 4, 3, 2) // 1000},
        {"pixtype": "32BF", "data": rasters.ramp("32BF", 4, 3, 3), "nodata": -9999.0},
    ])
    return cat
