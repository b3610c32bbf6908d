-- Raster accessors: header fields, georeference, sizes, summaries, footprints and
-- pixel <-> world coordinates, with PostGIS 3.3's signatures and behaviour.
--
-- Header fields: an inlinable SQL function passes a 61-byte slice (one fetch, so a TOASTed
-- tile is not fetched whole) to a small PL/pgSQL decoder. Measured on 10,000 out-of-line
-- 64x64 tiles, this is one TOAST fetch per call where get_byte expressions cost one per
-- byte read, and PL/pgSQL decodes a field faster than a PL/Python call.

CREATE FUNCTION @extschema@._plraster_header_u64(header bytea, pos integer) RETURNS bigint
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  IF pg_catalog.get_byte(header, 0) OPERATOR(pg_catalog.=) 1 THEN  -- little-endian (NDR)
    RETURN pg_catalog.get_byte(header, pos)::bigint
      OPERATOR(pg_catalog.|) (pg_catalog.get_byte(header, pos OPERATOR(pg_catalog.+) 1)::bigint OPERATOR(pg_catalog.<<) 8)
      OPERATOR(pg_catalog.|) (pg_catalog.get_byte(header, pos OPERATOR(pg_catalog.+) 2)::bigint OPERATOR(pg_catalog.<<) 16)
      OPERATOR(pg_catalog.|) (pg_catalog.get_byte(header, pos OPERATOR(pg_catalog.+) 3)::bigint OPERATOR(pg_catalog.<<) 24)
      OPERATOR(pg_catalog.|) (pg_catalog.get_byte(header, pos OPERATOR(pg_catalog.+) 4)::bigint OPERATOR(pg_catalog.<<) 32)
      OPERATOR(pg_catalog.|) (pg_catalog.get_byte(header, pos OPERATOR(pg_catalog.+) 5)::bigint OPERATOR(pg_catalog.<<) 40)
      OPERATOR(pg_catalog.|) (pg_catalog.get_byte(header, pos OPERATOR(pg_catalog.+) 6)::bigint OPERATOR(pg_catalog.<<) 48)
      OPERATOR(pg_catalog.|) (pg_catalog.get_byte(header, pos OPERATOR(pg_catalog.+) 7)::bigint OPERATOR(pg_catalog.<<) 56);
  END IF;
  RETURN ('x' OPERATOR(pg_catalog.||) pg_catalog.encode(pg_catalog.substring(header, pos OPERATOR(pg_catalog.+) 1, 8), 'hex'))::bit(64)::bigint;
END $$;
COMMENT ON FUNCTION @extschema@._plraster_header_u64(bytea, integer) IS
  'args: header, pos - The 8 bytes at pos of a raster header as a bigint, in the header''s byte order.';

CREATE FUNCTION @extschema@._plraster_header_u16(header bytea, pos integer) RETURNS integer
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  IF pg_catalog.get_byte(header, 0) OPERATOR(pg_catalog.=) 1 THEN
    RETURN pg_catalog.get_byte(header, pos)
      OPERATOR(pg_catalog.|) (pg_catalog.get_byte(header, pos OPERATOR(pg_catalog.+) 1) OPERATOR(pg_catalog.<<) 8);
  END IF;
  RETURN (pg_catalog.get_byte(header, pos) OPERATOR(pg_catalog.<<) 8)
    OPERATOR(pg_catalog.|) pg_catalog.get_byte(header, pos OPERATOR(pg_catalog.+) 1);
END $$;
COMMENT ON FUNCTION @extschema@._plraster_header_u16(bytea, integer) IS
  'args: header, pos - The unsigned 16-bit field at pos of a raster header.';

