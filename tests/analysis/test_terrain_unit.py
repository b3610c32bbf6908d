"""plraster.functions.terrain without a server, against hand-computed answers: a tilted
plane has one slope, one aspect, TPI 0 and a known roughness inside; edges count missing
neighbours as the centre; hillshade's NOTICEs are counted per callback call."""
import math

import numpy as np

from plraster.core import messages, wkb
from plraster.functions import terrain
from rasters import pack


def _plane(width=7, height=6, dx=2.0, dy=-3.0, scale=(10.0, -10.0)):
    y, x = np.mgrid[0:height, 0:width]
    z = 100 + dx * x + dy * y
    return bytes.fromhex(pack(width, height, [{"pixtype": "64BF", "data": z}], scale=scale)), z


def _values(out):
    raster = wkb.parse_raster(out)
    return raster.bands[0].data.astype(np.float64), raster


def test_plane_slope_aspect_tpi_roughness():
    rast, _ = _plane()
    slope, r = _values(terrain.slope(rast, 1, None, "64BF", "DEGREES", 1.0, False))
    # east rises 2 per pixel of 10 m, south falls 3 (rows go south): gradient (0.2, -0.3)
    inner = slope[1:-1, 1:-1]
    assert np.allclose(inner, math.degrees(math.atan(math.hypot(0.2, 0.3))))
    percent, _ = _values(terrain.slope(rast, 1, None, "64BF", " percent", 1.0, False))
    assert np.allclose(percent[1:-1, 1:-1], 100 * math.hypot(0.2, 0.3))
    aspect, _ = _values(terrain.aspect(rast, 1, None, "64BF", "DEGREES", False))
    # z rises 2 a column eastwards and 3 a row northwards: downhill points west-south-west,
    # compass atan2(east -2, north -3) = 213.69 degrees
    assert np.allclose(aspect[1:-1, 1:-1], math.degrees(math.atan2(-2.0, -3.0)) + 360)
    assert np.allclose(_values(terrain.tpi(rast, 1, None, "64BF", False))[0][1:-1, 1:-1], 0)
    rough, _ = _values(terrain.roughness(rast, 1, None, "64BF", False))
    assert np.allclose(rough[1:-1, 1:-1], 2 * 2 + 2 * 3)
    assert r.header.width == 7 and r.bands[0].pixtype.name == "64BF"


def test_flat_aspect_and_edges():
    z = np.full((4, 5), 7.0)
    rast = bytes.fromhex(pack(5, 4, [{"pixtype": "64BF", "data": z}]))
    aspect, _ = _values(terrain.aspect(rast, 1, None, "64BF", None, False))
    assert (aspect == -1).all()
    z[0, 0] = 9.0
    rast = bytes.fromhex(pack(5, 4, [{"pixtype": "64BF", "data": z}]))
    tri, _ = _values(terrain.tri(rast, 1, None, "64BF", False))
    # the corner's five missing neighbours count as itself: (2 + 2 + 2) / 8
    assert tri[0, 0] == 6 / 8 and tri[1, 1] == 2 / 8 and tri[3, 4] == 0


def test_hillshade_notices_and_edges():
    rast, _ = _plane(6, 5)
    messages.recent.clear()
    shade, raster = _values(terrain.hillshade(rast, 1, None, "64BF", -10.0, 45.0, 255.0, 1.0,
                                              False))
    assert messages.recent == ["Clamping provided azimuth value -10 to 0"] * (4 * 3)
    nodata = raster.bands[0].nodata
    assert (shade[0] == nodata).all() and (shade[:, -1] == nodata).all()
    assert (shade[1:-1, 1:-1] >= 0).all() and (shade[1:-1, 1:-1] <= 255).all()
