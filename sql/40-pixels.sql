-- Pixel values in and out: ST_Value, ST_SetValue(s), ST_DumpValues, ST_PixelOfValue,
-- ST_NearestValue, ST_Neighborhood, and pixels as geometries (ST_PixelAs*).
-- Signatures, defaults, volatility and strictness are PostGIS 3.3's.

CREATE TYPE @extschema@.geomval AS (geom geometry, val double precision);
COMMENT ON TYPE @extschema@.geomval IS
  'A geometry with a value, as ST_SetValues burns into a raster and ST_DumpAsPolygons returns';

-- ST_Value ---------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.st_value(rast @extschema@.raster, band integer, x integer,
    y integer, exclude_nodata_value boolean DEFAULT true) RETURNS double precision
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import pixels
return pixels.value(rast, band, x, y, exclude_nodata_value)
$$;
COMMENT ON FUNCTION @extschema@.st_value(@extschema@.raster, integer, integer, integer, boolean) IS
  'Value of the pixel at 1-based column x, row y of a band; NULL (with a NOTICE) off the raster';

CREATE FUNCTION @extschema@.st_value(rast @extschema@.raster, x integer, y integer,
    exclude_nodata_value boolean DEFAULT true) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_value(rast, 1, x, y, exclude_nodata_value);
COMMENT ON FUNCTION @extschema@.st_value(@extschema@.raster, integer, integer, boolean) IS
  'Value of the pixel at 1-based column x, row y of band 1';

CREATE FUNCTION @extschema@.st_value(rast @extschema@.raster, band integer, pt geometry,
    exclude_nodata_value boolean DEFAULT true, resample text DEFAULT 'nearest')
    RETURNS double precision
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import pixels
return pixels.value_at_point(rast, band, pt, exclude_nodata_value, resample)
$$;
COMMENT ON FUNCTION @extschema@.st_value(@extschema@.raster, integer, geometry, boolean, text) IS
  'Value of a band at a point (same SRID), resampled nearest or bilinear';

CREATE FUNCTION @extschema@.st_value(rast @extschema@.raster, pt geometry,
    exclude_nodata_value boolean DEFAULT true) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_value(rast, 1, pt, exclude_nodata_value, 'nearest'::text);
COMMENT ON FUNCTION @extschema@.st_value(@extschema@.raster, geometry, boolean) IS
  'Value of band 1 at a point (same SRID)';

-- ST_SetValue / ST_SetValues ---------------------------------------------------------------

CREATE FUNCTION @extschema@.st_setvalue(rast @extschema@.raster, band integer, x integer,
    y integer, newvalue double precision) RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import pixels
return pixels.set_value(rast, band, x, y, newvalue)
$$;
COMMENT ON FUNCTION @extschema@.st_setvalue(@extschema@.raster, integer, integer, integer, double precision) IS
  'Raster with one pixel of a band set (NULL sets nodata), the value converted to the pixel type';

CREATE FUNCTION @extschema@.st_setvalue(rast @extschema@.raster, x integer, y integer,
    newvalue double precision) RETURNS @extschema@.raster
LANGUAGE sql VOLATILE PARALLEL UNSAFE
RETURN @extschema@.st_setvalue(rast, 1, x, y, newvalue);
COMMENT ON FUNCTION @extschema@.st_setvalue(@extschema@.raster, integer, integer, double precision) IS
  'Raster with one pixel of band 1 set (volatile, as in PostGIS)';

CREATE FUNCTION @extschema@._st_setvalues(rast @extschema@.raster, nband integer, x integer,
    y integer, newvalueset double precision[], noset boolean[] DEFAULT NULL::boolean[],
    hasnosetvalue boolean DEFAULT false, nosetvalue double precision DEFAULT NULL::double precision,
    keepnodata boolean DEFAULT false) RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import pixels
return pixels.set_values(rast, nband, x, y, newvalueset, noset, hasnosetvalue, nosetvalue, keepnodata)
$$;
COMMENT ON FUNCTION @extschema@._st_setvalues(@extschema@.raster, integer, integer, integer, double precision[], boolean[], boolean, double precision, boolean) IS
  'Internal: the work of the array forms of ST_SetValues';

CREATE FUNCTION @extschema@.st_setvalues(rast @extschema@.raster, nband integer, x integer,
    y integer, newvalueset double precision[], noset boolean[] DEFAULT NULL::boolean[],
    keepnodata boolean DEFAULT false) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._st_setvalues(rast, nband, x, y, newvalueset, noset, false,
                                 NULL::double precision, keepnodata);
