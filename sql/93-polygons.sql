-- Raster -> vector (ST_DumpAsPolygons, ST_Polygon, the raster/geometry ST_Intersection
-- forms) and the accessors ST_GeoTransform and ST_Rotation, with PostGIS 3.3's signatures.
-- Polygons are GDAL's GDALFPolygonize on an in-memory copy of the band, as in PostGIS
-- (python/plraster/functions/polygons.py); ST_Polygon unions them with PostGIS's ST_Union.

CREATE FUNCTION @extschema@.st_dumpaspolygons(rast @extschema@.raster, band integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true)
    RETURNS SETOF @extschema@.geomval
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE ROWS 1000 AS $$
from plraster.sqlapi import polygons
return polygons.dump_as_polygons(rast, band, exclude_nodata_value)
$$;
COMMENT ON FUNCTION @extschema@.st_dumpaspolygons(@extschema@.raster, integer, boolean) IS
  'args: rast, band_num=1, exclude_nodata_value=TRUE - Returns a set of geomval (geom,val) rows, from a given raster band. If no band number is specified, band num defaults to 1.';

CREATE FUNCTION @extschema@._plraster_polygon_parts(rast @extschema@.raster, band integer)
    RETURNS geometry[]
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import polygons
return polygons.polygon_parts(rast, band)
$$;
COMMENT ON FUNCTION @extschema@._plraster_polygon_parts(@extschema@.raster, integer) IS
  'args: rast, band - ST_Polygon''s answer for a band without nodata value as element 1, or NULL and the polygons of the band''s data pixels that ST_Polygon unions; NULL with PostGIS''s NOTICE when there are none.';

CREATE FUNCTION @extschema@.st_polygon(rast @extschema@.raster, band integer DEFAULT 1)
    RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (SELECT COALESCE(p[1], st_multi(st_union(p[2:])))
        FROM @extschema@._plraster_polygon_parts(rast, band) AS p);
COMMENT ON FUNCTION @extschema@.st_polygon(@extschema@.raster, integer) IS
  'args: rast, band_num=1 - Returns a multipolygon geometry formed by the union of pixels that have a pixel value that is not no data value. If no band number is specified, band num defaults to 1.';

-- ST_Intersection(geometry, raster): PostGIS's PL/pgSQL steps as one SQL statement.
CREATE FUNCTION @extschema@._plraster_require_same_srid(geometry_srid integer, raster_srid integer)
    RETURNS boolean
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import polygons
return polygons.require_same_srid(geometry_srid, raster_srid)
$$;
COMMENT ON FUNCTION @extschema@._plraster_require_same_srid(integer, integer) IS
  'args: geometry_srid, raster_srid - True, or PostGIS''s error when the SRIDs of a geometry and a raster differ.';

CREATE FUNCTION @extschema@.st_intersection(geomin geometry, rast @extschema@.raster,
    band integer DEFAULT 1)
    RETURNS SETOF @extschema@.geomval
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  WITH t AS MATERIALIZED (
    SELECT CASE WHEN @extschema@._plraster_require_same_srid(st_srid(geomin), @extschema@.st_srid(rast))
                THEN COALESCE(@extschema@.st_intersects(geomin, rast, band), false) END AS hit)
  SELECT p.geom, p.val
  FROM t CROSS JOIN LATERAL (
    SELECT st_intersection((gv).geom, geomin) AS geom, (gv).val AS val
    FROM @extschema@.st_dumpaspolygons(CASE WHEN t.hit THEN rast END, band) AS gv
    WHERE t.hit AND st_intersects((gv).geom, geomin)
    UNION ALL
    SELECT st_geomcollfromtext('GEOMETRYCOLLECTION EMPTY', st_srid(geomin)), NULL::double precision
    WHERE NOT t.hit) AS p
  WHERE NOT t.hit OR NOT st_isempty(p.geom);
END;
COMMENT ON FUNCTION @extschema@.st_intersection(geometry, @extschema@.raster, integer) IS
  'args: geom, rast, band_num=1 - Returns a raster or a set of geometry-pixelvalue pairs representing the shared portion of two rasters or the geometrical intersection of a vectorization of the raster and a geometry.';

CREATE FUNCTION @extschema@.st_intersection(rast @extschema@.raster, band integer, geomin geometry)
    RETURNS SETOF @extschema@.geomval
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT * FROM @extschema@.st_intersection(geomin, rast, band);
END;
COMMENT ON FUNCTION @extschema@.st_intersection(@extschema@.raster, integer, geometry) IS
  'args: rast, band, geomin - Returns a raster or a set of geometry-pixelvalue pairs representing the shared portion of two rasters or the geometrical intersection of a vectorization of the raster and a geometry.';