-- The SRID as PostGIS keeps it: 0 for negative values, values above 999999 folded into
-- PostGIS's reserved range.
CREATE FUNCTION @extschema@._plraster_header_srid(header bytea) RETURNS integer
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  srid integer;
BEGIN
  IF pg_catalog.get_byte(header, 0) OPERATOR(pg_catalog.=) 1 THEN
    srid := pg_catalog.get_byte(header, 53)
      OPERATOR(pg_catalog.|) (pg_catalog.get_byte(header, 54) OPERATOR(pg_catalog.<<) 8)
      OPERATOR(pg_catalog.|) (pg_catalog.get_byte(header, 55) OPERATOR(pg_catalog.<<) 16)
      OPERATOR(pg_catalog.|) (pg_catalog.get_byte(header, 56) OPERATOR(pg_catalog.<<) 24);
  ELSE
    srid := (pg_catalog.get_byte(header, 53) OPERATOR(pg_catalog.<<) 24)
      OPERATOR(pg_catalog.|) (pg_catalog.get_byte(header, 54) OPERATOR(pg_catalog.<<) 16)
      OPERATOR(pg_catalog.|) (pg_catalog.get_byte(header, 55) OPERATOR(pg_catalog.<<) 8)
      OPERATOR(pg_catalog.|) pg_catalog.get_byte(header, 56);
  END IF;
  IF srid OPERATOR(pg_catalog.<=) 0 THEN
    RETURN 0;
  ELSIF srid OPERATOR(pg_catalog.>) 999999 THEN
    RETURN 999000 OPERATOR(pg_catalog.+) (srid OPERATOR(pg_catalog.%) 999);
  END IF;
  RETURN srid;
END $$;
COMMENT ON FUNCTION @extschema@._plraster_header_srid(bytea) IS
  'args: header - The SRID of a raster header, as PostGIS keeps it.';

-- IEEE 754 binary64 from its bits: exact for every value (subnormals, signed zero,
-- infinities); NaN payloads are not kept.
CREATE FUNCTION @extschema@._plraster_header_f64(header bytea, pos integer)
RETURNS double precision
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  bits bigint := @extschema@._plraster_header_u64(header, pos);
  e integer := ((bits OPERATOR(pg_catalog.>>) 52) OPERATOR(pg_catalog.&) 2047)::integer;
  m bigint := bits OPERATOR(pg_catalog.&) 4503599627370495;
  v double precision;
BEGIN
  IF e OPERATOR(pg_catalog.=) 2047 THEN
    IF m OPERATOR(pg_catalog.<>) 0 THEN RETURN 'NaN'; END IF;
    v := 'Infinity';
  ELSIF e OPERATOR(pg_catalog.=) 0 THEN
    v := m::double precision OPERATOR(pg_catalog.*) 4.9406564584124654e-324::double precision;
  ELSE
    v := (m OPERATOR(pg_catalog.+) 4503599627370496)::double precision
      OPERATOR(pg_catalog.*) (2::double precision OPERATOR(pg_catalog.^) (e OPERATOR(pg_catalog.-) 1075)::double precision);
  END IF;
  IF bits OPERATOR(pg_catalog.<) 0 THEN RETURN OPERATOR(pg_catalog.-) v; END IF;
  RETURN v;
END $$;
COMMENT ON FUNCTION @extschema@._plraster_header_f64(bytea, integer) IS
  'args: header, pos - The double at pos of a raster header.';

CREATE FUNCTION @extschema@.st_width(@extschema@.raster) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plraster_header_u16(substring($1 FROM 1 FOR 61), 57);
COMMENT ON FUNCTION @extschema@.st_width(@extschema@.raster) IS
  'args: rast - Returns the width of the raster in pixels.';

CREATE FUNCTION @extschema@.st_height(@extschema@.raster) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plraster_header_u16(substring($1 FROM 1 FOR 61), 59);
COMMENT ON FUNCTION @extschema@.st_height(@extschema@.raster) IS
  'args: rast - Returns the height of the raster in pixels.';

CREATE FUNCTION @extschema@.st_numbands(@extschema@.raster) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plraster_header_u16(substring($1 FROM 1 FOR 61), 3);
COMMENT ON FUNCTION @extschema@.st_numbands(@extschema@.raster) IS
  'args: rast - Returns the number of bands in the raster object.';

CREATE FUNCTION @extschema@.st_srid(@extschema@.raster) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plraster_header_srid(substring($1 FROM 1 FOR 61));
COMMENT ON FUNCTION @extschema@.st_srid(@extschema@.raster) IS
  'args: rast - Returns the spatial reference identifier of the raster as defined in spatial_ref_sys table.';

CREATE FUNCTION @extschema@.st_scalex(@extschema@.raster) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plraster_header_f64(substring($1 FROM 1 FOR 61), 5);
COMMENT ON FUNCTION @extschema@.st_scalex(@extschema@.raster) IS
  'args: rast - Returns the X component of the pixel width in units of coordinate reference system.';