COMMENT ON FUNCTION @extschema@.st_setvalues(@extschema@.raster, integer, integer, integer, double precision[], boolean[], boolean) IS
  'Raster with a 1-D or 2-D array of values written from 1-based (x, y), skipping noset pixels';

CREATE FUNCTION @extschema@.st_setvalues(rast @extschema@.raster, nband integer, x integer,
    y integer, newvalueset double precision[], nosetvalue double precision,
    keepnodata boolean DEFAULT false) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._st_setvalues(rast, nband, x, y, newvalueset, NULL::boolean[], true,
                                 nosetvalue, keepnodata);
COMMENT ON FUNCTION @extschema@.st_setvalues(@extschema@.raster, integer, integer, integer, double precision[], double precision, boolean) IS
  'Raster with a 1-D or 2-D array of values written from 1-based (x, y), skipping nosetvalue';

CREATE FUNCTION @extschema@.st_setvalues(rast @extschema@.raster, nband integer, x integer,
    y integer, width integer, height integer, newvalue double precision,
    keepnodata boolean DEFAULT false) RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import pixels
return pixels.set_values_rect(rast, nband, x, y, width, height, newvalue, keepnodata)
$$;
COMMENT ON FUNCTION @extschema@.st_setvalues(@extschema@.raster, integer, integer, integer, integer, integer, double precision, boolean) IS
  'Raster with a width x height block of pixels from 1-based (x, y) set to one value';

CREATE FUNCTION @extschema@.st_setvalues(rast @extschema@.raster, x integer, y integer,
    width integer, height integer, newvalue double precision,
    keepnodata boolean DEFAULT false) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_setvalues(rast, 1, x, y, width, height, newvalue, keepnodata);
COMMENT ON FUNCTION @extschema@.st_setvalues(@extschema@.raster, integer, integer, integer, integer, double precision, boolean) IS
  'Raster with a width x height block of band 1 from 1-based (x, y) set to one value';

CREATE FUNCTION @extschema@.st_setvalues(rast @extschema@.raster, nband integer,
    geomvalset @extschema@.geomval[], keepnodata boolean DEFAULT false)
    RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import pixels
return pixels.set_values_geomval(rast, nband, geomvalset, keepnodata)
$$;
COMMENT ON FUNCTION @extschema@.st_setvalues(@extschema@.raster, integer, @extschema@.geomval[], boolean) IS
  'Raster with each geometry''s value burnt into the pixels it covers (points and polygons)';

CREATE FUNCTION @extschema@.st_setvalue(rast @extschema@.raster, nband integer, geom geometry,
    newvalue double precision) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_setvalues(rast, nband,
    ARRAY[ROW(geom, newvalue)]::@extschema@.geomval[], false);
COMMENT ON FUNCTION @extschema@.st_setvalue(@extschema@.raster, integer, geometry, double precision) IS
  'Raster with a value burnt into the pixels a geometry covers';

CREATE FUNCTION @extschema@.st_setvalue(rast @extschema@.raster, geom geometry,
    newvalue double precision) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_setvalues(rast, 1,
    ARRAY[ROW(geom, newvalue)]::@extschema@.geomval[], false);
COMMENT ON FUNCTION @extschema@.st_setvalue(@extschema@.raster, geometry, double precision) IS
  'Raster with a value burnt into the pixels of band 1 a geometry covers';

-- ST_DumpValues ----------------------------------------------------------------------------

-- The values travel as array text: SQL's cast reads it many times faster than PL/Python
-- converts nested lists (and without a Python object per pixel), and the text is built
-- row by row with interrupt checks.
CREATE FUNCTION @extschema@._plraster_dumpvalues(rast @extschema@.raster, nband integer[],
    exclude_nodata_value boolean) RETURNS TABLE(nband integer, valtext text)
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE ROWS 1000 AS $$
from plraster.sqlapi import pixels
return pixels.dump_values_text(rast, nband, exclude_nodata_value)
$$;
COMMENT ON FUNCTION @extschema@._plraster_dumpvalues(@extschema@.raster, integer[], boolean) IS
  'Internal: the work of ST_DumpValues, each band as the text of a 2-D array';