CREATE FUNCTION @extschema@.st_intersection(rast @extschema@.raster, geomin geometry)
    RETURNS SETOF @extschema@.geomval
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT * FROM @extschema@.st_intersection(geomin, rast, 1);
END;
COMMENT ON FUNCTION @extschema@.st_intersection(@extschema@.raster, geometry) IS
  'args: rast, geom - Returns a raster or a set of geometry-pixelvalue pairs representing the shared portion of two rasters or the geometrical intersection of a vectorization of the raster and a geometry.';

-- Accessors -----------------------------------------------------------------------------------

CREATE FUNCTION @extschema@._plraster_geotransform(header bytea, OUT imag double precision,
    OUT jmag double precision, OUT theta_i double precision, OUT theta_ij double precision,
    OUT xoffset double precision, OUT yoffset double precision)
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.geotransform(header)
$$;
COMMENT ON FUNCTION @extschema@._plraster_geotransform(bytea) IS
  'args: header - ST_GeoTransform of a raster header.';

CREATE FUNCTION @extschema@.st_geotransform(@extschema@.raster, OUT imag double precision,
    OUT jmag double precision, OUT theta_i double precision, OUT theta_ij double precision,
    OUT xoffset double precision, OUT yoffset double precision)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plraster_geotransform(substring($1 FROM 1 FOR 61));
COMMENT ON FUNCTION @extschema@.st_geotransform(@extschema@.raster) IS
  'args: rast - The pixel size, rotation and skew angles and upper-left corner of a raster.';

CREATE FUNCTION @extschema@.st_rotation(@extschema@.raster) RETURNS double precision
LANGUAGE sql VOLATILE
RETURN (@extschema@.st_geotransform($1)).theta_i;
COMMENT ON FUNCTION @extschema@.st_rotation(@extschema@.raster) IS
  'args: rast - Returns the rotation of the raster in radian.';

-- ST_SetZ / ST_SetM ------------------------------------------------------------------------

CREATE FUNCTION @extschema@._plraster_setzm(rast @extschema@.raster, geom_wkb bytea,
    geom_srid integer, resample text, band integer, dimension text) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import polygons
return polygons.set_vertex_values(rast, geom_wkb, geom_srid, resample, band, dimension)
$$;
COMMENT ON FUNCTION @extschema@._plraster_setzm(@extschema@.raster, bytea, integer, text, integer, text) IS
  'args: rast, geom_wkb, geom_srid, resample, band, dimension - ISO WKB of a geometry with a band''s values at its vertices as Z or M.';

CREATE FUNCTION @extschema@.st_setz(rast @extschema@.raster, geom geometry,
    resample text DEFAULT 'nearest', band integer DEFAULT 1) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN st_geomfromwkb(@extschema@._plraster_setzm(rast, st_asbinary(geom), st_srid(geom), resample, band, 'Z'),
                      st_srid(geom));
COMMENT ON FUNCTION @extschema@.st_setz(@extschema@.raster, geometry, text, integer) IS
  'args: rast, geom, resample=nearest, band=1 - Returns a geometry with the same X/Y coordinates as the input geometry, and values from the raster copied into the Z dimension using the requested resample algorithm.';

CREATE FUNCTION @extschema@.st_setm(rast @extschema@.raster, geom geometry,
    resample text DEFAULT 'nearest', band integer DEFAULT 1) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN st_geomfromwkb(@extschema@._plraster_setzm(rast, st_asbinary(geom), st_srid(geom), resample, band, 'M'),
                      st_srid(geom));
COMMENT ON FUNCTION @extschema@.st_setm(@extschema@.raster, geometry, text, integer) IS
  'args: rast, geom, resample=nearest, band=1 - Returns a geometry with the same X/Y coordinates as the input geometry, and values from the raster copied into the Z dimension using the requested resample algorithm.';

-- ST_Contour ---------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.st_contour(rast @extschema@.raster, bandnumber integer DEFAULT 1,
    level_interval double precision DEFAULT 100.0, level_base double precision DEFAULT 0.0,
    fixed_levels double precision[] DEFAULT ARRAY[]::double precision[],
    polygonize boolean DEFAULT false)
    RETURNS TABLE(geom geometry, id integer, value double precision)
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE ROWS 1000 AS $$
from plraster.sqlapi import polygons
return polygons.contour(rast, bandnumber, level_interval, level_base, fixed_levels, polygonize)
$$;
COMMENT ON FUNCTION @extschema@.st_contour(@extschema@.raster, integer, double precision, double precision, double precision[], boolean) IS
  'args: rast, bandnumber, level_interval, level_base, fixed_levels, polygonize - Generates a set of vector contours from the provided raster band, using the GDAL contouring algorithm.';