CREATE FUNCTION @extschema@.st_scaley(@extschema@.raster) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plraster_header_f64(substring($1 FROM 1 FOR 61), 13);
COMMENT ON FUNCTION @extschema@.st_scaley(@extschema@.raster) IS
  'args: rast - Returns the Y component of the pixel height in units of coordinate reference system.';

CREATE FUNCTION @extschema@.st_upperleftx(@extschema@.raster) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plraster_header_f64(substring($1 FROM 1 FOR 61), 21);
COMMENT ON FUNCTION @extschema@.st_upperleftx(@extschema@.raster) IS
  'args: rast - Returns the upper left X coordinate of raster in projected spatial ref.';

CREATE FUNCTION @extschema@.st_upperlefty(@extschema@.raster) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plraster_header_f64(substring($1 FROM 1 FOR 61), 29);
COMMENT ON FUNCTION @extschema@.st_upperlefty(@extschema@.raster) IS
  'args: rast - Returns the upper left Y coordinate of raster in projected spatial ref.';

CREATE FUNCTION @extschema@.st_skewx(@extschema@.raster) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plraster_header_f64(substring($1 FROM 1 FOR 61), 37);
COMMENT ON FUNCTION @extschema@.st_skewx(@extschema@.raster) IS
  'args: rast - Returns the georeference X skew (or rotation parameter).';

CREATE FUNCTION @extschema@.st_skewy(@extschema@.raster) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plraster_header_f64(substring($1 FROM 1 FOR 61), 45);
COMMENT ON FUNCTION @extschema@.st_skewy(@extschema@.raster) IS
  'args: rast - Returns the georeference Y skew (or rotation parameter).';

CREATE FUNCTION @extschema@._plraster_pixelwidth(header bytea) RETURNS double precision
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.pixel_width(header)
$$;
COMMENT ON FUNCTION @extschema@._plraster_pixelwidth(bytea) IS
  'args: header - ST_PixelWidth of a raster header.';

CREATE FUNCTION @extschema@.st_pixelwidth(@extschema@.raster) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plraster_pixelwidth(substring($1 FROM 1 FOR 61));
COMMENT ON FUNCTION @extschema@.st_pixelwidth(@extschema@.raster) IS
  'args: rast - Returns the pixel width in geometric units of the spatial reference system.';

CREATE FUNCTION @extschema@._plraster_pixelheight(header bytea) RETURNS double precision
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.pixel_height(header)
$$;
COMMENT ON FUNCTION @extschema@._plraster_pixelheight(bytea) IS
  'args: header - ST_PixelHeight of a raster header.';

CREATE FUNCTION @extschema@.st_pixelheight(@extschema@.raster) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plraster_pixelheight(substring($1 FROM 1 FOR 61));
COMMENT ON FUNCTION @extschema@.st_pixelheight(@extschema@.raster) IS
  'args: rast - Returns the pixel height in geometric units of the spatial reference system.';

-- ST_MetaData passes only the header slice to Python (one TOAST fetch, no tile copy,
-- which matters for large tiles). Most of its time is PL/Python converting the 10-field
-- record; a PL/pgSQL decoder was measured slower (13 us against 10 us a call).
CREATE FUNCTION @extschema@._plraster_metadata(header bytea,
    OUT upperleftx double precision, OUT upperlefty double precision,
    OUT width integer, OUT height integer,
    OUT scalex double precision, OUT scaley double precision,
    OUT skewx double precision, OUT skewy double precision,
    OUT srid integer, OUT numbands integer)
RETURNS record
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.metadata(header)
$$;
COMMENT ON FUNCTION @extschema@._plraster_metadata(bytea) IS
  'args: header - ST_MetaData of a raster header.';

CREATE FUNCTION @extschema@.st_metadata(rast @extschema@.raster,
    OUT upperleftx double precision, OUT upperlefty double precision,
    OUT width integer, OUT height integer,
    OUT scalex double precision, OUT scaley double precision,
    OUT skewx double precision, OUT skewy double precision,
    OUT srid integer, OUT numbands integer)