CREATE FUNCTION @extschema@.st_dumpvalues(rast @extschema@.raster,
    nband integer[] DEFAULT NULL::integer[], exclude_nodata_value boolean DEFAULT true)
    RETURNS TABLE(nband integer, valarray double precision[])
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT d.nband, d.valtext::double precision[]
    FROM @extschema@._plraster_dumpvalues(rast, nband, exclude_nodata_value) AS d;
END;
COMMENT ON FUNCTION @extschema@.st_dumpvalues(@extschema@.raster, integer[], boolean) IS
  'Each band asked for (all by default) as a 2-D array of values, nodata as NULL';

CREATE FUNCTION @extschema@.st_dumpvalues(rast @extschema@.raster, nband integer,
    exclude_nodata_value boolean DEFAULT true) RETURNS double precision[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (SELECT d.valarray
        FROM @extschema@.st_dumpvalues(rast, ARRAY[nband], exclude_nodata_value) AS d);
COMMENT ON FUNCTION @extschema@.st_dumpvalues(@extschema@.raster, integer, boolean) IS
  'One band as a 2-D array of values, nodata as NULL';

-- ST_PixelOfValue --------------------------------------------------------------------------

CREATE FUNCTION @extschema@.st_pixelofvalue(rast @extschema@.raster, nband integer,
    search double precision[], exclude_nodata_value boolean DEFAULT true)
    RETURNS TABLE(val double precision, x integer, y integer)
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE ROWS 1000 AS $$
from plraster.sqlapi import pixels
return pixels.pixel_of_value(rast, nband, search, exclude_nodata_value)
$$;
COMMENT ON FUNCTION @extschema@.st_pixelofvalue(@extschema@.raster, integer, double precision[], boolean) IS
  'The 1-based columns and rows of the pixels holding any of the values searched for';

CREATE FUNCTION @extschema@.st_pixelofvalue(rast @extschema@.raster,
    search double precision[], exclude_nodata_value boolean DEFAULT true)
    RETURNS TABLE(val double precision, x integer, y integer)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT p.val, p.x, p.y FROM @extschema@.st_pixelofvalue(rast, 1, search, exclude_nodata_value) AS p;
END;
COMMENT ON FUNCTION @extschema@.st_pixelofvalue(@extschema@.raster, double precision[], boolean) IS
  'The 1-based columns and rows of the pixels of band 1 holding any of the values';

CREATE FUNCTION @extschema@.st_pixelofvalue(rast @extschema@.raster, nband integer,
    search double precision, exclude_nodata_value boolean DEFAULT true)
    RETURNS TABLE(x integer, y integer)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT p.x, p.y FROM @extschema@.st_pixelofvalue(rast, nband, ARRAY[search], exclude_nodata_value) AS p;
END;
COMMENT ON FUNCTION @extschema@.st_pixelofvalue(@extschema@.raster, integer, double precision, boolean) IS
  'The 1-based columns and rows of the pixels holding a value';

CREATE FUNCTION @extschema@.st_pixelofvalue(rast @extschema@.raster, search double precision,
    exclude_nodata_value boolean DEFAULT true) RETURNS TABLE(x integer, y integer)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT p.x, p.y FROM @extschema@.st_pixelofvalue(rast, 1, ARRAY[search], exclude_nodata_value) AS p;
END;
COMMENT ON FUNCTION @extschema@.st_pixelofvalue(@extschema@.raster, double precision, boolean) IS
  'The 1-based columns and rows of the pixels of band 1 holding a value';

-- ST_NearestValue --------------------------------------------------------------------------

CREATE FUNCTION @extschema@.st_nearestvalue(rast @extschema@.raster, band integer,
    pt geometry, exclude_nodata_value boolean DEFAULT true) RETURNS double precision
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import pixels
return pixels.nearest_value(rast, band, pt, exclude_nodata_value)
$$;
COMMENT ON FUNCTION @extschema@.st_nearestvalue(@extschema@.raster, integer, geometry, boolean) IS
  'Value of the pixel at a point, or of the nearest pixel with a value';

CREATE FUNCTION @extschema@.st_nearestvalue(rast @extschema@.raster, pt geometry,
    exclude_nodata_value boolean DEFAULT true) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_nearestvalue(rast, 1, pt, exclude_nodata_value);
COMMENT ON FUNCTION @extschema@.st_nearestvalue(@extschema@.raster, geometry, boolean) IS
  'Value of band 1 at a point, or of the nearest pixel with a value';

CREATE FUNCTION @extschema@.st_nearestvalue(rast @extschema@.raster, band integer,
    columnx integer, rowy integer, exclude_nodata_value boolean DEFAULT true)
    RETURNS double precision
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import pixels
return pixels.nearest_value_at(rast, band, columnx, rowy, exclude_nodata_value)
$$;
COMMENT ON FUNCTION @extschema@.st_nearestvalue(@extschema@.raster, integer, integer, integer, boolean) IS
  'Value of a pixel, or of the pixel with a value nearest its upper-left corner';

CREATE FUNCTION @extschema@.st_nearestvalue(rast @extschema@.raster, columnx integer,
    rowy integer, exclude_nodata_value boolean DEFAULT true) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_nearestvalue(rast, 1, columnx, rowy, exclude_nodata_value);
COMMENT ON FUNCTION @extschema@.st_nearestvalue(@extschema@.raster, integer, integer, boolean) IS
  'Value of a pixel of band 1, or of the nearest pixel with a value';

-- ST_Neighborhood --------------------------------------------------------------------------

CREATE FUNCTION @extschema@._st_neighborhood(rast @extschema@.raster, band integer,
    columnx integer, rowy integer, distancex integer, distancey integer,
    exclude_nodata_value boolean DEFAULT true) RETURNS double precision[]
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import pixels
return pixels.neighborhood(rast, band, columnx, rowy, distancex, distancey, exclude_nodata_value)
$$;
COMMENT ON FUNCTION @extschema@._st_neighborhood(@extschema@.raster, integer, integer, integer, integer, integer, boolean) IS
  'Internal: the work of ST_Neighborhood';

CREATE FUNCTION @extschema@.st_neighborhood(rast @extschema@.raster, band integer,
    columnx integer, rowy integer, distancex integer, distancey integer,
    exclude_nodata_value boolean DEFAULT true) RETURNS double precision[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_neighborhood(rast, band, columnx, rowy, distancex, distancey,
                                    exclude_nodata_value);
COMMENT ON FUNCTION @extschema@.st_neighborhood(@extschema@.raster, integer, integer, integer, integer, integer, boolean) IS
  'The 2-D array of values within distancex columns and distancey rows of a pixel';

CREATE FUNCTION @extschema@.st_neighborhood(rast @extschema@.raster, columnx integer,
    rowy integer, distancex integer, distancey integer,
    exclude_nodata_value boolean DEFAULT true) RETURNS double precision[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_neighborhood(rast, 1, columnx, rowy, distancex, distancey,
                                    exclude_nodata_value);
COMMENT ON FUNCTION @extschema@.st_neighborhood(@extschema@.raster, integer, integer, integer, integer, boolean) IS
  'The 2-D array of values of band 1 around a pixel';

CREATE FUNCTION @extschema@.st_neighborhood(rast @extschema@.raster, band integer,
    pt geometry, distancex integer, distancey integer,
    exclude_nodata_value boolean DEFAULT true) RETURNS double precision[]
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import pixels
return pixels.neighborhood_at_point(rast, band, pt, distancex, distancey, exclude_nodata_value)
$$;
COMMENT ON FUNCTION @extschema@.st_neighborhood(@extschema@.raster, integer, geometry, integer, integer, boolean) IS
  'The 2-D array of values around the pixel holding a point';

CREATE FUNCTION @extschema@.st_neighborhood(rast @extschema@.raster, pt geometry,
    distancex integer, distancey integer, exclude_nodata_value boolean DEFAULT true)
    RETURNS double precision[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_neighborhood(rast, 1, pt, distancex, distancey, exclude_nodata_value);
COMMENT ON FUNCTION @extschema@.st_neighborhood(@extschema@.raster, geometry, integer, integer, boolean) IS
  'The 2-D array of values of band 1 around the pixel holding a point';

-- Pixels as geometries ---------------------------------------------------------------------

-- ST_PixelAsPoints, ST_PixelAsCentroids and ST_PixelAsPolygons unnest what
-- _plraster_pixelas makes with numpy, up to 65,536 pixels a row: the EWKB of every pixel in
-- one bytea and the values as array text (a row per pixel made in Python cost about 12 us,
-- and arrays returned by PL/Python convert each element through its text form).
CREATE FUNCTION @extschema@._plraster_pixelas(rast @extschema@.raster, band integer,
    exclude_nodata_value boolean, kind text)
    RETURNS TABLE(geoms bytea, size integer, vals text, width integer, row0 integer)
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE ROWS 4 AS $$
from plraster.sqlapi import pixels
return pixels.pixel_chunks(rast, band, exclude_nodata_value, kind)
$$;
COMMENT ON FUNCTION @extschema@._plraster_pixelas(@extschema@.raster, integer, boolean, text) IS
  'Internal: the work of ST_PixelAsPoints, ST_PixelAsCentroids and ST_PixelAsPolygons, chunks of whole raster rows as the EWKB of every pixel in one bytea (size bytes each) and the values as double precision[] text (NULL: nodata excluded)';

CREATE FUNCTION @extschema@.st_pixelaspolygons(rast @extschema@.raster, band integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true)
    RETURNS TABLE(geom geometry, val double precision, x integer, y integer)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT CAST(substring(c.geoms FROM CAST((u.n - 1) * c.size + 1 AS integer) FOR c.size) AS geometry),
         u.v, CAST((u.n - 1) % c.width + 1 AS integer), CAST(c.row0 + (u.n - 1) / c.width + 1 AS integer)
    FROM @extschema@._plraster_pixelas(rast, band, exclude_nodata_value, 'polygons'::text) AS c,
         unnest(CAST(c.vals AS double precision[])) WITH ORDINALITY AS u(v, n)
   WHERE u.v IS NOT NULL;
END;
COMMENT ON FUNCTION @extschema@.st_pixelaspolygons(@extschema@.raster, integer, boolean) IS
  'Every pixel of a band as a polygon with its value and 1-based column and row';

CREATE FUNCTION @extschema@.st_pixelaspolygon(rast @extschema@.raster, x integer, y integer)
    RETURNS geometry
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import pixels
return pixels.pixel_as_polygon(rast, x, y)
$$;
COMMENT ON FUNCTION @extschema@.st_pixelaspolygon(@extschema@.raster, integer, integer) IS
  'The polygon of the pixel at 1-based column x, row y';

CREATE FUNCTION @extschema@.st_pixelaspoints(rast @extschema@.raster, band integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true)
    RETURNS TABLE(geom geometry, val double precision, x integer, y integer)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT CAST(substring(c.geoms FROM CAST((u.n - 1) * c.size + 1 AS integer) FOR c.size) AS geometry),
         u.v, CAST((u.n - 1) % c.width + 1 AS integer), CAST(c.row0 + (u.n - 1) / c.width + 1 AS integer)
    FROM @extschema@._plraster_pixelas(rast, band, exclude_nodata_value, 'points'::text) AS c,
         unnest(CAST(c.vals AS double precision[])) WITH ORDINALITY AS u(v, n)
   WHERE u.v IS NOT NULL;
END;
COMMENT ON FUNCTION @extschema@.st_pixelaspoints(@extschema@.raster, integer, boolean) IS
  'Every pixel of a band as its upper-left corner point with its value, column and row';

CREATE FUNCTION @extschema@.st_pixelaspoint(rast @extschema@.raster, x integer, y integer)
    RETURNS geometry
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import pixels
return pixels.pixel_as_point(rast, x, y)
$$;
COMMENT ON FUNCTION @extschema@.st_pixelaspoint(@extschema@.raster, integer, integer) IS
  'The upper-left corner of the pixel at 1-based column x, row y';

CREATE FUNCTION @extschema@.st_pixelascentroids(rast @extschema@.raster, band integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true)
    RETURNS TABLE(geom geometry, val double precision, x integer, y integer)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT CAST(substring(c.geoms FROM CAST((u.n - 1) * c.size + 1 AS integer) FOR c.size) AS geometry),
         u.v, CAST((u.n - 1) % c.width + 1 AS integer), CAST(c.row0 + (u.n - 1) / c.width + 1 AS integer)
    FROM @extschema@._plraster_pixelas(rast, band, exclude_nodata_value, 'centroids'::text) AS c,
         unnest(CAST(c.vals AS double precision[])) WITH ORDINALITY AS u(v, n)
   WHERE u.v IS NOT NULL;
END;
COMMENT ON FUNCTION @extschema@.st_pixelascentroids(@extschema@.raster, integer, boolean) IS
  'Every pixel of a band as its centre point with its value, column and row';

CREATE FUNCTION @extschema@.st_pixelascentroid(rast @extschema@.raster, x integer, y integer)
    RETURNS geometry
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import pixels
return pixels.pixel_as_centroid(rast, x, y)
$$;
COMMENT ON FUNCTION @extschema@.st_pixelascentroid(@extschema@.raster, integer, integer) IS
  'The centre of the pixel at 1-based column x, row y';
