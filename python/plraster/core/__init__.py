"""The raster value itself: the WKB codec, pixel types, nodata rules, georeference, band
access, and the errors, NOTICEs and limits every other layer uses.

core imports nothing else from plraster, with one documented exception: a band that
lives out-db is read through `plraster.outdb` when its pixels are first asked for
(`bands.BandRef`), so that core stays free of I/O until then.
"""
