"""Open one PostgreSQL raster layer in QGIS (provider "postgresraster"), headless, and
report what QGIS sees: layer properties, renders, pixel blocks, identify and statistics.

Run by test_qgis.py as a subprocess of Debian's /usr/bin/python3 (which has python3-qgis),
so a QGIS crash fails one test instead of killing pytest:

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 qgis_probe.py SPEC.json OUT.json

SPEC: {"conn": {host, port, dbname, user}, "table": ..., "outdir": ...,
       "renders": [[name, factor], ...], "blocks": [[name, factor], ...],
       "points": [[x, y], ...]}
A render or block covers the layer's extent at 1/factor of the layer's size in pixels
(factor 1: full resolution; 2, 4: the resolution of the -l 2, -l 4 overviews).
Renders are written to outdir/<name>.png (ARGB32), blocks to outdir/<name>_b<band>.bin
(the block's bytes then one byte per pixel, 1 where QGIS says nodata); OUT gets the rest.
"""
import hashlib
import json
import os
import sys


def _open_layer(spec):
    from qgis.core import QgsDataSourceUri, QgsRasterLayer
    c = spec["conn"]
    uri = QgsDataSourceUri()
    uri.setConnection(c["host"], str(c["port"]), c["dbname"], c["user"], "")
    uri.setDataSource("public", spec["table"], "rast")
    return QgsRasterLayer(uri.uri(False), spec["table"], "postgresraster")


def _extent(rect):
    return [rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum()]


def _layer_facts(layer):
    prov = layer.dataProvider()
    bands = []
    for b in range(1, layer.bandCount() + 1):
        bands.append({"data_type": int(prov.dataType(b)),
                      "source_has_nodata": bool(prov.sourceHasNoDataValue(b)),
                      "source_nodata": prov.sourceNoDataValue(b) if prov.sourceHasNoDataValue(b) else None,
                      "name": layer.bandName(b)})
    return {"valid": layer.isValid(), "error": layer.error().summary() if not layer.isValid() else "",
            "width": layer.width(), "height": layer.height(), "band_count": layer.bandCount(),
            "extent": _extent(layer.extent()), "crs": layer.crs().authid(), "bands": bands,
            "renderer": layer.renderer().type() if layer.renderer() else None}


def _render(layer, path, width, height):
    from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor, QImage
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setOutputSize(QSize(width, height))
    settings.setExtent(layer.extent())
    settings.setBackgroundColor(QColor(255, 255, 255, 0))
    settings.setOutputImageFormat(QImage.Format_ARGB32)
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage().convertToFormat(QImage.Format_ARGB32)
    image.save(path, "PNG")
    ptr = image.constBits()
    ptr.setsize(image.sizeInBytes())
    return {"size": [image.width(), image.height()], "md5": hashlib.md5(bytes(ptr)).hexdigest(),
            "errors": [str(e.message) for e in job.errors()]}


def _blocks(layer, outdir, name, width, height):
    prov = layer.dataProvider()
    out = []
    for b in range(1, layer.bandCount() + 1):
        block = prov.block(b, layer.extent(), width, height)
        data = bytes(block.data()) if block.isValid() else b""
        mask = bytes(1 if block.isNoData(r, c) else 0 for r in range(height) for c in range(width)) \
            if block.isValid() else b""
        with open(os.path.join(outdir, f"{name}_b{b}.bin"), "wb") as f:
            f.write(data + mask)
        out.append({"valid": block.isValid(), "data_type": int(block.dataType()),
                    "md5": hashlib.md5(data + mask).hexdigest(), "bytes": len(data)})
    return out


def _identify(layer, points):
    from qgis.core import QgsPointXY, QgsRaster
    prov = layer.dataProvider()
    out = []
    for x, y in points:
        res = prov.identify(QgsPointXY(x, y), QgsRaster.IdentifyFormatValue)
        values = {str(k): v for k, v in res.results().items()} if res.isValid() else None
        samples = []
        for b in range(1, layer.bandCount() + 1):
            value, ok = prov.sample(QgsPointXY(x, y), b)
            samples.append([value if ok and value == value else None, bool(ok)])
        out.append({"point": [x, y], "identify": values, "sample": samples})
    return out


def _statistics(layer):
    from qgis.core import QgsRasterBandStats
    prov = layer.dataProvider()
    out = []
    for b in range(1, layer.bandCount() + 1):
        s = prov.bandStatistics(b, QgsRasterBandStats.All)
        out.append({"min": s.minimumValue, "max": s.maximumValue, "mean": s.mean,
                    "stddev": s.stdDev, "count": s.elementCount})
    return out


def main(spec_path, out_path):
    """Open the layer the spec names and write what QGIS reports to out_path."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication
    with open(spec_path) as f:
        spec = json.load(f)
    app = QgsApplication([], False)
    app.setPrefixPath("/usr", True)
    app.initQgis()
    layer = _open_layer(spec)
    report = {"layer": _layer_facts(layer)}
    if layer.isValid():
        w, h = layer.width(), layer.height()
        report["renders"] = {name: _render(layer, os.path.join(spec["outdir"], name + ".png"),
                                           w // f, h // f) for name, f in spec["renders"]}
        report["blocks"] = {name: _blocks(layer, spec["outdir"], name, w // f, h // f)
                            for name, f in spec["blocks"]}
        report["identify"] = _identify(layer, spec["points"])
        report["statistics"] = _statistics(layer)
    with open(out_path, "w") as f:
        json.dump(report, f, indent=1, sort_keys=True, default=str)
    del layer
    app.exitQgis()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
