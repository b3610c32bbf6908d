"""Out-db raster WKB built by hand (the record raster2pgsql -R writes)."""
import struct

CODES = {"1BB": 0, "2BUI": 1, "4BUI": 2, "8BSI": 3, "8BUI": 4, "16BSI": 5, "16BUI": 6,
         "32BSI": 7, "32BUI": 8, "32BF": 10, "64BF": 11}
FORMATS = {"1BB": "B", "2BUI": "B", "4BUI": "B", "8BSI": "b", "8BUI": "B", "16BSI": "h",
           "16BUI": "H", "32BSI": "i", "32BUI": "I", "32BF": "f", "64BF": "d"}


def outdb_wkb(w, h, ulx, uly, sx, sy, bands, kx=0.0, ky=0.0, srid=4326):
    """Hex WKB of a raster whose bands are out-db: bands = [(path, 0-based index, pixtype, nodata)]."""
    out = struct.pack("<BHHddddddiHH", 1, 0, len(bands), sx, sy, ulx, uly, kx, ky, srid, w, h)
    for path, index, pixtype, nodata in bands:
        flags = CODES[pixtype] | 0x80 | (0x40 if nodata is not None else 0)
        out += bytes([flags]) + struct.pack("<" + FORMATS[pixtype], nodata or 0)
        out += bytes([index]) + path.encode() + b"\0"
    return out.hex()


def one_band(w, h, ulx, uly, sx, sy, path, pixtype="32BUI", nodata=None, index=0, **kw):
    """Hex WKB of a one-band out-db raster."""
    return outdb_wkb(w, h, ulx, uly, sx, sy, [(path, index, pixtype, nodata)], **kw)