RETURNS record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plraster_metadata(substring(rast FROM 1 FOR 61));
COMMENT ON FUNCTION @extschema@.st_metadata(@extschema@.raster) IS
  'args: rast - Returns basic meta data about a raster object such as pixel size, rotation (skew), upper, lower left, etc.';

CREATE FUNCTION @extschema@._plraster_georeference(header bytea, format text) RETURNS text
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.georeference(header, format)
$$;
COMMENT ON FUNCTION @extschema@._plraster_georeference(bytea, text) IS
  'args: header, format - ST_GeoReference of a raster header.';

CREATE FUNCTION @extschema@.st_georeference(rast @extschema@.raster, format text DEFAULT 'GDAL')
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plraster_georeference(substring(rast FROM 1 FOR 61), format);
COMMENT ON FUNCTION @extschema@.st_georeference(@extschema@.raster, text) IS
  'args: rast, format=GDAL - Returns the georeference meta data in GDAL or ESRI format as commonly seen in a world file. Default is GDAL.';

-- A u16 is zero when both its bytes are, whatever the byte order.
CREATE FUNCTION @extschema@.st_isempty(rast @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (get_byte(substring(rast FROM 58 FOR 4), 0) | get_byte(substring(rast FROM 58 FOR 4), 1))
     * (get_byte(substring(rast FROM 58 FOR 4), 2) | get_byte(substring(rast FROM 58 FOR 4), 3)) = 0;
COMMENT ON FUNCTION @extschema@.st_isempty(@extschema@.raster) IS
  'args: rast - Returns true if the raster is empty (width = 0 and height = 0). Otherwise, returns false.';

-- No OR (it would keep the strict function from being inlined): nband is a band number
-- when min(nband, numbands - nband + 1) >= 1.
CREATE FUNCTION @extschema@.st_hasnoband(rast @extschema@.raster, nband integer DEFAULT 1)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN int8smaller(nband, @extschema@.st_numbands(rast)::bigint - nband + 1) < 1;
COMMENT ON FUNCTION @extschema@.st_hasnoband(@extschema@.raster, integer) IS
  'args: rast, bandnum=1 - Returns true if there is no band with given band number. If no band number is specified, then band number 1 is assumed.';

CREATE FUNCTION @extschema@.st_memsize(@extschema@.raster) RETURNS integer
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.memsize(args[0])
$$;
COMMENT ON FUNCTION @extschema@.st_memsize(@extschema@.raster) IS
  'args: rast - Returns the amount of space (in bytes) the raster takes.';

CREATE FUNCTION @extschema@.st_summary(rast @extschema@.raster) RETURNS text
LANGUAGE plpython3u STABLE STRICT PARALLEL UNSAFE AS $$
from plraster.sqlapi import accessors
return accessors.summary(rast)
$$;
COMMENT ON FUNCTION @extschema@.st_summary(@extschema@.raster) IS
  'args: rast - Returns a text summary of the contents of the raster.';

-- Footprints.

CREATE FUNCTION @extschema@._plraster_convexhull(header bytea) RETURNS geometry
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.convex_hull(header)
$$;
COMMENT ON FUNCTION @extschema@._plraster_convexhull(bytea) IS
  'args: header - ST_ConvexHull of a raster header.';

CREATE FUNCTION @extschema@.st_convexhull(@extschema@.raster) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plraster_convexhull(substring($1 FROM 1 FOR 61));
COMMENT ON FUNCTION @extschema@.st_convexhull(@extschema@.raster) IS
  'args: rast - Return the convex hull geometry of the raster including pixel values equal to BandNoDataValue. For regular shaped and non-skewed rasters, this gives the same result as ST_Envelope so only useful for irregularly shaped or skewed rasters.';

CREATE FUNCTION @extschema@.geometry(rast @extschema@.raster) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plraster_convexhull(substring(rast FROM 1 FOR 61));
COMMENT ON FUNCTION @extschema@.geometry(@extschema@.raster) IS
  'args: rast - The raster''s convex hull: the same as rast::geometry.';

CREATE FUNCTION @extschema@._plraster_envelope(header bytea) RETURNS geometry
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.envelope(header)
$$;
COMMENT ON FUNCTION @extschema@._plraster_envelope(bytea) IS
  'args: header - ST_Envelope of a raster header.';

CREATE FUNCTION @extschema@.st_envelope(@extschema@.raster) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plraster_envelope(substring($1 FROM 1 FOR 61));
COMMENT ON FUNCTION @extschema@.st_envelope(@extschema@.raster) IS
  'args: rast - Returns the polygon representation of the extent of the raster.';

CREATE FUNCTION @extschema@.st_minconvexhull(rast @extschema@.raster, nband integer DEFAULT NULL)
RETURNS geometry
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.min_convex_hull(rast, nband)
$$;
COMMENT ON FUNCTION @extschema@.st_minconvexhull(@extschema@.raster, integer) IS
  'args: rast, nband=NULL - Return the convex hull geometry of the raster excluding NODATA pixels.';

CREATE FUNCTION @extschema@.box3d(@extschema@.raster) RETURNS box3d
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN box3d(@extschema@._plraster_convexhull(substring($1 FROM 1 FOR 61)));
COMMENT ON FUNCTION @extschema@.box3d(@extschema@.raster) IS
  'args: rast - The box3d representation of the enclosing box of the raster (what PostGIS''s rast::box3d cast gives).';

-- The casts PostGIS has from raster: to geometry (the convex hull, on which raster2pgsql -I
-- builds its GiST index) and to box3d, assignment casts as in PostGIS. A cast from a domain
-- is looked up on its base type, so the cast functions take plraster_wkb.

CREATE FUNCTION @extschema@._plraster_wkb_geometry(@extschema@.plraster_wkb) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plraster_convexhull(substring($1 FROM 1 FOR 61));
COMMENT ON FUNCTION @extschema@._plraster_wkb_geometry(@extschema@.plraster_wkb) IS
  'args: rast - The raster::geometry cast: the convex hull of the raster.';
CREATE CAST (@extschema@.plraster_wkb AS geometry)
  WITH FUNCTION @extschema@._plraster_wkb_geometry(@extschema@.plraster_wkb) AS ASSIGNMENT;

CREATE FUNCTION @extschema@._plraster_wkb_box3d(@extschema@.plraster_wkb) RETURNS box3d
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN box3d(@extschema@._plraster_convexhull(substring($1 FROM 1 FOR 61)));
COMMENT ON FUNCTION @extschema@._plraster_wkb_box3d(@extschema@.plraster_wkb) IS
  'args: rast - The raster::box3d cast: the enclosing box of the raster.';
CREATE CAST (@extschema@.plraster_wkb AS box3d)
  WITH FUNCTION @extschema@._plraster_wkb_box3d(@extschema@.plraster_wkb) AS ASSIGNMENT;

-- Pixel <-> world coordinates. The internal functions take NULL for a coordinate that a
-- one-coordinate form leaves out, as PostGIS's do.

CREATE FUNCTION @extschema@._plraster_rastertoworldcoord(header bytea, columnx integer,
    rowy integer, OUT longitude double precision, OUT latitude double precision)
RETURNS record
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.raster_to_world(header, columnx, rowy)
$$;
COMMENT ON FUNCTION @extschema@._plraster_rastertoworldcoord(bytea, integer, integer) IS
  'args: header, columnx, rowy - World coordinates of a 1-based pixel corner of a raster header.';

CREATE FUNCTION @extschema@._st_rastertoworldcoord(rast @extschema@.raster,
    columnx integer DEFAULT NULL, rowy integer DEFAULT NULL,
    OUT longitude double precision, OUT latitude double precision)
RETURNS record
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT c.longitude, c.latitude
  FROM @extschema@._plraster_rastertoworldcoord(substring(rast FROM 1 FOR 61), columnx, rowy) AS c;
END;
COMMENT ON FUNCTION @extschema@._st_rastertoworldcoord(@extschema@.raster, integer, integer) IS
  'args: rast, columnx=NULL, rowy=NULL - World coordinates of the upper-left corner of a pixel.';

CREATE FUNCTION @extschema@.st_rastertoworldcoord(rast @extschema@.raster, columnx integer,
    rowy integer, OUT longitude double precision, OUT latitude double precision)
RETURNS record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT c.longitude, c.latitude
  FROM @extschema@._plraster_rastertoworldcoord(substring(rast FROM 1 FOR 61), columnx, rowy) AS c;
END;
COMMENT ON FUNCTION @extschema@.st_rastertoworldcoord(@extschema@.raster, integer, integer) IS
  'args: rast, xcolumn, yrow - Returns the rasters upper left corner as geometric X and Y (longitude and latitude) given a column and row. Column and row starts at 1.';

CREATE FUNCTION @extschema@.st_rastertoworldcoordx(rast @extschema@.raster, xr integer, yr integer)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (@extschema@._plraster_rastertoworldcoord(substring(rast FROM 1 FOR 61), xr, yr)).longitude;
COMMENT ON FUNCTION @extschema@.st_rastertoworldcoordx(@extschema@.raster, integer, integer) IS
  'args: rast, xcolumn, yrow - Returns the geometric X coordinate upper left of a raster, column and row. Numbering of columns and rows starts at 1.';

CREATE FUNCTION @extschema@.st_rastertoworldcoordx(rast @extschema@.raster, xr integer)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (@extschema@._plraster_rastertoworldcoord(substring(rast FROM 1 FOR 61), xr, NULL)).longitude;
COMMENT ON FUNCTION @extschema@.st_rastertoworldcoordx(@extschema@.raster, integer) IS
  'args: rast, xcolumn - Returns the geometric X coordinate upper left of a raster, column and row. Numbering of columns and rows starts at 1.';

CREATE FUNCTION @extschema@.st_rastertoworldcoordy(rast @extschema@.raster, xr integer, yr integer)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (@extschema@._plraster_rastertoworldcoord(substring(rast FROM 1 FOR 61), xr, yr)).latitude;
COMMENT ON FUNCTION @extschema@.st_rastertoworldcoordy(@extschema@.raster, integer, integer) IS
  'args: rast, xcolumn, yrow - Returns the geometric Y coordinate upper left corner of a raster, column and row. Numbering of columns and rows starts at 1.';

CREATE FUNCTION @extschema@.st_rastertoworldcoordy(rast @extschema@.raster, yr integer)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (@extschema@._plraster_rastertoworldcoord(substring(rast FROM 1 FOR 61), NULL, yr)).latitude;
COMMENT ON FUNCTION @extschema@.st_rastertoworldcoordy(@extschema@.raster, integer) IS
  'args: rast, yrow - Returns the geometric Y coordinate upper left corner of a raster, column and row. Numbering of columns and rows starts at 1.';

CREATE FUNCTION @extschema@._plraster_worldtorastercoord(header bytea,
    longitude double precision, latitude double precision,
    OUT columnx integer, OUT rowy integer)
RETURNS record
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.world_to_raster(header, longitude, latitude)
$$;
COMMENT ON FUNCTION @extschema@._plraster_worldtorastercoord(bytea, double precision, double precision) IS
  'args: header, longitude, latitude - 1-based pixel column and row of a world point for a raster header.';

CREATE FUNCTION @extschema@._st_worldtorastercoord(rast @extschema@.raster,
    longitude double precision DEFAULT NULL, latitude double precision DEFAULT NULL,
    OUT columnx integer, OUT rowy integer)
RETURNS record
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT c.columnx, c.rowy
  FROM @extschema@._plraster_worldtorastercoord(substring(rast FROM 1 FOR 61), longitude, latitude) AS c;
END;
COMMENT ON FUNCTION @extschema@._st_worldtorastercoord(@extschema@.raster, double precision, double precision) IS
  'args: rast, longitude=NULL, latitude=NULL - 1-based pixel column and row of a world point.';

CREATE FUNCTION @extschema@.st_worldtorastercoord(rast @extschema@.raster,
    longitude double precision, latitude double precision,
    OUT columnx integer, OUT rowy integer)
RETURNS record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT c.columnx, c.rowy
  FROM @extschema@._plraster_worldtorastercoord(substring(rast FROM 1 FOR 61), longitude, latitude) AS c;
END;
COMMENT ON FUNCTION @extschema@.st_worldtorastercoord(@extschema@.raster, double precision, double precision) IS
  'args: rast, longitude, latitude - Returns the upper left corner as column and row given geometric X and Y (longitude and latitude) or a point geometry expressed in the spatial reference coordinate system of the raster.';

CREATE FUNCTION @extschema@._plraster_worldtorastercoord_point(header bytea, pt geometry,
    OUT columnx integer, OUT rowy integer)
RETURNS record
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.world_to_raster_point(header, pt)
$$;
COMMENT ON FUNCTION @extschema@._plraster_worldtorastercoord_point(bytea, geometry) IS
  'args: header, pt - 1-based pixel column and row of a point geometry for a raster header.';

CREATE FUNCTION @extschema@.st_worldtorastercoord(rast @extschema@.raster, pt geometry,
    OUT columnx integer, OUT rowy integer)
RETURNS record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT c.columnx, c.rowy
  FROM @extschema@._plraster_worldtorastercoord_point(substring(rast FROM 1 FOR 61), pt) AS c;
END;
COMMENT ON FUNCTION @extschema@.st_worldtorastercoord(@extschema@.raster, geometry) IS
  'args: rast, pt - Returns the upper left corner as column and row given geometric X and Y (longitude and latitude) or a point geometry expressed in the spatial reference coordinate system of the raster.';

CREATE FUNCTION @extschema@.st_worldtorastercoordx(rast @extschema@.raster,
    xw double precision, yw double precision)
RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (@extschema@._plraster_worldtorastercoord(substring(rast FROM 1 FOR 61), xw, yw)).columnx;
COMMENT ON FUNCTION @extschema@.st_worldtorastercoordx(@extschema@.raster, double precision, double precision) IS
  'args: rast, xw, yw - Returns the column in the raster of the point geometry (pt) or a X and Y world coordinate (xw, yw) represented in world spatial reference system of raster.';

CREATE FUNCTION @extschema@.st_worldtorastercoordx(rast @extschema@.raster, xw double precision)
RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (@extschema@._plraster_worldtorastercoord(substring(rast FROM 1 FOR 61), xw, NULL)).columnx;
COMMENT ON FUNCTION @extschema@.st_worldtorastercoordx(@extschema@.raster, double precision) IS
  'args: rast, xw - Returns the column in the raster of the point geometry (pt) or a X and Y world coordinate (xw, yw) represented in world spatial reference system of raster.';

CREATE FUNCTION @extschema@.st_worldtorastercoordx(rast @extschema@.raster, pt geometry)
RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (@extschema@._plraster_worldtorastercoord_point(substring(rast FROM 1 FOR 61), pt)).columnx;
COMMENT ON FUNCTION @extschema@.st_worldtorastercoordx(@extschema@.raster, geometry) IS
  'args: rast, pt - Returns the column in the raster of the point geometry (pt) or a X and Y world coordinate (xw, yw) represented in world spatial reference system of raster.';

CREATE FUNCTION @extschema@.st_worldtorastercoordy(rast @extschema@.raster,
    xw double precision, yw double precision)
RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (@extschema@._plraster_worldtorastercoord(substring(rast FROM 1 FOR 61), xw, yw)).rowy;
COMMENT ON FUNCTION @extschema@.st_worldtorastercoordy(@extschema@.raster, double precision, double precision) IS
  'args: rast, xw, yw - Returns the row in the raster of the point geometry (pt) or a X and Y world coordinate (xw, yw) represented in world spatial reference system of raster.';

CREATE FUNCTION @extschema@.st_worldtorastercoordy(rast @extschema@.raster, yw double precision)
RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (@extschema@._plraster_worldtorastercoord(substring(rast FROM 1 FOR 61), NULL, yw)).rowy;
COMMENT ON FUNCTION @extschema@.st_worldtorastercoordy(@extschema@.raster, double precision) IS
  'args: rast, yw - Returns the row in the raster of the point geometry (pt) or a X and Y world coordinate (xw, yw) represented in world spatial reference system of raster.';

CREATE FUNCTION @extschema@.st_worldtorastercoordy(rast @extschema@.raster, pt geometry)
RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (@extschema@._plraster_worldtorastercoord_point(substring(rast FROM 1 FOR 61), pt)).rowy;
COMMENT ON FUNCTION @extschema@.st_worldtorastercoordy(@extschema@.raster, geometry) IS
  'args: rast, pt - Returns the row in the raster of the point geometry (pt) or a X and Y world coordinate (xw, yw) represented in world spatial reference system of raster.';
