-- ST_ColorMap (functions/colormap.py): a band mapped to up to four 8BUI bands through a
-- named map or a colour table. Signatures, defaults, volatility and strictness are PostGIS 3.3's.
CREATE FUNCTION @extschema@.st_colormap(rast @extschema@.raster, nband integer DEFAULT 1,
    colormap text DEFAULT 'grayscale', method text DEFAULT 'INTERPOLATE')
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import colormap as _colormap
return _colormap.colormap(rast, nband, colormap, method)
$$;
COMMENT ON FUNCTION @extschema@.st_colormap(@extschema@.raster, integer, text, text) IS
  'args: rast, nband=1, colormap=grayscale, method=INTERPOLATE - Creates a new raster of up to four 8BUI bands (grayscale, RGB, RGBA) from the source raster and a specified band. Band 1 is assumed if not specified.';

CREATE FUNCTION @extschema@.st_colormap(rast @extschema@.raster, colormap text,
    method text DEFAULT 'INTERPOLATE')
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_colormap(rast, 1, colormap, method);
COMMENT ON FUNCTION @extschema@.st_colormap(@extschema@.raster, text, text) IS
  'args: rast, colormap, method=INTERPOLATE - Creates a new raster of up to four 8BUI bands (grayscale, RGB, RGBA) from the source raster and a specified band. Band 1 is assumed if not specified.';
