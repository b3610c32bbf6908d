-- plraster 0.1.0: generated from sql/*.sql by tools/sqlgen.py; do not edit
\echo Use "CREATE EXTENSION plraster" to load this file. \quit

-- from sql/00-types.sql
-- The raster type: PostGIS raster WKB in a domain over a bytea-like base type.
--
-- The check reads only the first three bytes (a slice, so a TOASTed tile is not
-- fetched whole) and leaves the clear error, with its hint, to the library.

CREATE FUNCTION @extschema@._plraster_reject_wkb(wkb bytea) RETURNS boolean
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import types
return types.reject_wkb(wkb)
$$;

CREATE FUNCTION @extschema@._plraster_check_wkb(wkb bytea) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN substring(wkb FROM 1 FOR 3) IN ('\x010000'::bytea, '\x000000'::bytea)
                 AND length(wkb) >= 61
            THEN true
            ELSE @extschema@._plraster_reject_wkb(wkb) END;

-- The storage type under the domain: bytea's representation with bytea's own I/O functions
-- (LANGUAGE internal: PostgreSQL's built-ins, no C of ours). It exists because PostgreSQL
-- ignores casts from a domain and looks them up on the domain's base type: over bytea
-- itself, rast::geometry would reach PostGIS's implicit bytea-to-geometry cast, which reads
-- EWKB, and every bytea argument would also be a candidate geometry. Over this type,
-- rast::geometry, rast::box3d and rast::bytea are plraster's casts (see 20-accessors.sql).
-- PL/Python passes only bytea as bytes, so tools/sqlgen.py installs each PL/Python function
-- on rasters as a bytea implementation behind an inlined SQL wrapper.
CREATE TYPE @extschema@.plraster_wkb;

CREATE FUNCTION @extschema@.plraster_wkb_in(cstring) RETURNS @extschema@.plraster_wkb
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'byteain';
COMMENT ON FUNCTION @extschema@.plraster_wkb_in(cstring) IS 'bytea''s text input';
CREATE FUNCTION @extschema@.plraster_wkb_out(@extschema@.plraster_wkb) RETURNS cstring
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'byteaout';
COMMENT ON FUNCTION @extschema@.plraster_wkb_out(@extschema@.plraster_wkb) IS 'bytea''s text output';
CREATE FUNCTION @extschema@.plraster_wkb_recv(internal) RETURNS @extschema@.plraster_wkb
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'bytearecv';
COMMENT ON FUNCTION @extschema@.plraster_wkb_recv(internal) IS 'bytea''s binary input';
CREATE FUNCTION @extschema@.plraster_wkb_send(@extschema@.plraster_wkb) RETURNS bytea
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'byteasend';
COMMENT ON FUNCTION @extschema@.plraster_wkb_send(@extschema@.plraster_wkb) IS 'bytea''s binary output';

CREATE TYPE @extschema@.plraster_wkb (
  INPUT = @extschema@.plraster_wkb_in, OUTPUT = @extschema@.plraster_wkb_out,
  RECEIVE = @extschema@.plraster_wkb_recv, SEND = @extschema@.plraster_wkb_send,
  LIKE = bytea);
COMMENT ON TYPE @extschema@.plraster_wkb IS
  'the bytes of a raster, stored as bytea is; the base type of the raster domain';

-- Both ways implicit and free (the same representation): a raster goes wherever bytea goes
-- (substring, length, encode), and bytea wherever a raster goes, through the domain check.
CREATE CAST (bytea AS @extschema@.plraster_wkb) WITHOUT FUNCTION AS IMPLICIT;
CREATE CAST (@extschema@.plraster_wkb AS bytea) WITHOUT FUNCTION AS IMPLICIT;

CREATE DOMAIN @extschema@.raster AS @extschema@.plraster_wkb
  CONSTRAINT raster_wkb CHECK (@extschema@._plraster_check_wkb(VALUE));
COMMENT ON DOMAIN @extschema@.raster IS
  'PostGIS raster WKB (version 0, either byte order); plraster writes little-endian';

CREATE FUNCTION @extschema@.plraster_version() RETURNS text
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import types
return types.version()
$$;
COMMENT ON FUNCTION @extschema@.plraster_version() IS
  'plraster version of the Python package the server runs';


-- from sql/10-io.sql
-- Raster WKB in and out: ST_RastFromWKB, ST_RastFromHexWKB, ST_AsBinary, ST_AsWKB,
-- ST_AsHexWKB and bytea(raster). Casts between raster and bytea are binary (00-types.sql):
-- bytea -> raster runs the domain's check.

CREATE FUNCTION @extschema@._plpy_st_aswkb(bytea, outasin boolean) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import wkbio
return wkbio.as_binary(args[0], outasin)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_aswkb(bytea, boolean) IS
  'PL/Python body of st_aswkb, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_aswkb(@extschema@.raster, outasin boolean DEFAULT false) RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_aswkb($1, outasin);
COMMENT ON FUNCTION @extschema@.st_aswkb(@extschema@.raster, boolean) IS
  'args: rast, outasin=false - Return the Well-Known Binary (WKB) representation of the raster.';

CREATE FUNCTION @extschema@.st_asbinary(@extschema@.raster, outasin boolean DEFAULT false)
RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_aswkb($1, outasin);
COMMENT ON FUNCTION @extschema@.st_asbinary(@extschema@.raster, boolean) IS
  'args: rast, outasin=false - Return the Well-Known Binary (WKB) representation of the raster.';

CREATE FUNCTION @extschema@._plpy_st_ashexwkb(bytea, outasin boolean) RETURNS text
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import wkbio
return wkbio.as_hex(args[0], outasin)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_ashexwkb(bytea, boolean) IS
  'PL/Python body of st_ashexwkb, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_ashexwkb(@extschema@.raster, outasin boolean DEFAULT false) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_ashexwkb($1, outasin);
COMMENT ON FUNCTION @extschema@.st_ashexwkb(@extschema@.raster, boolean) IS
  'args: rast, outasin=false - Return the Well-Known Binary (WKB) in Hex representation of the raster.';

CREATE FUNCTION @extschema@.bytea(@extschema@.raster) RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_aswkb($1, false);
COMMENT ON FUNCTION @extschema@.bytea(@extschema@.raster) IS
  'args: rast - The raster as PostGIS writes its WKB (what PostGIS''s raster::bytea cast gives).';

CREATE FUNCTION @extschema@._plpy_st_rastfromwkb(bytea) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import wkbio
return wkbio.from_wkb(args[0])
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_rastfromwkb(bytea) IS
  'PL/Python body of st_rastfromwkb, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_rastfromwkb(bytea) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_rastfromwkb($1)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_rastfromwkb(bytea) IS
  'args: wkb - Return a raster value from a Well-Known Binary (WKB) raster.';

CREATE FUNCTION @extschema@._plpy_st_rastfromhexwkb(text) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import wkbio
return wkbio.from_hex(args[0])
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_rastfromhexwkb(text) IS
  'PL/Python body of st_rastfromhexwkb, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_rastfromhexwkb(text) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_rastfromhexwkb($1)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_rastfromhexwkb(text) IS
  'args: wkb - Return a raster value from a Hex representation of Well-Known Binary (WKB) raster.';


-- from sql/20-accessors.sql
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
  IF get_byte(header, 0) = 1 THEN  -- little-endian (NDR)
    RETURN get_byte(header, pos)::bigint | (get_byte(header, pos + 1)::bigint << 8)
         | (get_byte(header, pos + 2)::bigint << 16) | (get_byte(header, pos + 3)::bigint << 24)
         | (get_byte(header, pos + 4)::bigint << 32) | (get_byte(header, pos + 5)::bigint << 40)
         | (get_byte(header, pos + 6)::bigint << 48) | (get_byte(header, pos + 7)::bigint << 56);
  END IF;
  RETURN ('x' || encode(substring(header FROM pos + 1 FOR 8), 'hex'))::bit(64)::bigint;
END $$;
COMMENT ON FUNCTION @extschema@._plraster_header_u64(bytea, integer) IS
  'args: header, pos - The 8 bytes at pos of a raster header as a bigint, in the header''s byte order.';

CREATE FUNCTION @extschema@._plraster_header_u16(header bytea, pos integer) RETURNS integer
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  IF get_byte(header, 0) = 1 THEN
    RETURN get_byte(header, pos) | (get_byte(header, pos + 1) << 8);
  END IF;
  RETURN (get_byte(header, pos) << 8) | get_byte(header, pos + 1);
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
  IF get_byte(header, 0) = 1 THEN
    srid := get_byte(header, 53) | (get_byte(header, 54) << 8) | (get_byte(header, 55) << 16)
          | (get_byte(header, 56) << 24);
  ELSE
    srid := (get_byte(header, 53) << 24) | (get_byte(header, 54) << 16)
          | (get_byte(header, 55) << 8) | get_byte(header, 56);
  END IF;
  IF srid <= 0 THEN
    RETURN 0;
  ELSIF srid > 999999 THEN
    RETURN 999000 + srid % 999;
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
  e integer := ((bits >> 52) & 2047)::integer;
  m bigint := bits & 4503599627370495;
  v double precision;
BEGIN
  IF e = 2047 THEN
    IF m <> 0 THEN RETURN 'NaN'; END IF;
    v := 'Infinity';
  ELSIF e = 0 THEN
    v := m::double precision * 4.9406564584124654e-324;
  ELSE
    v := (m + 4503599627370496)::double precision * 2::double precision ^ (e - 1075);
  END IF;
  IF bits < 0 THEN RETURN -v; END IF;
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

CREATE FUNCTION @extschema@._plpy_st_memsize(bytea) RETURNS integer
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.memsize(args[0])
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_memsize(bytea) IS
  'PL/Python body of st_memsize, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_memsize(@extschema@.raster) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_memsize($1);
COMMENT ON FUNCTION @extschema@.st_memsize(@extschema@.raster) IS
  'args: rast - Returns the amount of space (in bytes) the raster takes.';

CREATE FUNCTION @extschema@._plpy_st_summary(rast bytea) RETURNS text
LANGUAGE plpython3u STABLE STRICT PARALLEL UNSAFE AS $$
from plraster.sqlapi import accessors
return accessors.summary(rast)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_summary(bytea) IS
  'PL/Python body of st_summary, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_summary(rast @extschema@.raster) RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL UNSAFE
RETURN @extschema@._plpy_st_summary(rast);
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

CREATE FUNCTION @extschema@._plpy_st_minconvexhull(rast bytea, nband integer) RETURNS geometry
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.min_convex_hull(rast, nband)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_minconvexhull(bytea, integer) IS
  'PL/Python body of st_minconvexhull, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_minconvexhull(rast @extschema@.raster, nband integer DEFAULT NULL) RETURNS geometry
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_minconvexhull(rast, nband);
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


-- from sql/30-bands.sql
-- Band accessors: ST_BandMetaData, ST_BandPixelType, ST_BandNoDataValue, ST_BandIsNoData,
-- ST_BandPath, ST_BandFileSize, ST_BandFileTimestamp and ST_MinPossibleValue, with
-- PostGIS 3.3's signatures, NOTICEs and NULLs. Out-db bands report their path, 1-based
-- band number, and the size and modification time of their file (stat for local files;
-- Content-Length and Last-Modified learnt by the out-db engine for remote objects), read
-- only under an out-db source (see sql/70-outdb.sql).

CREATE FUNCTION @extschema@._plpy_st_bandmetadata(rast bytea, band integer[]) RETURNS TABLE(bandnum integer, pixeltype text, nodatavalue double precision, isoutdb boolean, path text, outdbbandnum integer, filesize bigint, filetimestamp bigint)
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.band_metadata(rast, band)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_bandmetadata(bytea, integer[]) IS
  'PL/Python body of st_bandmetadata, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_bandmetadata(rast @extschema@.raster, band integer[]) RETURNS TABLE(bandnum integer, pixeltype text, nodatavalue double precision, isoutdb boolean, path text, outdbbandnum integer, filesize bigint, filetimestamp bigint)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT * FROM @extschema@._plpy_st_bandmetadata(rast, band);
END;
COMMENT ON FUNCTION @extschema@.st_bandmetadata(@extschema@.raster, integer[]) IS
  'args: rast, band - Returns basic meta data for a specific raster band. band num 1 is assumed if none-specified.';

CREATE FUNCTION @extschema@._plpy_st_bandmetadata(rast bytea, band integer) RETURNS TABLE(pixeltype text, nodatavalue double precision, isoutdb boolean, path text, outdbbandnum integer, filesize bigint, filetimestamp bigint)
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.band_metadata_one(rast, band)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_bandmetadata(bytea, integer) IS
  'PL/Python body of st_bandmetadata, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_bandmetadata(rast @extschema@.raster, band integer DEFAULT 1) RETURNS TABLE(pixeltype text, nodatavalue double precision, isoutdb boolean, path text, outdbbandnum integer, filesize bigint, filetimestamp bigint)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT * FROM @extschema@._plpy_st_bandmetadata(rast, band);
END;
COMMENT ON FUNCTION @extschema@.st_bandmetadata(@extschema@.raster, integer) IS
  'args: rast, band=1 - Returns basic meta data for a specific raster band. band num 1 is assumed if none-specified.';

CREATE FUNCTION @extschema@._plpy_st_bandpixeltype(rast bytea, band integer) RETURNS text
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.band_pixel_type(rast, band)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_bandpixeltype(bytea, integer) IS
  'PL/Python body of st_bandpixeltype, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_bandpixeltype(rast @extschema@.raster, band integer DEFAULT 1) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_bandpixeltype(rast, band);
COMMENT ON FUNCTION @extschema@.st_bandpixeltype(@extschema@.raster, integer) IS
  'args: rast, bandnum=1 - Returns the type of pixel for given band. If no bandnum specified, 1 is assumed.';

CREATE FUNCTION @extschema@._plpy_st_bandnodatavalue(rast bytea, band integer) RETURNS double precision
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.band_nodata_value(rast, band)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_bandnodatavalue(bytea, integer) IS
  'PL/Python body of st_bandnodatavalue, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_bandnodatavalue(rast @extschema@.raster, band integer DEFAULT 1) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_bandnodatavalue(rast, band);
COMMENT ON FUNCTION @extschema@.st_bandnodatavalue(@extschema@.raster, integer) IS
  'args: rast, bandnum=1 - Returns the value in a given band that represents no data. If no band num 1 is assumed.';

CREATE FUNCTION @extschema@._plpy_st_bandisnodata(rast bytea, band integer, forcechecking boolean) RETURNS boolean
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.band_is_nodata(rast, band, forcechecking)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_bandisnodata(bytea, integer, boolean) IS
  'PL/Python body of st_bandisnodata, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_bandisnodata(rast @extschema@.raster, band integer DEFAULT 1,
    forcechecking boolean DEFAULT false) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_bandisnodata(rast, band, forcechecking);
COMMENT ON FUNCTION @extschema@.st_bandisnodata(@extschema@.raster, integer, boolean) IS
  'args: rast, band, forceChecking=true - Returns true if the band is filled with only nodata values.';

CREATE FUNCTION @extschema@.st_bandisnodata(rast @extschema@.raster, forcechecking boolean)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_bandisnodata(rast, 1, forcechecking);
COMMENT ON FUNCTION @extschema@.st_bandisnodata(@extschema@.raster, boolean) IS
  'args: rast, forceChecking=true - Returns true if the band is filled with only nodata values.';

CREATE FUNCTION @extschema@._plpy_st_bandpath(rast bytea, band integer) RETURNS text
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.band_path(rast, band)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_bandpath(bytea, integer) IS
  'PL/Python body of st_bandpath, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_bandpath(rast @extschema@.raster, band integer DEFAULT 1) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_bandpath(rast, band);
COMMENT ON FUNCTION @extschema@.st_bandpath(@extschema@.raster, integer) IS
  'args: rast, bandnum=1 - Returns system file path to a band stored in file system. If no bandnum specified, 1 is assumed.';

CREATE FUNCTION @extschema@._plpy_st_bandfilesize(rast bytea, band integer) RETURNS bigint
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.band_file_size(rast, band)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_bandfilesize(bytea, integer) IS
  'PL/Python body of st_bandfilesize, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_bandfilesize(rast @extschema@.raster, band integer DEFAULT 1) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_bandfilesize(rast, band);
COMMENT ON FUNCTION @extschema@.st_bandfilesize(@extschema@.raster, integer) IS
  'args: rast, bandnum=1 - Returns the file size of a band stored in file system. If no bandnum specified, 1 is assumed.';

CREATE FUNCTION @extschema@._plpy_st_bandfiletimestamp(rast bytea, band integer) RETURNS bigint
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.band_file_timestamp(rast, band)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_bandfiletimestamp(bytea, integer) IS
  'PL/Python body of st_bandfiletimestamp, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_bandfiletimestamp(rast @extschema@.raster, band integer DEFAULT 1) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_bandfiletimestamp(rast, band);
COMMENT ON FUNCTION @extschema@.st_bandfiletimestamp(@extschema@.raster, integer) IS
  'args: rast, bandnum=1 - Returns the file timestamp of a band stored in file system. If no bandnum specified, 1 is assumed.';

CREATE FUNCTION @extschema@.st_minpossiblevalue(pixeltype text) RETURNS double precision
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import accessors
return accessors.min_possible_value(pixeltype)
$$;
COMMENT ON FUNCTION @extschema@.st_minpossiblevalue(text) IS
  'args: pixeltype - Returns the minimum value this pixeltype can store.';


-- from sql/40-pixels.sql
-- Pixel values in and out: ST_Value, ST_SetValue(s), ST_DumpValues, ST_PixelOfValue,
-- ST_NearestValue, ST_Neighborhood, and pixels as geometries (ST_PixelAs*).
-- Signatures, defaults, volatility and strictness are PostGIS 3.3's.

CREATE TYPE @extschema@.geomval AS (geom geometry, val double precision);
COMMENT ON TYPE @extschema@.geomval IS
  'A geometry with a value, as ST_SetValues burns into a raster and ST_DumpAsPolygons returns';

-- ST_Value ---------------------------------------------------------------------------------

CREATE FUNCTION @extschema@._plpy_st_value(rast bytea, band integer, x integer, y integer, exclude_nodata_value boolean) RETURNS double precision
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import pixels
return pixels.value(rast, band, x, y, exclude_nodata_value)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_value(bytea, integer, integer, integer, boolean) IS
  'PL/Python body of st_value, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_value(rast @extschema@.raster, band integer, x integer,
    y integer, exclude_nodata_value boolean DEFAULT true) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_value(rast, band, x, y, exclude_nodata_value);
COMMENT ON FUNCTION @extschema@.st_value(@extschema@.raster, integer, integer, integer, boolean) IS
  'Value of the pixel at 1-based column x, row y of a band; NULL (with a NOTICE) off the raster';

CREATE FUNCTION @extschema@.st_value(rast @extschema@.raster, x integer, y integer,
    exclude_nodata_value boolean DEFAULT true) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_value(rast, 1, x, y, exclude_nodata_value);
COMMENT ON FUNCTION @extschema@.st_value(@extschema@.raster, integer, integer, boolean) IS
  'Value of the pixel at 1-based column x, row y of band 1';

CREATE FUNCTION @extschema@._plpy_st_value(rast bytea, band integer, pt geometry, exclude_nodata_value boolean, resample text) RETURNS double precision
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import pixels
return pixels.value_at_point(rast, band, pt, exclude_nodata_value, resample)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_value(bytea, integer, geometry, boolean, text) IS
  'PL/Python body of st_value, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_value(rast @extschema@.raster, band integer, pt geometry,
    exclude_nodata_value boolean DEFAULT true, resample text DEFAULT 'nearest') RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_value(rast, band, pt, exclude_nodata_value, resample);
COMMENT ON FUNCTION @extschema@.st_value(@extschema@.raster, integer, geometry, boolean, text) IS
  'Value of a band at a point (same SRID), resampled nearest or bilinear';

CREATE FUNCTION @extschema@.st_value(rast @extschema@.raster, pt geometry,
    exclude_nodata_value boolean DEFAULT true) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_value(rast, 1, pt, exclude_nodata_value, 'nearest'::text);
COMMENT ON FUNCTION @extschema@.st_value(@extschema@.raster, geometry, boolean) IS
  'Value of band 1 at a point (same SRID)';

-- ST_SetValue / ST_SetValues ---------------------------------------------------------------

CREATE FUNCTION @extschema@._plpy_st_setvalue(rast bytea, band integer, x integer, y integer, newvalue double precision) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import pixels
return pixels.set_value(rast, band, x, y, newvalue)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_setvalue(bytea, integer, integer, integer, double precision) IS
  'PL/Python body of st_setvalue, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_setvalue(rast @extschema@.raster, band integer, x integer,
    y integer, newvalue double precision) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_setvalue(rast, band, x, y, newvalue)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_setvalue(@extschema@.raster, integer, integer, integer, double precision) IS
  'Raster with one pixel of a band set (NULL sets nodata), the value converted to the pixel type';

CREATE FUNCTION @extschema@.st_setvalue(rast @extschema@.raster, x integer, y integer,
    newvalue double precision) RETURNS @extschema@.raster
LANGUAGE sql VOLATILE PARALLEL UNSAFE
RETURN @extschema@.st_setvalue(rast, 1, x, y, newvalue);
COMMENT ON FUNCTION @extschema@.st_setvalue(@extschema@.raster, integer, integer, double precision) IS
  'Raster with one pixel of band 1 set (volatile, as in PostGIS)';

CREATE FUNCTION @extschema@._plpy__st_setvalues(rast bytea, nband integer, x integer, y integer, newvalueset double precision[], noset boolean[], hasnosetvalue boolean, nosetvalue double precision, keepnodata boolean) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import pixels
return pixels.set_values(rast, nband, x, y, newvalueset, noset, hasnosetvalue, nosetvalue, keepnodata)
$$;
COMMENT ON FUNCTION @extschema@._plpy__st_setvalues(bytea, integer, integer, integer, double precision[], boolean[], boolean, double precision, boolean) IS
  'PL/Python body of _st_setvalues, on raster bytes as bytea';
CREATE FUNCTION @extschema@._st_setvalues(rast @extschema@.raster, nband integer, x integer,
    y integer, newvalueset double precision[], noset boolean[] DEFAULT NULL::boolean[],
    hasnosetvalue boolean DEFAULT false, nosetvalue double precision DEFAULT NULL::double precision,
    keepnodata boolean DEFAULT false) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy__st_setvalues(rast, nband, x, y, newvalueset, noset, hasnosetvalue, nosetvalue, keepnodata)::@extschema@.raster;
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

CREATE FUNCTION @extschema@._plpy_st_setvalues(rast bytea, nband integer, x integer, y integer, width integer, height integer, newvalue double precision, keepnodata boolean) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import pixels
return pixels.set_values_rect(rast, nband, x, y, width, height, newvalue, keepnodata)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_setvalues(bytea, integer, integer, integer, integer, integer, double precision, boolean) IS
  'PL/Python body of st_setvalues, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_setvalues(rast @extschema@.raster, nband integer, x integer,
    y integer, width integer, height integer, newvalue double precision,
    keepnodata boolean DEFAULT false) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_setvalues(rast, nband, x, y, width, height, newvalue, keepnodata)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_setvalues(@extschema@.raster, integer, integer, integer, integer, integer, double precision, boolean) IS
  'Raster with a width x height block of pixels from 1-based (x, y) set to one value';

CREATE FUNCTION @extschema@.st_setvalues(rast @extschema@.raster, x integer, y integer,
    width integer, height integer, newvalue double precision,
    keepnodata boolean DEFAULT false) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_setvalues(rast, 1, x, y, width, height, newvalue, keepnodata);
COMMENT ON FUNCTION @extschema@.st_setvalues(@extschema@.raster, integer, integer, integer, integer, double precision, boolean) IS
  'Raster with a width x height block of band 1 from 1-based (x, y) set to one value';

CREATE FUNCTION @extschema@._plpy_st_setvalues(rast bytea, nband integer, geomvalset @extschema@.geomval[], keepnodata boolean) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import pixels
return pixels.set_values_geomval(rast, nband, geomvalset, keepnodata)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_setvalues(bytea, integer, @extschema@.geomval[], boolean) IS
  'PL/Python body of st_setvalues, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_setvalues(rast @extschema@.raster, nband integer,
    geomvalset @extschema@.geomval[], keepnodata boolean DEFAULT false) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_setvalues(rast, nband, geomvalset, keepnodata)::@extschema@.raster;
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

CREATE FUNCTION @extschema@._plpy_st_dumpvalues(rast bytea, nband integer[], exclude_nodata_value boolean) RETURNS TABLE(nband integer, valarray double precision[])
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE ROWS 1000 AS $$
from plraster.sqlapi import pixels
return pixels.dump_values(rast, nband, exclude_nodata_value)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_dumpvalues(bytea, integer[], boolean) IS
  'PL/Python body of st_dumpvalues, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_dumpvalues(rast @extschema@.raster,
    nband integer[] DEFAULT NULL::integer[], exclude_nodata_value boolean DEFAULT true) RETURNS TABLE(nband integer, valarray double precision[])
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT * FROM @extschema@._plpy_st_dumpvalues(rast, nband, exclude_nodata_value);
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

CREATE FUNCTION @extschema@._plpy_st_pixelofvalue(rast bytea, nband integer, search double precision[], exclude_nodata_value boolean) RETURNS TABLE(val double precision, x integer, y integer)
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE ROWS 1000 AS $$
from plraster.sqlapi import pixels
return pixels.pixel_of_value(rast, nband, search, exclude_nodata_value)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_pixelofvalue(bytea, integer, double precision[], boolean) IS
  'PL/Python body of st_pixelofvalue, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_pixelofvalue(rast @extschema@.raster, nband integer,
    search double precision[], exclude_nodata_value boolean DEFAULT true) RETURNS TABLE(val double precision, x integer, y integer)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT * FROM @extschema@._plpy_st_pixelofvalue(rast, nband, search, exclude_nodata_value);
END;
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

CREATE FUNCTION @extschema@._plpy_st_nearestvalue(rast bytea, band integer, pt geometry, exclude_nodata_value boolean) RETURNS double precision
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import pixels
return pixels.nearest_value(rast, band, pt, exclude_nodata_value)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_nearestvalue(bytea, integer, geometry, boolean) IS
  'PL/Python body of st_nearestvalue, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_nearestvalue(rast @extschema@.raster, band integer,
    pt geometry, exclude_nodata_value boolean DEFAULT true) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_nearestvalue(rast, band, pt, exclude_nodata_value);
COMMENT ON FUNCTION @extschema@.st_nearestvalue(@extschema@.raster, integer, geometry, boolean) IS
  'Value of the pixel at a point, or of the nearest pixel with a value';

CREATE FUNCTION @extschema@.st_nearestvalue(rast @extschema@.raster, pt geometry,
    exclude_nodata_value boolean DEFAULT true) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_nearestvalue(rast, 1, pt, exclude_nodata_value);
COMMENT ON FUNCTION @extschema@.st_nearestvalue(@extschema@.raster, geometry, boolean) IS
  'Value of band 1 at a point, or of the nearest pixel with a value';

CREATE FUNCTION @extschema@._plpy_st_nearestvalue(rast bytea, band integer, columnx integer, rowy integer, exclude_nodata_value boolean) RETURNS double precision
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import pixels
return pixels.nearest_value_at(rast, band, columnx, rowy, exclude_nodata_value)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_nearestvalue(bytea, integer, integer, integer, boolean) IS
  'PL/Python body of st_nearestvalue, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_nearestvalue(rast @extschema@.raster, band integer,
    columnx integer, rowy integer, exclude_nodata_value boolean DEFAULT true) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_nearestvalue(rast, band, columnx, rowy, exclude_nodata_value);
COMMENT ON FUNCTION @extschema@.st_nearestvalue(@extschema@.raster, integer, integer, integer, boolean) IS
  'Value of a pixel, or of the pixel with a value nearest its upper-left corner';

CREATE FUNCTION @extschema@.st_nearestvalue(rast @extschema@.raster, columnx integer,
    rowy integer, exclude_nodata_value boolean DEFAULT true) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_nearestvalue(rast, 1, columnx, rowy, exclude_nodata_value);
COMMENT ON FUNCTION @extschema@.st_nearestvalue(@extschema@.raster, integer, integer, boolean) IS
  'Value of a pixel of band 1, or of the nearest pixel with a value';

-- ST_Neighborhood --------------------------------------------------------------------------

CREATE FUNCTION @extschema@._plpy__st_neighborhood(rast bytea, band integer, columnx integer, rowy integer, distancex integer, distancey integer, exclude_nodata_value boolean) RETURNS double precision[]
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import pixels
return pixels.neighborhood(rast, band, columnx, rowy, distancex, distancey, exclude_nodata_value)
$$;
COMMENT ON FUNCTION @extschema@._plpy__st_neighborhood(bytea, integer, integer, integer, integer, integer, boolean) IS
  'PL/Python body of _st_neighborhood, on raster bytes as bytea';
CREATE FUNCTION @extschema@._st_neighborhood(rast @extschema@.raster, band integer,
    columnx integer, rowy integer, distancex integer, distancey integer,
    exclude_nodata_value boolean DEFAULT true) RETURNS double precision[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy__st_neighborhood(rast, band, columnx, rowy, distancex, distancey, exclude_nodata_value);
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

CREATE FUNCTION @extschema@._plpy_st_neighborhood(rast bytea, band integer, pt geometry, distancex integer, distancey integer, exclude_nodata_value boolean) RETURNS double precision[]
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import pixels
return pixels.neighborhood_at_point(rast, band, pt, distancex, distancey, exclude_nodata_value)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_neighborhood(bytea, integer, geometry, integer, integer, boolean) IS
  'PL/Python body of st_neighborhood, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_neighborhood(rast @extschema@.raster, band integer,
    pt geometry, distancex integer, distancey integer,
    exclude_nodata_value boolean DEFAULT true) RETURNS double precision[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_neighborhood(rast, band, pt, distancex, distancey, exclude_nodata_value);
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

CREATE FUNCTION @extschema@._plpy_st_pixelaspolygons(rast bytea, band integer, exclude_nodata_value boolean) RETURNS TABLE(geom geometry, val double precision, x integer, y integer)
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE ROWS 1000 AS $$
from plraster.sqlapi import pixels
return pixels.pixel_as_polygons(rast, band, exclude_nodata_value)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_pixelaspolygons(bytea, integer, boolean) IS
  'PL/Python body of st_pixelaspolygons, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_pixelaspolygons(rast @extschema@.raster, band integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true) RETURNS TABLE(geom geometry, val double precision, x integer, y integer)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT * FROM @extschema@._plpy_st_pixelaspolygons(rast, band, exclude_nodata_value);
END;
COMMENT ON FUNCTION @extschema@.st_pixelaspolygons(@extschema@.raster, integer, boolean) IS
  'Every pixel of a band as a polygon with its value and 1-based column and row';

CREATE FUNCTION @extschema@._plpy_st_pixelaspolygon(rast bytea, x integer, y integer) RETURNS geometry
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import pixels
return pixels.pixel_as_polygon(rast, x, y)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_pixelaspolygon(bytea, integer, integer) IS
  'PL/Python body of st_pixelaspolygon, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_pixelaspolygon(rast @extschema@.raster, x integer, y integer) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_pixelaspolygon(rast, x, y);
COMMENT ON FUNCTION @extschema@.st_pixelaspolygon(@extschema@.raster, integer, integer) IS
  'The polygon of the pixel at 1-based column x, row y';

CREATE FUNCTION @extschema@._plpy_st_pixelaspoints(rast bytea, band integer, exclude_nodata_value boolean) RETURNS TABLE(geom geometry, val double precision, x integer, y integer)
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE ROWS 1000 AS $$
from plraster.sqlapi import pixels
return pixels.pixel_as_points(rast, band, exclude_nodata_value)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_pixelaspoints(bytea, integer, boolean) IS
  'PL/Python body of st_pixelaspoints, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_pixelaspoints(rast @extschema@.raster, band integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true) RETURNS TABLE(geom geometry, val double precision, x integer, y integer)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT * FROM @extschema@._plpy_st_pixelaspoints(rast, band, exclude_nodata_value);
END;
COMMENT ON FUNCTION @extschema@.st_pixelaspoints(@extschema@.raster, integer, boolean) IS
  'Every pixel of a band as its upper-left corner point with its value, column and row';

CREATE FUNCTION @extschema@._plpy_st_pixelaspoint(rast bytea, x integer, y integer) RETURNS geometry
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import pixels
return pixels.pixel_as_point(rast, x, y)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_pixelaspoint(bytea, integer, integer) IS
  'PL/Python body of st_pixelaspoint, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_pixelaspoint(rast @extschema@.raster, x integer, y integer) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_pixelaspoint(rast, x, y);
COMMENT ON FUNCTION @extschema@.st_pixelaspoint(@extschema@.raster, integer, integer) IS
  'The upper-left corner of the pixel at 1-based column x, row y';

CREATE FUNCTION @extschema@._plpy_st_pixelascentroids(rast bytea, band integer, exclude_nodata_value boolean) RETURNS TABLE(geom geometry, val double precision, x integer, y integer)
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE ROWS 1000 AS $$
from plraster.sqlapi import pixels
return pixels.pixel_as_centroids(rast, band, exclude_nodata_value)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_pixelascentroids(bytea, integer, boolean) IS
  'PL/Python body of st_pixelascentroids, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_pixelascentroids(rast @extschema@.raster, band integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true) RETURNS TABLE(geom geometry, val double precision, x integer, y integer)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT * FROM @extschema@._plpy_st_pixelascentroids(rast, band, exclude_nodata_value);
END;
COMMENT ON FUNCTION @extschema@.st_pixelascentroids(@extschema@.raster, integer, boolean) IS
  'Every pixel of a band as its centre point with its value, column and row';

CREATE FUNCTION @extschema@._plpy_st_pixelascentroid(rast bytea, x integer, y integer) RETURNS geometry
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import pixels
return pixels.pixel_as_centroid(rast, x, y)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_pixelascentroid(bytea, integer, integer) IS
  'PL/Python body of st_pixelascentroid, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_pixelascentroid(rast @extschema@.raster, x integer, y integer) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_pixelascentroid(rast, x, y);
COMMENT ON FUNCTION @extschema@.st_pixelascentroid(@extschema@.raster, integer, integer) IS
  'The centre of the pixel at 1-based column x, row y';


-- from sql/50-constructors.sql
-- Raster constructors: ST_MakeEmptyRaster, ST_AddBand, ST_Band (PostGIS 3.3 signatures).
-- Only one overload of each operation does the work; the others are one-line SQL calls.

CREATE TYPE @extschema@.addbandarg AS (
  index integer,
  pixeltype text,
  initialvalue double precision,
  nodataval double precision
);
COMMENT ON TYPE @extschema@.addbandarg IS
  'One band for ST_AddBand(raster, addbandarg[]): 1-based index (NULL appends), pixel type, initial value, nodata value';

CREATE FUNCTION @extschema@._plpy_st_makeemptyraster(width integer, height integer, upperleftx double precision, upperlefty double precision, scalex double precision, scaley double precision, skewx double precision, skewy double precision, srid integer) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import constructors
return constructors.make_empty_raster(width, height, upperleftx, upperlefty, scalex, scaley, skewx, skewy, srid)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_makeemptyraster(integer, integer, double precision, double precision, double precision, double precision, double precision, double precision, integer) IS
  'PL/Python body of st_makeemptyraster, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_makeemptyraster(width integer, height integer,
    upperleftx double precision, upperlefty double precision,
    scalex double precision, scaley double precision,
    skewx double precision, skewy double precision, srid integer DEFAULT 0) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_makeemptyraster(width, height, upperleftx, upperlefty, scalex, scaley, skewx, skewy, srid)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_makeemptyraster(integer, integer, double precision, double precision, double precision, double precision, double precision, double precision, integer) IS
  'Returns a raster without bands of the given size and georeference';

CREATE FUNCTION @extschema@.st_makeemptyraster(width integer, height integer,
    upperleftx double precision, upperlefty double precision, pixelsize double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_makeemptyraster(width, height, upperleftx, upperlefty, pixelsize, -pixelsize, 0, 0, 0);
COMMENT ON FUNCTION @extschema@.st_makeemptyraster(integer, integer, double precision, double precision, double precision) IS
  'Returns a raster without bands with square pixels of the given size, no skew and SRID 0';

CREATE FUNCTION @extschema@._plpy_st_makeemptyraster(rast bytea) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import constructors
return constructors.make_empty_like(rast)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_makeemptyraster(bytea) IS
  'PL/Python body of st_makeemptyraster, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_makeemptyraster(rast @extschema@.raster) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_makeemptyraster(rast)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_makeemptyraster(@extschema@.raster) IS
  'Returns a raster without bands with the size, georeference and SRID of the given raster';

CREATE FUNCTION @extschema@._plpy_st_addband(rast bytea, addbandargset @extschema@.addbandarg[]) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import constructors
return constructors.add_bands(rast, addbandargset)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_addband(bytea, @extschema@.addbandarg[]) IS
  'PL/Python body of st_addband, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_addband(rast @extschema@.raster, addbandargset @extschema@.addbandarg[]) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_addband(rast, addbandargset)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_addband(@extschema@.raster, @extschema@.addbandarg[]) IS
  'Returns the raster with new in-db bands, one per addbandarg, filled with their initial values';

CREATE FUNCTION @extschema@.st_addband(rast @extschema@.raster, index integer, pixeltype text,
    initialvalue double precision DEFAULT '0'::numeric, nodataval double precision DEFAULT NULL::double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_addband(rast, ARRAY[ROW(index, pixeltype, initialvalue, nodataval)]::@extschema@.addbandarg[]);
COMMENT ON FUNCTION @extschema@.st_addband(@extschema@.raster, integer, text, double precision, double precision) IS
  'Returns the raster with a new in-db band at the given 1-based index';

CREATE FUNCTION @extschema@.st_addband(rast @extschema@.raster, pixeltype text,
    initialvalue double precision DEFAULT '0'::numeric, nodataval double precision DEFAULT NULL::double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_addband(rast, ARRAY[ROW(NULL, pixeltype, initialvalue, nodataval)]::@extschema@.addbandarg[]);
COMMENT ON FUNCTION @extschema@.st_addband(@extschema@.raster, text, double precision, double precision) IS
  'Returns the raster with a new in-db band appended';

CREATE FUNCTION @extschema@._plpy_st_addband(torast bytea, fromrast bytea, fromband integer, torastindex integer) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import constructors
return constructors.add_band_from_raster(torast, fromrast, fromband, torastindex)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_addband(bytea, bytea, integer, integer) IS
  'PL/Python body of st_addband, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_addband(torast @extschema@.raster, fromrast @extschema@.raster,
    fromband integer DEFAULT 1, torastindex integer DEFAULT NULL::integer) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_addband(torast, fromrast, fromband, torastindex)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_addband(@extschema@.raster, @extschema@.raster, integer, integer) IS
  'Returns torast with a copy of band fromband of fromrast at index torastindex (appended when NULL)';

CREATE FUNCTION @extschema@._plpy_st_addband(torast bytea, fromrasts bytea[], fromband integer, torastindex integer) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import constructors
return constructors.add_bands_from_rasters(torast, fromrasts, fromband, torastindex)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_addband(bytea, bytea[], integer, integer) IS
  'PL/Python body of st_addband, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_addband(torast @extschema@.raster, fromrasts @extschema@.raster[],
    fromband integer DEFAULT 1, torastindex integer DEFAULT NULL::integer) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_addband(torast, fromrasts, fromband, torastindex)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_addband(@extschema@.raster, @extschema@.raster[], integer, integer) IS
  'Returns torast with a copy of band fromband of each raster of fromrasts, from index torastindex on';

CREATE FUNCTION @extschema@._plpy_st_addband(rast bytea, index integer, outdbfile text, outdbindex integer[], nodataval double precision) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import constructors
return constructors.add_outdb_band(rast, index, outdbfile, outdbindex, nodataval)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_addband(bytea, integer, text, integer[], double precision) IS
  'PL/Python body of st_addband, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_addband(rast @extschema@.raster, index integer, outdbfile text,
    outdbindex integer[], nodataval double precision DEFAULT NULL::double precision) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_addband(rast, index, outdbfile, outdbindex, nodataval)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_addband(@extschema@.raster, integer, text, integer[], double precision) IS
  'Returns the raster with out-db bands referencing bands of an external file (not supported yet: needs reading the file)';

CREATE FUNCTION @extschema@.st_addband(rast @extschema@.raster, outdbfile text, outdbindex integer[],
    index integer DEFAULT NULL::integer, nodataval double precision DEFAULT NULL::double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_addband(rast, index, outdbfile, outdbindex, nodataval);
COMMENT ON FUNCTION @extschema@.st_addband(@extschema@.raster, text, integer[], integer, double precision) IS
  'Returns the raster with out-db bands referencing bands of an external file (not supported yet: needs reading the file)';

CREATE FUNCTION @extschema@._plpy_st_band(rast bytea, nbands integer[]) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import constructors
return constructors.select_bands(rast, nbands)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_band(bytea, integer[]) IS
  'PL/Python body of st_band, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_band(rast @extschema@.raster, nbands integer[] DEFAULT ARRAY[1]) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_band(rast, nbands)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_band(@extschema@.raster, integer[]) IS
  'Returns a raster of the given bands of rast, in the order given';

CREATE FUNCTION @extschema@.st_band(rast @extschema@.raster, nband integer)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_band(rast, ARRAY[nband]);
COMMENT ON FUNCTION @extschema@.st_band(@extschema@.raster, integer) IS
  'Returns a raster of one band of rast';

-- The list is split on the delimiter taken literally (each character escaped), after
-- whitespace is removed, as PostGIS does.
CREATE FUNCTION @extschema@.st_band(rast @extschema@.raster, nbands text, delimiter character DEFAULT ','::bpchar)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_band(rast,
  regexp_split_to_array(regexp_replace(nbands, '[[:space:]]', '', 'g'),
                        E'\\' || array_to_string(string_to_array(delimiter::text, NULL), E'\\'))::integer[]);
COMMENT ON FUNCTION @extschema@.st_band(@extschema@.raster, text, character) IS
  'Returns a raster of the bands listed in a delimited text, such as ''3,1''';


-- from sql/60-editors.sql
-- Raster editors: SRID, georeference and band metadata setters (PostGIS 3.3 signatures).
-- Header setters patch the 61-byte header and keep the band bytes.

CREATE FUNCTION @extschema@._plpy_st_setsrid(rast bytea, srid integer) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import editors
return editors.set_srid(rast, srid)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_setsrid(bytea, integer) IS
  'PL/Python body of st_setsrid, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_setsrid(rast @extschema@.raster, srid integer) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_setsrid(rast, srid)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_setsrid(@extschema@.raster, integer) IS
  'Returns the raster with the given SRID (no reprojection)';

CREATE FUNCTION @extschema@._plpy_st_setscale(rast bytea, scalex double precision, scaley double precision) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import editors
return editors.set_scale(rast, scalex, scaley)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_setscale(bytea, double precision, double precision) IS
  'PL/Python body of st_setscale, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_setscale(rast @extschema@.raster, scalex double precision, scaley double precision) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_setscale(rast, scalex, scaley)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_setscale(@extschema@.raster, double precision, double precision) IS
  'Returns the raster with the given pixel width and height';

CREATE FUNCTION @extschema@.st_setscale(rast @extschema@.raster, scale double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_setscale(rast, scale, scale);
COMMENT ON FUNCTION @extschema@.st_setscale(@extschema@.raster, double precision) IS
  'Returns the raster with both scales set to the given value';

CREATE FUNCTION @extschema@._plpy_st_setskew(rast bytea, skewx double precision, skewy double precision) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import editors
return editors.set_skew(rast, skewx, skewy)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_setskew(bytea, double precision, double precision) IS
  'PL/Python body of st_setskew, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_setskew(rast @extschema@.raster, skewx double precision, skewy double precision) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_setskew(rast, skewx, skewy)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_setskew(@extschema@.raster, double precision, double precision) IS
  'Returns the raster with the given skews';

CREATE FUNCTION @extschema@.st_setskew(rast @extschema@.raster, skew double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_setskew(rast, skew, skew);
COMMENT ON FUNCTION @extschema@.st_setskew(@extschema@.raster, double precision) IS
  'Returns the raster with both skews set to the given value';

CREATE FUNCTION @extschema@._plpy_st_setupperleft(rast bytea, upperleftx double precision, upperlefty double precision) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import editors
return editors.set_upper_left(rast, upperleftx, upperlefty)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_setupperleft(bytea, double precision, double precision) IS
  'PL/Python body of st_setupperleft, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_setupperleft(rast @extschema@.raster, upperleftx double precision, upperlefty double precision) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_setupperleft(rast, upperleftx, upperlefty)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_setupperleft(@extschema@.raster, double precision, double precision) IS
  'Returns the raster with the given upper-left corner';

CREATE FUNCTION @extschema@._plpy_st_setrotation(rast bytea, rotation double precision) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import editors
return editors.set_rotation(rast, rotation)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_setrotation(bytea, double precision) IS
  'PL/Python body of st_setrotation, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_setrotation(rast @extschema@.raster, rotation double precision) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_setrotation(rast, rotation)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_setrotation(@extschema@.raster, double precision) IS
  'Returns the raster rotated to the given angle in radians; scale and skew are recomputed';

CREATE FUNCTION @extschema@._plpy_st_setgeotransform(rast bytea, imag double precision, jmag double precision, theta_i double precision, theta_ij double precision, xoffset double precision, yoffset double precision) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import editors
return editors.set_geotransform(rast, imag, jmag, theta_i, theta_ij, xoffset, yoffset)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_setgeotransform(bytea, double precision, double precision, double precision, double precision, double precision, double precision) IS
  'PL/Python body of st_setgeotransform, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_setgeotransform(rast @extschema@.raster, imag double precision, jmag double precision,
    theta_i double precision, theta_ij double precision, xoffset double precision, yoffset double precision) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_setgeotransform(rast, imag, jmag, theta_i, theta_ij, xoffset, yoffset)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_setgeotransform(@extschema@.raster, double precision, double precision, double precision, double precision, double precision, double precision) IS
  'Returns the raster with the georeference given as pixel sizes, angles and upper-left offsets';

CREATE FUNCTION @extschema@._plpy_st_setgeoreference(rast bytea, georef text, format text) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import editors
return editors.set_georeference(rast, georef, format)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_setgeoreference(bytea, text, text) IS
  'PL/Python body of st_setgeoreference, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_setgeoreference(rast @extschema@.raster, georef text, format text DEFAULT 'GDAL'::text) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_setgeoreference(rast, georef, format)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_setgeoreference(@extschema@.raster, text, text) IS
  'Returns the raster with the georeference of a world-file text (GDAL or ESRI format)';

-- The numbers go through their text form, exactly as in PostGIS (so values whose text
-- is in exponent notation are rejected as they are there).
CREATE FUNCTION @extschema@.st_setgeoreference(rast @extschema@.raster, upperleftx double precision, upperlefty double precision,
    scalex double precision, scaley double precision, skewx double precision, skewy double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_setgeoreference(rast, array_to_string(ARRAY[scalex, skewy, skewx, scaley, upperleftx, upperlefty], ' '));
COMMENT ON FUNCTION @extschema@.st_setgeoreference(@extschema@.raster, double precision, double precision, double precision, double precision, double precision, double precision) IS
  'Returns the raster with the given upper-left corner, scales and skews';

CREATE FUNCTION @extschema@._plpy_st_setbandnodatavalue(rast bytea, band integer, nodatavalue double precision, forcechecking boolean) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import editors
return editors.set_band_nodata_value(rast, band, nodatavalue, forcechecking)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_setbandnodatavalue(bytea, integer, double precision, boolean) IS
  'PL/Python body of st_setbandnodatavalue, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_setbandnodatavalue(rast @extschema@.raster, band integer,
    nodatavalue double precision, forcechecking boolean DEFAULT false) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_setbandnodatavalue(rast, band, nodatavalue, forcechecking)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_setbandnodatavalue(@extschema@.raster, integer, double precision, boolean) IS
  'Returns the raster with the band''s nodata value set, or removed when NULL';

CREATE FUNCTION @extschema@.st_setbandnodatavalue(rast @extschema@.raster, nodatavalue double precision)
RETURNS @extschema@.raster
LANGUAGE sql VOLATILE PARALLEL UNSAFE
RETURN @extschema@.st_setbandnodatavalue(rast, 1, nodatavalue, false);
COMMENT ON FUNCTION @extschema@.st_setbandnodatavalue(@extschema@.raster, double precision) IS
  'Returns the raster with band 1''s nodata value set, or removed when NULL';

CREATE FUNCTION @extschema@._plpy_st_setbandisnodata(rast bytea, band integer) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import editors
return editors.set_band_is_nodata(rast, band)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_setbandisnodata(bytea, integer) IS
  'PL/Python body of st_setbandisnodata, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_setbandisnodata(rast @extschema@.raster, band integer DEFAULT 1) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_setbandisnodata(rast, band)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_setbandisnodata(@extschema@.raster, integer) IS
  'Returns the raster with the band flagged as entirely nodata';

CREATE FUNCTION @extschema@._plpy_st_setbandpath(rast bytea, band integer, outdbpath text, outdbindex integer, force boolean) RETURNS bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import editors
return editors.set_band_path(rast, band, outdbpath, outdbindex, force)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_setbandpath(bytea, integer, text, integer, boolean) IS
  'PL/Python body of st_setbandpath, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_setbandpath(rast @extschema@.raster, band integer, outdbpath text,
    outdbindex integer, force boolean DEFAULT false) RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy_st_setbandpath(rast, band, outdbpath, outdbindex, force)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@.st_setbandpath(@extschema@.raster, integer, text, integer, boolean) IS
  'Returns the raster with an out-db band pointed at another file and band number (force only, for now)';

CREATE FUNCTION @extschema@.st_setbandindex(rast @extschema@.raster, band integer, outdbindex integer,
    force boolean DEFAULT false)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_setbandpath(rast, band, NULL, outdbindex, force);
COMMENT ON FUNCTION @extschema@.st_setbandindex(@extschema@.raster, integer, integer, boolean) IS
  'Returns the raster with an out-db band pointed at another band number of its file (force only, for now)';


-- from sql/70-outdb.sql
-- The out-db engine: which sources out-db paths may read, and the engine's statistics.
--
-- Out-db access is closed until a superuser opens a source with plraster_add_source.
-- The sources, credentials included, live in a table only superusers can read; the
-- library reads it through _plraster_source_rows (see python/plraster/sqlapi/outdb.py).
-- Settings: plraster.tile_cache_mb (decoded tile cache per backend, default 256) and
-- plraster.outdb_revalidate_seconds (how long a remote header is trusted, default 5).

CREATE TABLE @extschema@.plraster_source_config (
  prefix text PRIMARY KEY,
  options jsonb NOT NULL DEFAULT '{}'::jsonb
);
REVOKE ALL ON TABLE @extschema@.plraster_source_config FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('@extschema@.plraster_source_config', '');
COMMENT ON TABLE @extschema@.plraster_source_config IS
  'Out-db sources (prefix and storage options, credentials included); superusers only';

CREATE FUNCTION @extschema@._plraster_source_rows(OUT prefix text, OUT options text)
RETURNS SETOF record
LANGUAGE plpython3u VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
from plraster.sqlapi import outdb
return outdb.source_rows()
$$;
COMMENT ON FUNCTION @extschema@._plraster_source_rows() IS
  'internal: the out-db sources, for plraster''s own reads only (42501 otherwise)';

CREATE FUNCTION @extschema@._plraster_mask_options(options jsonb) RETURNS jsonb
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import outdb
return outdb.mask_options(options)
$$;
COMMENT ON FUNCTION @extschema@._plraster_mask_options(jsonb) IS
  'internal: out-db source options with every secret value masked';

CREATE VIEW @extschema@.plraster_sources WITH (security_barrier) AS
  SELECT c.prefix, @extschema@._plraster_mask_options(c.options) AS options
  FROM @extschema@.plraster_source_config c;
GRANT SELECT ON @extschema@.plraster_sources TO PUBLIC;
COMMENT ON VIEW @extschema@.plraster_sources IS
  'Out-db sources: prefixes and storage options, secret values masked';

CREATE FUNCTION @extschema@.plraster_add_source(prefix text, options jsonb DEFAULT '{}'::jsonb)
RETURNS text
LANGUAGE plpython3u VOLATILE AS $$
from plraster.sqlapi import outdb
return outdb.add_source(prefix, options)
$$;
REVOKE ALL ON FUNCTION @extschema@.plraster_add_source(text, jsonb) FROM PUBLIC;
COMMENT ON FUNCTION @extschema@.plraster_add_source(text, jsonb) IS
  'args: prefix, options - Superuser: allow out-db paths under prefix, read with these storage options (GDAL names). Returns the canonical prefix.';

CREATE FUNCTION @extschema@.plraster_drop_source(prefix text) RETURNS boolean
LANGUAGE plpython3u VOLATILE AS $$
from plraster.sqlapi import outdb
return outdb.drop_source(prefix)
$$;
REVOKE ALL ON FUNCTION @extschema@.plraster_drop_source(text) FROM PUBLIC;
COMMENT ON FUNCTION @extschema@.plraster_drop_source(text) IS
  'args: prefix - Superuser: close an out-db source; true when it existed.';

CREATE FUNCTION @extschema@.plraster_io_stats(OUT requests bigint, OUT bytes bigint, OUT retries bigint,
    OUT seconds double precision, OUT header_hits bigint, OUT header_misses bigint,
    OUT tile_hits bigint, OUT tile_misses bigint, OUT tile_cache_bytes bigint,
    OUT tile_cache_limit bigint)
RETURNS SETOF record
LANGUAGE plpython3u VOLATILE AS $$
from plraster.sqlapi import outdb
return outdb.io_stats()
$$;
COMMENT ON FUNCTION @extschema@.plraster_io_stats() IS
  'Out-db I/O of this session: requests, bytes, retries, seconds waited, header and tile cache hits and misses';

CREATE FUNCTION @extschema@.plraster_cache_reset() RETURNS void
LANGUAGE plpython3u VOLATILE AS $$
from plraster.sqlapi import outdb
return outdb.cache_reset()
$$;
COMMENT ON FUNCTION @extschema@.plraster_cache_reset() IS
  'Empty this session''s out-db header and tile caches and zero its I/O statistics';


-- from sql/80-catalogs.sql
-- The raster catalogs and PostGIS's raster management functions (PostGIS 3.3's names,
-- arguments and NOTICEs): raster_columns, raster_overviews, AddRasterConstraints,
-- DropRasterConstraints, AddOverviewConstraints, DropOverviewConstraints,
-- UpdateRasterSRID, the _raster_constraint_* helpers, ST_SameAlignment (two rasters,
-- twelve numbers, aggregate), ST_NotSameAlignmentReason and ST_IsCoverageTile.
--
-- raster_columns and raster_overviews are views over two tables that plraster keeps
-- (the store): one row per raster column, with what its CHECK constraints say, read as
-- PostGIS reads them. The management functions change constraints with ALTER TABLE, and
-- two event triggers refresh the store after any DDL that touches a relation with a
-- raster column (created, altered, renamed, moved, dropped; a schema renamed; an index
-- made or dropped). Rows themselves never need a refresh: the constraints reject any
-- row that would make the catalog wrong. The views show a user the columns that user
-- may select, and hide other sessions' temporary tables, as PostGIS's do.

-- ---- alignment ----

CREATE FUNCTION @extschema@._plpy_st_samealignment(rast1 bytea, rast2 bytea) RETURNS boolean
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import catalog
return catalog.same_alignment(rast1, rast2)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_samealignment(bytea, bytea) IS
  'PL/Python body of st_samealignment, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_samealignment(rast1 @extschema@.raster, rast2 @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_samealignment(rast1, rast2);
COMMENT ON FUNCTION @extschema@.st_samealignment(@extschema@.raster, @extschema@.raster) IS
  'args: rastA, rastB - Returns true if the rasters have the same skew, scale, spatial ref, and offset (pixels can be put on same grid without cutting into pixels) and false if they don''t with notice detailing issue.';

CREATE FUNCTION @extschema@.st_samealignment(ulx1 double precision, uly1 double precision,
    scalex1 double precision, scaley1 double precision, skewx1 double precision,
    skewy1 double precision, ulx2 double precision, uly2 double precision,
    scalex2 double precision, scaley2 double precision, skewx2 double precision,
    skewy2 double precision)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_samealignment(
  @extschema@.st_makeemptyraster(1, 1, ulx1, uly1, scalex1, scaley1, skewx1, skewy1),
  @extschema@.st_makeemptyraster(1, 1, ulx2, uly2, scalex2, scaley2, skewx2, skewy2));
COMMENT ON FUNCTION @extschema@.st_samealignment(double precision, double precision, double precision, double precision, double precision, double precision, double precision, double precision, double precision, double precision, double precision, double precision) IS
  'args: ulx1, uly1, scalex1, scaley1, skewx1, skewy1, ulx2, uly2, scalex2, scaley2, skewx2, skewy2 - Returns true if the georeferences (SRID 0) are aligned.';

CREATE FUNCTION @extschema@._plpy_st_notsamealignmentreason(rast1 bytea, rast2 bytea) RETURNS text
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import catalog
return catalog.not_same_alignment_reason(rast1, rast2)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_notsamealignmentreason(bytea, bytea) IS
  'PL/Python body of st_notsamealignmentreason, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_notsamealignmentreason(rast1 @extschema@.raster, rast2 @extschema@.raster) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_notsamealignmentreason(rast1, rast2);
COMMENT ON FUNCTION @extschema@.st_notsamealignmentreason(@extschema@.raster, @extschema@.raster) IS
  'args: rastA, rastB - Returns text stating if rasters are aligned and if not aligned, a reason why.';

-- The aggregate's state: the first raster's 1x1 footprint and whether all were aligned so far.
CREATE TYPE @extschema@.agg_samealignment AS (refraster @extschema@.raster, aligned boolean);
COMMENT ON TYPE @extschema@.agg_samealignment IS
  'State of the ST_SameAlignment aggregate: the reference raster and the answer so far';

CREATE FUNCTION @extschema@._st_samealignment_transfn(agg @extschema@.agg_samealignment,
    rast @extschema@.raster)
RETURNS @extschema@.agg_samealignment
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
  WHEN rast IS NULL THEN ROW((agg).refraster, NULL)::@extschema@.agg_samealignment
  WHEN (agg).refraster IS NULL THEN
    (SELECT ROW(@extschema@.st_makeemptyraster(1, 1, m.upperleftx, m.upperlefty, m.scalex,
                  m.scaley, m.skewx, m.skewy, m.srid), true)::@extschema@.agg_samealignment
     FROM @extschema@.st_metadata(rast) m)
  WHEN (agg).aligned IS TRUE THEN
    ROW((agg).refraster, @extschema@.st_samealignment((agg).refraster, rast))::@extschema@.agg_samealignment
  ELSE agg END;
COMMENT ON FUNCTION @extschema@._st_samealignment_transfn(@extschema@.agg_samealignment, @extschema@.raster) IS
  'Transition function of the ST_SameAlignment aggregate: a NULL raster makes the answer NULL';

CREATE FUNCTION @extschema@._st_samealignment_finalfn(agg @extschema@.agg_samealignment)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (agg).aligned;
COMMENT ON FUNCTION @extschema@._st_samealignment_finalfn(@extschema@.agg_samealignment) IS
  'Final function of the ST_SameAlignment aggregate';

CREATE AGGREGATE @extschema@.st_samealignment(@extschema@.raster) (
  SFUNC = @extschema@._st_samealignment_transfn,
  STYPE = @extschema@.agg_samealignment,
  FINALFUNC = @extschema@._st_samealignment_finalfn,
  PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.st_samealignment(@extschema@.raster) IS
  'args: rastfield - Returns true if rasters have same skew, scale, spatial ref, and offset (pixels can be put on same grid without cutting into pixels) and false if they dont with notice detailing issue.';

CREATE FUNCTION @extschema@._plpy_st_iscoveragetile(rast bytea, coverage bytea, tilewidth integer, tileheight integer) RETURNS boolean
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import catalog
return catalog.is_coverage_tile(rast, coverage, tilewidth, tileheight)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_iscoveragetile(bytea, bytea, integer, integer) IS
  'PL/Python body of st_iscoveragetile, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_iscoveragetile(rast @extschema@.raster, coverage @extschema@.raster,
    tilewidth integer, tileheight integer) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_st_iscoveragetile(rast, coverage, tilewidth, tileheight);
COMMENT ON FUNCTION @extschema@.st_iscoveragetile(@extschema@.raster, @extschema@.raster, integer, integer) IS
  'args: tile, coverage, tilewidth, tileheight - Returns true if the raster tile lies on the tile grid of the coverage with an interior or edge tile''s size.';

-- ---- what the per-row constraints compute ----
CREATE FUNCTION @extschema@._plpy__raster_constraint_pixel_types(rast bytea) RETURNS text[]
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.pixel_types(rast)
$$;
COMMENT ON FUNCTION @extschema@._plpy__raster_constraint_pixel_types(bytea) IS
  'PL/Python body of _raster_constraint_pixel_types, on raster bytes as bytea';
CREATE FUNCTION @extschema@._raster_constraint_pixel_types(rast @extschema@.raster) RETURNS text[]
LANGUAGE sql STABLE STRICT
RETURN @extschema@._plpy__raster_constraint_pixel_types(rast);
COMMENT ON FUNCTION @extschema@._raster_constraint_pixel_types(@extschema@.raster) IS
  'args: rast - The pixel types of the bands (enforce_pixel_types_<column>)';
CREATE FUNCTION @extschema@._plpy__raster_constraint_nodata_values(rast bytea) RETURNS numeric[]
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import catalog
return catalog.nodata_values(rast)
$$;
COMMENT ON FUNCTION @extschema@._plpy__raster_constraint_nodata_values(bytea) IS
  'PL/Python body of _raster_constraint_nodata_values, on raster bytes as bytea';
CREATE FUNCTION @extschema@._raster_constraint_nodata_values(rast @extschema@.raster) RETURNS numeric[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy__raster_constraint_nodata_values(rast);
COMMENT ON FUNCTION @extschema@._raster_constraint_nodata_values(@extschema@.raster) IS
  'args: rast - The nodata values of the bands rounded to 10 decimals, NULL for none (enforce_nodata_values_<column>)';
CREATE FUNCTION @extschema@._plpy__raster_constraint_out_db(rast bytea) RETURNS boolean[]
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import catalog
return catalog.out_db(rast)
$$;
COMMENT ON FUNCTION @extschema@._plpy__raster_constraint_out_db(bytea) IS
  'PL/Python body of _raster_constraint_out_db, on raster bytes as bytea';
CREATE FUNCTION @extschema@._raster_constraint_out_db(rast @extschema@.raster) RETURNS boolean[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy__raster_constraint_out_db(rast);
COMMENT ON FUNCTION @extschema@._raster_constraint_out_db(@extschema@.raster) IS
  'args: rast - Whether each band is out-db (enforce_out_db_<column>)';
-- ---- reading constraints back (PostGIS's rules: by column and text, not by name) ----
CREATE FUNCTION @extschema@._raster_constraint_info_srid(rastschema name, rasttable name, rastcolumn name) RETURNS integer
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.constraint_info(rastschema, rasttable, rastcolumn, 'srid')
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_info_srid(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - The SRID its constraint enforces, read from the column''s constraints as raster_columns reads it';
CREATE FUNCTION @extschema@._raster_constraint_info_extent(rastschema name, rasttable name, rastcolumn name) RETURNS geometry
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.constraint_info(rastschema, rasttable, rastcolumn, 'extent')
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_info_extent(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - The maximum extent its constraint enforces, read from the column''s constraints as raster_columns reads it';
CREATE FUNCTION @extschema@._raster_constraint_info_alignment(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.constraint_info(rastschema, rasttable, rastcolumn, 'alignment')
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_info_alignment(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - True when an alignment constraint exists, read from the column''s constraints as raster_columns reads it';
CREATE FUNCTION @extschema@._raster_constraint_info_spatially_unique(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.constraint_info(rastschema, rasttable, rastcolumn, 'spatially_unique')
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_info_spatially_unique(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - True when an EXCLUDE ((column::geometry) WITH =) constraint exists, read from the column''s constraints as raster_columns reads it';
CREATE FUNCTION @extschema@._raster_constraint_info_coverage_tile(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.constraint_info(rastschema, rasttable, rastcolumn, 'coverage_tile')
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_info_coverage_tile(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - True when a coverage tile constraint exists, read from the column''s constraints as raster_columns reads it';
CREATE FUNCTION @extschema@._raster_constraint_info_regular_blocking(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.constraint_info(rastschema, rasttable, rastcolumn, 'regular_blocking')
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_info_regular_blocking(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - True when the coverage tile and spatially unique constraints exist, read from the column''s constraints as raster_columns reads it';
CREATE FUNCTION @extschema@._raster_constraint_info_num_bands(rastschema name, rasttable name, rastcolumn name) RETURNS integer
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.constraint_info(rastschema, rasttable, rastcolumn, 'num_bands')
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_info_num_bands(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - The number of bands its constraint enforces, read from the column''s constraints as raster_columns reads it';
CREATE FUNCTION @extschema@._raster_constraint_info_pixel_types(rastschema name, rasttable name, rastcolumn name) RETURNS text[]
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.constraint_info(rastschema, rasttable, rastcolumn, 'pixel_types')
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_info_pixel_types(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - The pixel types its constraint enforces, read from the column''s constraints as raster_columns reads it';
CREATE FUNCTION @extschema@._raster_constraint_info_nodata_values(rastschema name, rasttable name, rastcolumn name) RETURNS double precision[]
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.constraint_info(rastschema, rasttable, rastcolumn, 'nodata_values')
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_info_nodata_values(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - The nodata values its constraint enforces, read from the column''s constraints as raster_columns reads it';
CREATE FUNCTION @extschema@._raster_constraint_info_out_db(rastschema name, rasttable name, rastcolumn name) RETURNS boolean[]
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.constraint_info(rastschema, rasttable, rastcolumn, 'out_db')
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_info_out_db(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - The out-db flags its constraint enforces, read from the column''s constraints as raster_columns reads it';
CREATE FUNCTION @extschema@._raster_constraint_info_scale(rastschema name, rasttable name, rastcolumn name, axis character) RETURNS double precision
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.scale_info(rastschema, rasttable, rastcolumn, axis)
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_info_scale(name, name, name, character) IS
  'args: rastschema, rasttable, rastcolumn, axis - The pixel size (axis x or y) its constraint enforces';

CREATE FUNCTION @extschema@._raster_constraint_info_blocksize(rastschema name, rasttable name, rastcolumn name, axis text) RETURNS integer
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.blocksize_info(rastschema, rasttable, rastcolumn, axis)
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_info_blocksize(name, name, name, text) IS
  'args: rastschema, rasttable, rastcolumn, axis - The tile width or height its constraint enforces (the most frequent when it allows several)';

CREATE FUNCTION @extschema@._raster_constraint_info_index(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.index_info(rastschema, rasttable, rastcolumn)
$$;
COMMENT ON FUNCTION @extschema@._raster_constraint_info_index(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - True when a GiST index of the table has an expression that mentions the column';

CREATE FUNCTION @extschema@._overview_constraint_info(ovschema name, ovtable name, ovcolumn name,
    OUT refschema name, OUT reftable name, OUT refcolumn name, OUT factor integer)
RETURNS record
LANGUAGE plpython3u STABLE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.constraint_info(ovschema, ovtable, ovcolumn, 'overview')
$$;
COMMENT ON FUNCTION @extschema@._overview_constraint_info(name, name, name) IS
  'args: ovschema, ovtable, ovcolumn - The reference raster column and factor of an overview column''s constraint';
-- ---- adding and dropping constraints ----

CREATE FUNCTION @extschema@._plraster_constraint_step(op text, rastschema name, rasttable name,
    rastcolumn name, step text, axis text) RETURNS boolean
LANGUAGE plpython3u VOLATILE AS $$
from plraster.sqlapi import catalog
return catalog.constraint_step(op, rastschema, rasttable, rastcolumn, step, axis)
$$;
COMMENT ON FUNCTION @extschema@._plraster_constraint_step(text, name, name, name, text, text) IS
  'args: op, rastschema, rasttable, rastcolumn, step, axis - Adds (op add) or drops (op drop) one raster constraint of a column: the work of the _add_raster_constraint_* and _drop_raster_constraint_* functions';

CREATE FUNCTION @extschema@._add_raster_constraint(cn name, sql text) RETURNS boolean
LANGUAGE plpython3u VOLATILE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.add_constraint_sql(cn, sql)
$$;
COMMENT ON FUNCTION @extschema@._add_raster_constraint(name, text) IS
  'args: cn, sql - Runs the ALTER TABLE that adds constraint cn; a failure is reported as NOTICEs and gives false';

CREATE FUNCTION @extschema@._drop_raster_constraint(rastschema name, rasttable name, cn name) RETURNS boolean
LANGUAGE plpython3u VOLATILE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.drop_constraint(rastschema, rasttable, cn)
$$;
COMMENT ON FUNCTION @extschema@._drop_raster_constraint(name, name, name) IS
  'args: rastschema, rasttable, cn - Drops constraint cn; a missing one gives a NOTICE';
CREATE FUNCTION @extschema@._add_raster_constraint_srid(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('add', rastschema, rasttable, rastcolumn, 'srid', NULL);
COMMENT ON FUNCTION @extschema@._add_raster_constraint_srid(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Adds the srid constraint from a sample of the column (AddRasterConstraints does this)';
CREATE FUNCTION @extschema@._add_raster_constraint_extent(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('add', rastschema, rasttable, rastcolumn, 'extent', NULL);
COMMENT ON FUNCTION @extschema@._add_raster_constraint_extent(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Adds the extent constraint from a sample of the column (AddRasterConstraints does this)';
CREATE FUNCTION @extschema@._add_raster_constraint_alignment(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('add', rastschema, rasttable, rastcolumn, 'alignment', NULL);
COMMENT ON FUNCTION @extschema@._add_raster_constraint_alignment(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Adds the alignment constraint from a sample of the column (AddRasterConstraints does this)';
CREATE FUNCTION @extschema@._add_raster_constraint_spatially_unique(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('add', rastschema, rasttable, rastcolumn, 'spatially_unique', NULL);
COMMENT ON FUNCTION @extschema@._add_raster_constraint_spatially_unique(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Adds the spatially unique constraint from a sample of the column (AddRasterConstraints does this)';
CREATE FUNCTION @extschema@._add_raster_constraint_coverage_tile(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('add', rastschema, rasttable, rastcolumn, 'coverage_tile', NULL);
COMMENT ON FUNCTION @extschema@._add_raster_constraint_coverage_tile(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Adds the coverage tile constraint from a sample of the column (AddRasterConstraints does this)';
CREATE FUNCTION @extschema@._add_raster_constraint_num_bands(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('add', rastschema, rasttable, rastcolumn, 'num_bands', NULL);
COMMENT ON FUNCTION @extschema@._add_raster_constraint_num_bands(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Adds the num bands constraint from a sample of the column (AddRasterConstraints does this)';
CREATE FUNCTION @extschema@._add_raster_constraint_pixel_types(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('add', rastschema, rasttable, rastcolumn, 'pixel_types', NULL);
COMMENT ON FUNCTION @extschema@._add_raster_constraint_pixel_types(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Adds the pixel types constraint from a sample of the column (AddRasterConstraints does this)';
CREATE FUNCTION @extschema@._add_raster_constraint_nodata_values(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('add', rastschema, rasttable, rastcolumn, 'nodata_values', NULL);
COMMENT ON FUNCTION @extschema@._add_raster_constraint_nodata_values(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Adds the nodata values constraint from a sample of the column (AddRasterConstraints does this)';
CREATE FUNCTION @extschema@._add_raster_constraint_out_db(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('add', rastschema, rasttable, rastcolumn, 'out_db', NULL);
COMMENT ON FUNCTION @extschema@._add_raster_constraint_out_db(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Adds the out db constraint from a sample of the column (AddRasterConstraints does this)';
CREATE FUNCTION @extschema@._drop_raster_constraint_srid(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('drop', rastschema, rasttable, rastcolumn, 'srid', NULL);
COMMENT ON FUNCTION @extschema@._drop_raster_constraint_srid(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Drops the srid constraint of the column';
CREATE FUNCTION @extschema@._drop_raster_constraint_extent(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('drop', rastschema, rasttable, rastcolumn, 'extent', NULL);
COMMENT ON FUNCTION @extschema@._drop_raster_constraint_extent(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Drops the extent constraint of the column';
CREATE FUNCTION @extschema@._drop_raster_constraint_alignment(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('drop', rastschema, rasttable, rastcolumn, 'alignment', NULL);
COMMENT ON FUNCTION @extschema@._drop_raster_constraint_alignment(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Drops the alignment constraint of the column';
CREATE FUNCTION @extschema@._drop_raster_constraint_spatially_unique(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('drop', rastschema, rasttable, rastcolumn, 'spatially_unique', NULL);
COMMENT ON FUNCTION @extschema@._drop_raster_constraint_spatially_unique(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Drops the spatially unique constraint of the column';
CREATE FUNCTION @extschema@._drop_raster_constraint_coverage_tile(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('drop', rastschema, rasttable, rastcolumn, 'coverage_tile', NULL);
COMMENT ON FUNCTION @extschema@._drop_raster_constraint_coverage_tile(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Drops the coverage tile constraint of the column';
CREATE FUNCTION @extschema@._drop_raster_constraint_num_bands(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('drop', rastschema, rasttable, rastcolumn, 'num_bands', NULL);
COMMENT ON FUNCTION @extschema@._drop_raster_constraint_num_bands(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Drops the num bands constraint of the column';
CREATE FUNCTION @extschema@._drop_raster_constraint_pixel_types(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('drop', rastschema, rasttable, rastcolumn, 'pixel_types', NULL);
COMMENT ON FUNCTION @extschema@._drop_raster_constraint_pixel_types(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Drops the pixel types constraint of the column';
CREATE FUNCTION @extschema@._drop_raster_constraint_nodata_values(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('drop', rastschema, rasttable, rastcolumn, 'nodata_values', NULL);
COMMENT ON FUNCTION @extschema@._drop_raster_constraint_nodata_values(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Drops the nodata values constraint of the column';
CREATE FUNCTION @extschema@._drop_raster_constraint_out_db(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('drop', rastschema, rasttable, rastcolumn, 'out_db', NULL);
COMMENT ON FUNCTION @extschema@._drop_raster_constraint_out_db(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Drops the out db constraint of the column';
CREATE FUNCTION @extschema@._drop_raster_constraint_regular_blocking(rastschema name, rasttable name, rastcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('drop', rastschema, rasttable, rastcolumn, 'regular_blocking', NULL);
COMMENT ON FUNCTION @extschema@._drop_raster_constraint_regular_blocking(name, name, name) IS
  'args: rastschema, rasttable, rastcolumn - Drops the regular blocking constraint of the column';
CREATE FUNCTION @extschema@._add_raster_constraint_scale(rastschema name, rasttable name, rastcolumn name, axis character) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('add', rastschema, rasttable, rastcolumn, 'scale', axis);
COMMENT ON FUNCTION @extschema@._add_raster_constraint_scale(name, name, name, character) IS
  'args: rastschema, rasttable, rastcolumn, axis - Adds the scale constraint of the column for axis x or y';
CREATE FUNCTION @extschema@._add_raster_constraint_blocksize(rastschema name, rasttable name, rastcolumn name, axis text) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('add', rastschema, rasttable, rastcolumn, 'blocksize', axis);
COMMENT ON FUNCTION @extschema@._add_raster_constraint_blocksize(name, name, name, text) IS
  'args: rastschema, rasttable, rastcolumn, axis - Adds the blocksize constraint of the column for axis width or height';
CREATE FUNCTION @extschema@._drop_raster_constraint_scale(rastschema name, rasttable name, rastcolumn name, axis character) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('drop', rastschema, rasttable, rastcolumn, 'scale', axis);
COMMENT ON FUNCTION @extschema@._drop_raster_constraint_scale(name, name, name, character) IS
  'args: rastschema, rasttable, rastcolumn, axis - Drops the scale constraint of the column for axis x or y';
CREATE FUNCTION @extschema@._drop_raster_constraint_blocksize(rastschema name, rasttable name, rastcolumn name, axis text) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('drop', rastschema, rasttable, rastcolumn, 'blocksize', axis);
COMMENT ON FUNCTION @extschema@._drop_raster_constraint_blocksize(name, name, name, text) IS
  'args: rastschema, rasttable, rastcolumn, axis - Drops the blocksize constraint of the column for axis width or height';
CREATE FUNCTION @extschema@.addrasterconstraints(rastschema name, rasttable name, rastcolumn name,
    VARIADIC constraints text[]) RETURNS boolean
LANGUAGE plpython3u VOLATILE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.add_raster_constraints(rastschema, rasttable, rastcolumn, constraints)
$$;
COMMENT ON FUNCTION @extschema@.addrasterconstraints(name, name, name, text[]) IS
  'args: rastschema, rasttable, rastcolumn, VARIADIC constraints - Adds the named raster constraints (srid, scale_x, scale_y, blocksize_x, blocksize_y, same_alignment, regular_blocking, num_bands, pixel_types, nodata_values, out_db, extent) from the column''s data, so raster_columns can describe it.';

CREATE FUNCTION @extschema@.addrasterconstraints(rasttable name, rastcolumn name, VARIADIC constraints text[])
RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@.addrasterconstraints(''::name, rasttable, rastcolumn, VARIADIC constraints);
COMMENT ON FUNCTION @extschema@.addrasterconstraints(name, name, text[]) IS
  'args: rasttable, rastcolumn, VARIADIC constraints - Adds the named raster constraints (srid, scale_x, scale_y, blocksize_x, blocksize_y, same_alignment, regular_blocking, num_bands, pixel_types, nodata_values, out_db, extent) from the column''s data, so raster_columns can describe it (table found on the search_path).';

CREATE FUNCTION @extschema@.addrasterconstraints(rastschema name, rasttable name, rastcolumn name,
    srid boolean DEFAULT true, scale_x boolean DEFAULT true, scale_y boolean DEFAULT true, blocksize_x boolean DEFAULT true, blocksize_y boolean DEFAULT true, same_alignment boolean DEFAULT true, regular_blocking boolean DEFAULT false, num_bands boolean DEFAULT true, pixel_types boolean DEFAULT true, nodata_values boolean DEFAULT true, out_db boolean DEFAULT true, extent boolean DEFAULT true) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@.addrasterconstraints(rastschema, rasttable, rastcolumn, VARIADIC (SELECT pg_catalog.array_agg(v.k ORDER BY v.o) FROM (VALUES (0, 'srid'::text, srid), (1, 'scale_x'::text, scale_x), (2, 'scale_y'::text, scale_y), (3, 'blocksize_x'::text, blocksize_x), (4, 'blocksize_y'::text, blocksize_y), (5, 'same_alignment'::text, same_alignment), (6, 'regular_blocking'::text, regular_blocking), (7, 'num_bands'::text, num_bands), (8, 'pixel_types'::text, pixel_types), (9, 'nodata_values'::text, nodata_values), (10, 'out_db'::text, out_db), (11, 'extent'::text, extent)) v(o, k, f) WHERE v.f));
COMMENT ON FUNCTION @extschema@.addrasterconstraints(name, name, name, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean) IS
  'args: rastschema, rasttable, rastcolumn, srid, scale_x, scale_y, blocksize_x, blocksize_y, same_alignment, regular_blocking, num_bands, pixel_types, nodata_values, out_db, extent - Adds the named raster constraints (srid, scale_x, scale_y, blocksize_x, blocksize_y, same_alignment, regular_blocking, num_bands, pixel_types, nodata_values, out_db, extent) from the column''s data, so raster_columns can describe it (those flagged true).';

CREATE FUNCTION @extschema@.addrasterconstraints(rasttable name, rastcolumn name,
    srid boolean DEFAULT true, scale_x boolean DEFAULT true, scale_y boolean DEFAULT true, blocksize_x boolean DEFAULT true, blocksize_y boolean DEFAULT true, same_alignment boolean DEFAULT true, regular_blocking boolean DEFAULT false, num_bands boolean DEFAULT true, pixel_types boolean DEFAULT true, nodata_values boolean DEFAULT true, out_db boolean DEFAULT true, extent boolean DEFAULT true) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@.addrasterconstraints(''::name, rasttable, rastcolumn, srid, scale_x, scale_y, blocksize_x, blocksize_y, same_alignment, regular_blocking, num_bands, pixel_types, nodata_values, out_db, extent);
COMMENT ON FUNCTION @extschema@.addrasterconstraints(name, name, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean) IS
  'args: rasttable, rastcolumn, srid, scale_x, scale_y, blocksize_x, blocksize_y, same_alignment, regular_blocking, num_bands, pixel_types, nodata_values, out_db, extent - Adds the named raster constraints (srid, scale_x, scale_y, blocksize_x, blocksize_y, same_alignment, regular_blocking, num_bands, pixel_types, nodata_values, out_db, extent) from the column''s data, so raster_columns can describe it (those flagged true; table found on the search_path).';
CREATE FUNCTION @extschema@.droprasterconstraints(rastschema name, rasttable name, rastcolumn name,
    VARIADIC constraints text[]) RETURNS boolean
LANGUAGE plpython3u VOLATILE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.drop_raster_constraints(rastschema, rasttable, rastcolumn, constraints)
$$;
COMMENT ON FUNCTION @extschema@.droprasterconstraints(name, name, name, text[]) IS
  'args: rastschema, rasttable, rastcolumn, VARIADIC constraints - Drops the named raster constraints of the column.';

CREATE FUNCTION @extschema@.droprasterconstraints(rasttable name, rastcolumn name, VARIADIC constraints text[])
RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@.droprasterconstraints(''::name, rasttable, rastcolumn, VARIADIC constraints);
COMMENT ON FUNCTION @extschema@.droprasterconstraints(name, name, text[]) IS
  'args: rasttable, rastcolumn, VARIADIC constraints - Drops the named raster constraints of the column (table found on the search_path).';

CREATE FUNCTION @extschema@.droprasterconstraints(rastschema name, rasttable name, rastcolumn name,
    srid boolean DEFAULT true, scale_x boolean DEFAULT true, scale_y boolean DEFAULT true, blocksize_x boolean DEFAULT true, blocksize_y boolean DEFAULT true, same_alignment boolean DEFAULT true, regular_blocking boolean DEFAULT true, num_bands boolean DEFAULT true, pixel_types boolean DEFAULT true, nodata_values boolean DEFAULT true, out_db boolean DEFAULT true, extent boolean DEFAULT true) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@.droprasterconstraints(rastschema, rasttable, rastcolumn, VARIADIC (SELECT pg_catalog.array_agg(v.k ORDER BY v.o) FROM (VALUES (0, 'srid'::text, srid), (1, 'scale_x'::text, scale_x), (2, 'scale_y'::text, scale_y), (3, 'blocksize_x'::text, blocksize_x), (4, 'blocksize_y'::text, blocksize_y), (5, 'same_alignment'::text, same_alignment), (6, 'regular_blocking'::text, regular_blocking), (7, 'num_bands'::text, num_bands), (8, 'pixel_types'::text, pixel_types), (9, 'nodata_values'::text, nodata_values), (10, 'out_db'::text, out_db), (11, 'extent'::text, extent)) v(o, k, f) WHERE v.f));
COMMENT ON FUNCTION @extschema@.droprasterconstraints(name, name, name, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean) IS
  'args: rastschema, rasttable, rastcolumn, srid, scale_x, scale_y, blocksize_x, blocksize_y, same_alignment, regular_blocking, num_bands, pixel_types, nodata_values, out_db, extent - Drops the named raster constraints of the column (those flagged true).';

CREATE FUNCTION @extschema@.droprasterconstraints(rasttable name, rastcolumn name,
    srid boolean DEFAULT true, scale_x boolean DEFAULT true, scale_y boolean DEFAULT true, blocksize_x boolean DEFAULT true, blocksize_y boolean DEFAULT true, same_alignment boolean DEFAULT true, regular_blocking boolean DEFAULT true, num_bands boolean DEFAULT true, pixel_types boolean DEFAULT true, nodata_values boolean DEFAULT true, out_db boolean DEFAULT true, extent boolean DEFAULT true) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@.droprasterconstraints(''::name, rasttable, rastcolumn, srid, scale_x, scale_y, blocksize_x, blocksize_y, same_alignment, regular_blocking, num_bands, pixel_types, nodata_values, out_db, extent);
COMMENT ON FUNCTION @extschema@.droprasterconstraints(name, name, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean) IS
  'args: rasttable, rastcolumn, srid, scale_x, scale_y, blocksize_x, blocksize_y, same_alignment, regular_blocking, num_bands, pixel_types, nodata_values, out_db, extent - Drops the named raster constraints of the column (those flagged true; table found on the search_path).';
-- ---- overviews ----

CREATE FUNCTION @extschema@._add_overview_constraint(ovschema name, ovtable name, ovcolumn name,
    refschema name, reftable name, refcolumn name, factor integer) RETURNS boolean
LANGUAGE plpython3u VOLATILE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.add_overview_constraint(ovschema, ovtable, ovcolumn, refschema, reftable, refcolumn, factor)
$$;
COMMENT ON FUNCTION @extschema@._add_overview_constraint(name, name, name, name, name, name, integer) IS
  'args: ovschema, ovtable, ovcolumn, refschema, reftable, refcolumn, factor - Adds enforce_overview_<ovcolumn>';

CREATE FUNCTION @extschema@._drop_overview_constraint(ovschema name, ovtable name, ovcolumn name)
RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._plraster_constraint_step('drop', ovschema, ovtable, ovcolumn, 'overview', NULL);
COMMENT ON FUNCTION @extschema@._drop_overview_constraint(name, name, name) IS
  'args: ovschema, ovtable, ovcolumn - Drops enforce_overview_<ovcolumn>';

CREATE FUNCTION @extschema@.addoverviewconstraints(ovschema name, ovtable name, ovcolumn name,
    refschema name, reftable name, refcolumn name, ovfactor integer) RETURNS boolean
LANGUAGE plpython3u VOLATILE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.add_overview_constraints(ovschema, ovtable, ovcolumn, refschema, reftable, refcolumn, ovfactor)
$$;
COMMENT ON FUNCTION @extschema@.addoverviewconstraints(name, name, name, name, name, name, integer) IS
  'args: ovschema, ovtable, ovcolumn, refschema, reftable, refcolumn, ovfactor - Tag a raster column as being an overview of another.';

CREATE FUNCTION @extschema@.addoverviewconstraints(ovtable name, ovcolumn name, reftable name,
    refcolumn name, ovfactor integer) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@.addoverviewconstraints(''::name, ovtable, ovcolumn, ''::name, reftable, refcolumn, ovfactor);
COMMENT ON FUNCTION @extschema@.addoverviewconstraints(name, name, name, name, integer) IS
  'args: ovtable, ovcolumn, reftable, refcolumn, ovfactor - Tag a raster column as being an overview of another (tables found on the search_path).';

CREATE FUNCTION @extschema@.dropoverviewconstraints(ovschema name, ovtable name, ovcolumn name)
RETURNS boolean
LANGUAGE plpython3u VOLATILE STRICT AS $$
from plraster.sqlapi import catalog
return catalog.drop_overview_constraints(ovschema, ovtable, ovcolumn)
$$;
COMMENT ON FUNCTION @extschema@.dropoverviewconstraints(name, name, name) IS
  'args: ovschema, ovtable, ovcolumn - Untag a raster column from being an overview of another.';

CREATE FUNCTION @extschema@.dropoverviewconstraints(ovtable name, ovcolumn name) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@.dropoverviewconstraints(''::name, ovtable, ovcolumn);
COMMENT ON FUNCTION @extschema@.dropoverviewconstraints(name, name) IS
  'args: ovtable, ovcolumn - Untag a raster column from being an overview of another (table found on the search_path).';

-- ---- UpdateRasterSRID ----

CREATE FUNCTION @extschema@._updaterastersrid(schema_name name, table_name name, column_name name,
    new_srid integer) RETURNS boolean
LANGUAGE plpython3u VOLATILE AS $$
from plraster.sqlapi import catalog
return catalog.update_raster_srid(schema_name, table_name, column_name, new_srid)
$$;
COMMENT ON FUNCTION @extschema@._updaterastersrid(name, name, name, integer) IS
  'args: schema_name, table_name, column_name, new_srid - UpdateRasterSRID''s work';

CREATE FUNCTION @extschema@.updaterastersrid(schema_name name, table_name name, column_name name,
    new_srid integer) RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._updaterastersrid(schema_name, table_name, column_name, new_srid);
COMMENT ON FUNCTION @extschema@.updaterastersrid(name, name, name, integer) IS
  'args: schema_name, table_name, column_name, new_srid - Change the SRID of all rasters in the user-specified column and table.';

CREATE FUNCTION @extschema@.updaterastersrid(table_name name, column_name name, new_srid integer)
RETURNS boolean
LANGUAGE sql VOLATILE STRICT
RETURN @extschema@._updaterastersrid(''::name, table_name, column_name, new_srid);
COMMENT ON FUNCTION @extschema@.updaterastersrid(name, name, integer) IS
  'args: table_name, column_name, new_srid - Change the SRID of all rasters in the user-specified column and table (found on the search_path).';
-- ---- the catalogs ----

-- The store: one row per raster column of a table, view, materialized view, foreign or
-- partitioned table, keyed by the relation and column number; the names are kept up to
-- date by the event triggers. Only the extension's owner writes it.
CREATE TABLE @extschema@._plraster_raster_columns (
  relid oid NOT NULL,
  attnum smallint NOT NULL,
  nspoid oid NOT NULL,
  r_table_schema name NOT NULL,
  r_table_name name NOT NULL,
  r_raster_column name NOT NULL,
  srid integer,
  scale_x double precision,
  scale_y double precision,
  blocksize_x integer,
  blocksize_y integer,
  same_alignment boolean,
  regular_blocking boolean,
  num_bands integer,
  pixel_types text[] COLLATE "C",
  nodata_values double precision[],
  out_db boolean[],
  extent geometry,
  spatial_index boolean,
  PRIMARY KEY (relid, attnum));
CREATE INDEX ON @extschema@._plraster_raster_columns (nspoid);
COMMENT ON TABLE @extschema@._plraster_raster_columns IS
  'What raster_columns shows, one row per raster column, kept by plraster''s event triggers';

-- One row per raster column of a table and per overview constraint of that table (as
-- PostGIS's view joins them).
CREATE TABLE @extschema@._plraster_raster_overviews (
  relid oid NOT NULL,
  attnum smallint NOT NULL,
  nspoid oid NOT NULL,
  seq integer NOT NULL,
  o_table_schema name NOT NULL,
  o_table_name name NOT NULL,
  o_raster_column name NOT NULL,
  r_table_schema name COLLATE "default",
  r_table_name name COLLATE "default",
  r_raster_column name COLLATE "default",
  overview_factor integer,
  PRIMARY KEY (relid, attnum, seq));
COMMENT ON TABLE @extschema@._plraster_raster_overviews IS
  'What raster_overviews shows, kept by plraster''s event triggers';

CREATE VIEW @extschema@.raster_columns WITH (security_barrier) AS
SELECT current_database() AS r_table_catalog, s.r_table_schema, s.r_table_name,
       s.r_raster_column, s.srid, s.scale_x, s.scale_y, s.blocksize_x, s.blocksize_y,
       s.same_alignment, s.regular_blocking, s.num_bands, s.pixel_types, s.nodata_values,
       s.out_db, s.extent, s.spatial_index
FROM @extschema@._plraster_raster_columns s
WHERE NOT pg_is_other_temp_schema(s.nspoid) AND has_column_privilege(s.relid, s.attnum, 'SELECT');
COMMENT ON VIEW @extschema@.raster_columns IS
  'The raster columns the user may select, with what their constraints enforce (PostGIS''s raster_columns)';
GRANT SELECT ON @extschema@.raster_columns TO PUBLIC;

CREATE VIEW @extschema@.raster_overviews WITH (security_barrier) AS
SELECT current_database() AS o_table_catalog, s.o_table_schema, s.o_table_name,
       s.o_raster_column, current_database() AS r_table_catalog, s.r_table_schema,
       s.r_table_name, s.r_raster_column, s.overview_factor
FROM @extschema@._plraster_raster_overviews s
WHERE NOT pg_is_other_temp_schema(s.nspoid) AND has_column_privilege(s.relid, s.attnum, 'SELECT');
COMMENT ON VIEW @extschema@.raster_overviews IS
  'The overview raster columns the user may select, with the column and factor they are overviews of (PostGIS''s raster_overviews)';
GRANT SELECT ON @extschema@.raster_overviews TO PUBLIC;

-- The overview constraint: the reference column must be in raster_columns.
CREATE FUNCTION @extschema@._overview_constraint(ov @extschema@.raster, factor integer,
    refschema name, reftable name, refcolumn name) RETURNS boolean
LANGUAGE sql STABLE
RETURN COALESCE((SELECT true FROM @extschema@.raster_columns c
                 WHERE c.r_table_catalog = current_database() AND c.r_table_schema = refschema
                   AND c.r_table_name = reftable AND c.r_raster_column = refcolumn), false);
COMMENT ON FUNCTION @extschema@._overview_constraint(@extschema@.raster, integer, name, name, name) IS
  'args: ov, factor, refschema, reftable, refcolumn - True when the reference raster column exists (enforce_overview_<column>)';

-- ---- keeping the store ----

CREATE FUNCTION @extschema@._plraster_catalog_refresh(relids oid[]) RETURNS integer
LANGUAGE plpython3u VOLATILE STRICT SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
from plraster.sqlapi import catalog
return catalog.refresh(relids)
$$;
COMMENT ON FUNCTION @extschema@._plraster_catalog_refresh(oid[]) IS
  'args: relids - Recomputes the raster_columns and raster_overviews rows of these relations and their children';
REVOKE ALL ON FUNCTION @extschema@._plraster_catalog_refresh(oid[]) FROM PUBLIC;

CREATE FUNCTION @extschema@.plraster_refresh_catalogs() RETURNS integer
LANGUAGE plpython3u VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
from plraster.sqlapi import catalog
return catalog.refresh_all()
$$;
COMMENT ON FUNCTION @extschema@.plraster_refresh_catalogs() IS
  'Rebuilds raster_columns and raster_overviews from every raster column of the database; returns the number of columns';
REVOKE ALL ON FUNCTION @extschema@.plraster_refresh_catalogs() FROM PUBLIC;

-- After DDL on relations: refresh those with a raster column (or a row in the store); a
-- renamed schema refreshes its rows. Anything else returns after one catalog lookup.
CREATE FUNCTION @extschema@._plraster_catalog_ddl_end() RETURNS event_trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  relids oid[];
BEGIN
  SELECT array_agg(DISTINCT r.relid) INTO relids
  FROM (SELECT COALESCE(i.indrelid, d.objid) AS relid
        FROM pg_event_trigger_ddl_commands() d
        LEFT JOIN pg_index i ON i.indexrelid = d.objid
        WHERE d.classid = 'pg_class'::regclass
        UNION ALL
        SELECT s.relid
        FROM pg_event_trigger_ddl_commands() d
        JOIN @extschema@._plraster_raster_columns s ON s.nspoid = d.objid
        WHERE d.classid = 'pg_namespace'::regclass) r
  WHERE EXISTS (SELECT FROM pg_attribute a
                WHERE a.attrelid = r.relid AND a.atttypid = '@extschema@.raster'::regtype)
     OR EXISTS (SELECT FROM @extschema@._plraster_raster_columns s WHERE s.relid = r.relid);
  IF relids IS NOT NULL THEN
    PERFORM @extschema@._plraster_catalog_refresh(relids);
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@._plraster_catalog_ddl_end() IS
  'Event trigger: refreshes the raster catalogs after DDL on a relation with a raster column';

-- After a drop: relations, columns, constraints, indexes or schemas that the store has rows for.
CREATE FUNCTION @extschema@._plraster_catalog_sql_drop() RETURNS event_trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  relids oid[];
BEGIN
  SELECT array_agg(DISTINCT r.relid) INTO relids
  FROM (SELECT s.relid FROM pg_event_trigger_dropped_objects() d
        JOIN @extschema@._plraster_raster_columns s
          ON d.classid = 'pg_class'::regclass AND s.relid = d.objid
        UNION ALL
        SELECT s.relid FROM pg_event_trigger_dropped_objects() d
        JOIN @extschema@._plraster_raster_columns s
          ON d.classid = 'pg_namespace'::regclass AND s.nspoid = d.objid
        UNION ALL
        SELECT s.relid FROM pg_event_trigger_dropped_objects() d
        JOIN @extschema@._plraster_raster_columns s
          ON d.object_type = 'table constraint' AND s.r_table_schema = d.address_names[1]
         AND s.r_table_name = d.address_names[2]
        UNION ALL
        SELECT s.relid FROM pg_event_trigger_dropped_objects() d
        JOIN @extschema@._plraster_raster_columns s
          ON d.object_type = 'index' AND s.r_table_schema = d.schema_name AND s.spatial_index) r;
  IF relids IS NOT NULL THEN
    PERFORM @extschema@._plraster_catalog_refresh(relids);
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@._plraster_catalog_sql_drop() IS
  'Event trigger: refreshes the raster catalogs after a drop that touches a raster column''s relation';

CREATE EVENT TRIGGER plraster_catalog_ddl ON ddl_command_end
  WHEN TAG IN ('CREATE TABLE', 'CREATE TABLE AS', 'SELECT INTO', 'ALTER TABLE',
               'CREATE VIEW', 'ALTER VIEW', 'CREATE MATERIALIZED VIEW',
               'ALTER MATERIALIZED VIEW', 'CREATE FOREIGN TABLE', 'ALTER FOREIGN TABLE',
               'IMPORT FOREIGN SCHEMA', 'CREATE INDEX', 'ALTER INDEX', 'CREATE SCHEMA',
               'ALTER SCHEMA')
  EXECUTE FUNCTION @extschema@._plraster_catalog_ddl_end();

CREATE EVENT TRIGGER plraster_catalog_drop ON sql_drop
  EXECUTE FUNCTION @extschema@._plraster_catalog_sql_drop();


-- from sql/82-spatial.sql
-- Spatial operators, the spatial relationship functions and GiST index use for rasters.
--
-- As in PostGIS, every operator compares the bounding boxes of the rasters' convex hulls,
-- and the operator functions are SQL that the planner inlines: `rast && geom` becomes
-- `@extschema@.st_convexhull(rast) && geom`, which is the expression of the GiST index
-- that raster2pgsql -I makes (`USING gist (st_convexhull(rast))`), so the index is used.
-- The geometry operators ignore SRIDs, as PostGIS's do: `rast && ST_GeomFromText(wkt)`
-- with a geometry without SRID (what GDAL sends) compares the boxes.
--
-- The relationship functions take PostGIS's forms. Without bands they apply PostGIS's
-- geometry predicates to the convex hulls; with bands, to the bands' surfaces (the pixels
-- that are not nodata), which plraster builds in Python and GEOS dissolves (ST_UnaryUnion).
-- Only the public forms are inlinable wrappers (index use); the band forms do the work.

-- Operators between rasters: the boxes of the two convex hulls.

CREATE FUNCTION @extschema@.raster_overleft(@extschema@.raster, @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 100
RETURN @extschema@.st_convexhull($1) &< @extschema@.st_convexhull($2);
COMMENT ON FUNCTION @extschema@.raster_overleft(@extschema@.raster, @extschema@.raster) IS
  'The &< operator: true when the bounding box of the first raster is over or to the left of the second''s.';

CREATE FUNCTION @extschema@.raster_overright(@extschema@.raster, @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 100
RETURN @extschema@.st_convexhull($1) &> @extschema@.st_convexhull($2);
COMMENT ON FUNCTION @extschema@.raster_overright(@extschema@.raster, @extschema@.raster) IS
  'The &> operator: true when the bounding box of the first raster is over or to the right of the second''s.';

CREATE FUNCTION @extschema@.raster_left(@extschema@.raster, @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 100
RETURN @extschema@.st_convexhull($1) << @extschema@.st_convexhull($2);
COMMENT ON FUNCTION @extschema@.raster_left(@extschema@.raster, @extschema@.raster) IS
  'The << operator: true when the bounding box of the first raster is strictly to the left of the second''s.';

CREATE FUNCTION @extschema@.raster_right(@extschema@.raster, @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 100
RETURN @extschema@.st_convexhull($1) >> @extschema@.st_convexhull($2);
COMMENT ON FUNCTION @extschema@.raster_right(@extschema@.raster, @extschema@.raster) IS
  'The >> operator: true when the bounding box of the first raster is strictly to the right of the second''s.';

CREATE FUNCTION @extschema@.raster_overabove(@extschema@.raster, @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 100
RETURN @extschema@.st_convexhull($1) |&> @extschema@.st_convexhull($2);
COMMENT ON FUNCTION @extschema@.raster_overabove(@extschema@.raster, @extschema@.raster) IS
  'The |&> operator: true when the bounding box of the first raster is over or above the second''s.';

CREATE FUNCTION @extschema@.raster_overbelow(@extschema@.raster, @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 100
RETURN @extschema@.st_convexhull($1) &<| @extschema@.st_convexhull($2);
COMMENT ON FUNCTION @extschema@.raster_overbelow(@extschema@.raster, @extschema@.raster) IS
  'The &<| operator: true when the bounding box of the first raster is over or below the second''s.';

CREATE FUNCTION @extschema@.raster_above(@extschema@.raster, @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 100
RETURN @extschema@.st_convexhull($1) |>> @extschema@.st_convexhull($2);
COMMENT ON FUNCTION @extschema@.raster_above(@extschema@.raster, @extschema@.raster) IS
  'The |>> operator: true when the bounding box of the first raster is strictly above the second''s.';

CREATE FUNCTION @extschema@.raster_below(@extschema@.raster, @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 100
RETURN @extschema@.st_convexhull($1) <<| @extschema@.st_convexhull($2);
COMMENT ON FUNCTION @extschema@.raster_below(@extschema@.raster, @extschema@.raster) IS
  'The <<| operator: true when the bounding box of the first raster is strictly below the second''s.';

CREATE FUNCTION @extschema@.raster_same(@extschema@.raster, @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 100
RETURN @extschema@.st_convexhull($1) ~= @extschema@.st_convexhull($2);
COMMENT ON FUNCTION @extschema@.raster_same(@extschema@.raster, @extschema@.raster) IS
  'The ~= operator: true when the bounding box of the first raster is the same as the second''s.';

CREATE FUNCTION @extschema@.raster_contained(@extschema@.raster, @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 100
RETURN @extschema@.st_convexhull($1) @ @extschema@.st_convexhull($2);
COMMENT ON FUNCTION @extschema@.raster_contained(@extschema@.raster, @extschema@.raster) IS
  'The @ operator: true when the bounding box of the first raster is contained by the second''s.';

CREATE FUNCTION @extschema@.raster_contain(@extschema@.raster, @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 100
RETURN @extschema@.st_convexhull($1) ~ @extschema@.st_convexhull($2);
COMMENT ON FUNCTION @extschema@.raster_contain(@extschema@.raster, @extschema@.raster) IS
  'The ~ operator: true when the bounding box of the first raster contains the second''s.';

CREATE FUNCTION @extschema@.raster_overlap(@extschema@.raster, @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 100
RETURN @extschema@.st_convexhull($1) && @extschema@.st_convexhull($2);
COMMENT ON FUNCTION @extschema@.raster_overlap(@extschema@.raster, @extschema@.raster) IS
  'The && operator: true when the bounding box of the first raster overlaps the second''s.';

CREATE OPERATOR @extschema@.&< (
  LEFTARG = @extschema@.raster, RIGHTARG = @extschema@.raster, PROCEDURE = @extschema@.raster_overleft,
  COMMUTATOR = OPERATOR(@extschema@.&>), RESTRICT = positionsel, JOIN = positionjoinsel);
CREATE OPERATOR @extschema@.&> (
  LEFTARG = @extschema@.raster, RIGHTARG = @extschema@.raster, PROCEDURE = @extschema@.raster_overright,
  COMMUTATOR = OPERATOR(@extschema@.&<), RESTRICT = positionsel, JOIN = positionjoinsel);
CREATE OPERATOR @extschema@.<< (
  LEFTARG = @extschema@.raster, RIGHTARG = @extschema@.raster, PROCEDURE = @extschema@.raster_left,
  COMMUTATOR = OPERATOR(@extschema@.>>), RESTRICT = positionsel, JOIN = positionjoinsel);
CREATE OPERATOR @extschema@.>> (
  LEFTARG = @extschema@.raster, RIGHTARG = @extschema@.raster, PROCEDURE = @extschema@.raster_right,
  COMMUTATOR = OPERATOR(@extschema@.<<), RESTRICT = positionsel, JOIN = positionjoinsel);
CREATE OPERATOR @extschema@.|&> (
  LEFTARG = @extschema@.raster, RIGHTARG = @extschema@.raster, PROCEDURE = @extschema@.raster_overabove,
  COMMUTATOR = OPERATOR(@extschema@.&<|), RESTRICT = positionsel, JOIN = positionjoinsel);
CREATE OPERATOR @extschema@.&<| (
  LEFTARG = @extschema@.raster, RIGHTARG = @extschema@.raster, PROCEDURE = @extschema@.raster_overbelow,
  COMMUTATOR = OPERATOR(@extschema@.|&>), RESTRICT = positionsel, JOIN = positionjoinsel);
CREATE OPERATOR @extschema@.|>> (
  LEFTARG = @extschema@.raster, RIGHTARG = @extschema@.raster, PROCEDURE = @extschema@.raster_above,
  COMMUTATOR = OPERATOR(@extschema@.<<|), RESTRICT = positionsel, JOIN = positionjoinsel);
CREATE OPERATOR @extschema@.<<| (
  LEFTARG = @extschema@.raster, RIGHTARG = @extschema@.raster, PROCEDURE = @extschema@.raster_below,
  COMMUTATOR = OPERATOR(@extschema@.|>>), RESTRICT = positionsel, JOIN = positionjoinsel);
CREATE OPERATOR @extschema@.~= (
  LEFTARG = @extschema@.raster, RIGHTARG = @extschema@.raster, PROCEDURE = @extschema@.raster_same,
  COMMUTATOR = OPERATOR(@extschema@.~=), RESTRICT = eqsel, JOIN = eqjoinsel);
CREATE OPERATOR @extschema@.@ (
  LEFTARG = @extschema@.raster, RIGHTARG = @extschema@.raster, PROCEDURE = @extschema@.raster_contained,
  COMMUTATOR = OPERATOR(@extschema@.~), RESTRICT = contsel, JOIN = contjoinsel);
CREATE OPERATOR @extschema@.~ (
  LEFTARG = @extschema@.raster, RIGHTARG = @extschema@.raster, PROCEDURE = @extschema@.raster_contain,
  COMMUTATOR = OPERATOR(@extschema@.@), RESTRICT = contsel, JOIN = contjoinsel);
CREATE OPERATOR @extschema@.&& (
  LEFTARG = @extschema@.raster, RIGHTARG = @extschema@.raster, PROCEDURE = @extschema@.raster_overlap,
  COMMUTATOR = OPERATOR(@extschema@.&&), RESTRICT = contsel, JOIN = contjoinsel);

-- Operators between a raster and a geometry, both ways round.

CREATE FUNCTION @extschema@.raster_geometry_overlap(@extschema@.raster, geometry) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 100
RETURN @extschema@.st_convexhull($1) && $2;
COMMENT ON FUNCTION @extschema@.raster_geometry_overlap(@extschema@.raster, geometry) IS
  'The && operator: true when the bounding box of the raster overlaps the geometry''s.';

CREATE FUNCTION @extschema@.raster_geometry_contain(@extschema@.raster, geometry) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 100
RETURN @extschema@.st_convexhull($1) ~ $2;
COMMENT ON FUNCTION @extschema@.raster_geometry_contain(@extschema@.raster, geometry) IS
  'The ~ operator: true when the bounding box of the raster contains the geometry''s.';

CREATE FUNCTION @extschema@.raster_contained_by_geometry(@extschema@.raster, geometry) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 100
RETURN @extschema@.st_convexhull($1) @ $2;
COMMENT ON FUNCTION @extschema@.raster_contained_by_geometry(@extschema@.raster, geometry) IS
  'The @ operator: true when the bounding box of the raster is contained by the geometry''s.';

CREATE FUNCTION @extschema@.geometry_raster_overlap(geometry, @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 100
RETURN $1 && @extschema@.st_convexhull($2);
COMMENT ON FUNCTION @extschema@.geometry_raster_overlap(geometry, @extschema@.raster) IS
  'The && operator: true when the bounding box of the geometry overlaps the raster''s.';

CREATE FUNCTION @extschema@.geometry_raster_contain(geometry, @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 100
RETURN $1 ~ @extschema@.st_convexhull($2);
COMMENT ON FUNCTION @extschema@.geometry_raster_contain(geometry, @extschema@.raster) IS
  'The ~ operator: true when the bounding box of the geometry contains the raster''s.';

CREATE FUNCTION @extschema@.geometry_contained_by_raster(geometry, @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 100
RETURN $1 @ @extschema@.st_convexhull($2);
COMMENT ON FUNCTION @extschema@.geometry_contained_by_raster(geometry, @extschema@.raster) IS
  'The @ operator: true when the bounding box of the geometry is contained by the raster''s.';

CREATE OPERATOR @extschema@.&& (
  LEFTARG = @extschema@.raster, RIGHTARG = geometry, PROCEDURE = @extschema@.raster_geometry_overlap,
  COMMUTATOR = OPERATOR(@extschema@.&&), RESTRICT = contsel, JOIN = contjoinsel);
CREATE OPERATOR @extschema@.~ (
  LEFTARG = @extschema@.raster, RIGHTARG = geometry, PROCEDURE = @extschema@.raster_geometry_contain,
  COMMUTATOR = OPERATOR(@extschema@.@), RESTRICT = contsel, JOIN = contjoinsel);
CREATE OPERATOR @extschema@.@ (
  LEFTARG = @extschema@.raster, RIGHTARG = geometry, PROCEDURE = @extschema@.raster_contained_by_geometry,
  COMMUTATOR = OPERATOR(@extschema@.~), RESTRICT = contsel, JOIN = contjoinsel);
CREATE OPERATOR @extschema@.&& (
  LEFTARG = geometry, RIGHTARG = @extschema@.raster, PROCEDURE = @extschema@.geometry_raster_overlap,
  COMMUTATOR = OPERATOR(@extschema@.&&), RESTRICT = contsel, JOIN = contjoinsel);
CREATE OPERATOR @extschema@.~ (
  LEFTARG = geometry, RIGHTARG = @extschema@.raster, PROCEDURE = @extschema@.geometry_raster_contain,
  COMMUTATOR = OPERATOR(@extschema@.@), RESTRICT = contsel, JOIN = contjoinsel);
CREATE OPERATOR @extschema@.@ (
  LEFTARG = geometry, RIGHTARG = @extschema@.raster, PROCEDURE = @extschema@.geometry_contained_by_raster,
  COMMUTATOR = OPERATOR(@extschema@.~), RESTRICT = contsel, JOIN = contjoinsel);

-- Equality, as PostGIS's raster_eq: the same raster once stored, whatever the byte order
-- or trailing bytes of the WKB. Little-endian WKB with different headers is unequal
-- without a call into Python.

CREATE FUNCTION @extschema@._plpy__plraster_raster_eq(rast1 bytea, rast2 bytea) RETURNS boolean
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import relations
return relations.equal(rast1, rast2)
$$;
COMMENT ON FUNCTION @extschema@._plpy__plraster_raster_eq(bytea, bytea) IS
  'PL/Python body of _plraster_raster_eq, on raster bytes as bytea';
CREATE FUNCTION @extschema@._plraster_raster_eq(rast1 @extschema@.raster, rast2 @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy__plraster_raster_eq(rast1, rast2);
COMMENT ON FUNCTION @extschema@._plraster_raster_eq(@extschema@.raster, @extschema@.raster) IS
  'args: rast1, rast2 - True when the two rasters are the same once stored (little-endian, without trailing bytes).';

CREATE FUNCTION @extschema@.raster_eq(@extschema@.raster, @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 100
RETURN CASE WHEN $1::bytea = $2::bytea THEN true
            WHEN get_byte($1::bytea, 0) = 1 AND get_byte($2::bytea, 0) = 1
                 AND substring($1::bytea FROM 1 FOR 61) <> substring($2::bytea FROM 1 FOR 61)
            THEN false
            ELSE @extschema@._plraster_raster_eq($1, $2) END;
COMMENT ON FUNCTION @extschema@.raster_eq(@extschema@.raster, @extschema@.raster) IS
  'The = operator: true when the two rasters are the same raster.';

CREATE FUNCTION @extschema@._plpy_raster_hash(bytea) RETURNS integer
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import relations
return relations.hash_value(args[0])
$$;
COMMENT ON FUNCTION @extschema@._plpy_raster_hash(bytea) IS
  'PL/Python body of raster_hash, on raster bytes as bytea';
CREATE FUNCTION @extschema@.raster_hash(@extschema@.raster) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy_raster_hash($1);
COMMENT ON FUNCTION @extschema@.raster_hash(@extschema@.raster) IS
  'Hash of a raster, equal for rasters that = finds equal (the hash operator class).';

CREATE OPERATOR @extschema@.= (
  LEFTARG = @extschema@.raster, RIGHTARG = @extschema@.raster, PROCEDURE = @extschema@.raster_eq,
  COMMUTATOR = OPERATOR(@extschema@.=), RESTRICT = eqsel, JOIN = eqjoinsel);

CREATE OPERATOR CLASS @extschema@.hash_raster_ops DEFAULT FOR TYPE @extschema@.raster USING hash AS
  OPERATOR 1 @extschema@.= ,
  FUNCTION 1 @extschema@.raster_hash(@extschema@.raster);

-- The pixel surfaces the band forms compare (see plraster.relations).

CREATE FUNCTION @extschema@._plpy__plraster_band_surfaces(rast1 bytea, nband1 integer, rast2 bytea, nband2 integer, distance double precision) RETURNS geometry[]
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import relations
return relations.band_surfaces(rast1, nband1, rast2, nband2, distance)
$$;
COMMENT ON FUNCTION @extschema@._plpy__plraster_band_surfaces(bytea, integer, bytea, integer, double precision) IS
  'PL/Python body of _plraster_band_surfaces, on raster bytes as bytea';
CREATE FUNCTION @extschema@._plraster_band_surfaces(rast1 @extschema@.raster, nband1 integer,
    rast2 @extschema@.raster, nband2 integer, distance double precision DEFAULT NULL) RETURNS geometry[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy__plraster_band_surfaces(rast1, nband1, rast2, nband2, distance);
COMMENT ON FUNCTION @extschema@._plraster_band_surfaces(@extschema@.raster, integer, @extschema@.raster, integer, double precision) IS
  'args: rast1, nband1, rast2, nband2, distance=NULL - The surfaces (pixels that are not nodata, as rectangles) of two bands, after PostGIS''s checks of bands, distance and SRIDs.';

CREATE FUNCTION @extschema@._plpy__plraster_hull_decides(rast bytea, nband integer, geomsrid integer) RETURNS boolean
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import relations
return relations.hull_decides(rast, nband, geomsrid)
$$;
COMMENT ON FUNCTION @extschema@._plpy__plraster_hull_decides(bytea, integer, integer) IS
  'PL/Python body of _plraster_hull_decides, on raster bytes as bytea';
CREATE FUNCTION @extschema@._plraster_hull_decides(rast @extschema@.raster, nband integer, geomsrid integer) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy__plraster_hull_decides(rast, nband, geomsrid);
COMMENT ON FUNCTION @extschema@._plraster_hull_decides(@extschema@.raster, integer, integer) IS
  'args: rast, nband, geomsrid - For ST_Intersects(geometry, raster, nband): false when the band''s nodata pixels must be looked at; raises when the SRIDs differ.';

CREATE FUNCTION @extschema@._plpy__plraster_data_surface(rast bytea, nband integer) RETURNS geometry
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import relations
return relations.data_surface(rast, nband)
$$;
COMMENT ON FUNCTION @extschema@._plpy__plraster_data_surface(bytea, integer) IS
  'PL/Python body of _plraster_data_surface, on raster bytes as bytea';
CREATE FUNCTION @extschema@._plraster_data_surface(rast @extschema@.raster, nband integer) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy__plraster_data_surface(rast, nband);
COMMENT ON FUNCTION @extschema@._plraster_data_surface(@extschema@.raster, integer) IS
  'args: rast, nband - The pixels of a band that are not nodata, as rectangles (NULL with a NOTICE when there are none).';

-- The band forms: PostGIS's geometry predicate on the two bands' surfaces. STRICT, as
-- PostGIS's; the public forms below call them only when both bands are given.

CREATE FUNCTION @extschema@._st_intersects(rast1 @extschema@.raster, nband1 integer, rast2 @extschema@.raster, nband2 integer)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000
BEGIN ATOMIC
  SELECT _st_intersects(ST_UnaryUnion(s[1]), ST_UnaryUnion(s[2]))
    FROM (SELECT @extschema@._plraster_band_surfaces(rast1, nband1, rast2, nband2) AS s OFFSET 0) AS q;
END;
COMMENT ON FUNCTION @extschema@._st_intersects(@extschema@.raster, integer, @extschema@.raster, integer) IS
  'args: rast1, nband1, rast2, nband2 - ST_Intersects of the two bands'' pixels that are not nodata.';

CREATE FUNCTION @extschema@._st_contains(rast1 @extschema@.raster, nband1 integer, rast2 @extschema@.raster, nband2 integer)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000
BEGIN ATOMIC
  SELECT _st_contains(ST_UnaryUnion(s[1]), ST_UnaryUnion(s[2]))
    FROM (SELECT @extschema@._plraster_band_surfaces(rast1, nband1, rast2, nband2) AS s OFFSET 0) AS q;
END;
COMMENT ON FUNCTION @extschema@._st_contains(@extschema@.raster, integer, @extschema@.raster, integer) IS
  'args: rast1, nband1, rast2, nband2 - ST_Contains of the two bands'' pixels that are not nodata.';

CREATE FUNCTION @extschema@._st_containsproperly(rast1 @extschema@.raster, nband1 integer, rast2 @extschema@.raster, nband2 integer)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000
BEGIN ATOMIC
  SELECT _st_containsproperly(ST_UnaryUnion(s[1]), ST_UnaryUnion(s[2]))
    FROM (SELECT @extschema@._plraster_band_surfaces(rast1, nband1, rast2, nband2) AS s OFFSET 0) AS q;
END;
COMMENT ON FUNCTION @extschema@._st_containsproperly(@extschema@.raster, integer, @extschema@.raster, integer) IS
  'args: rast1, nband1, rast2, nband2 - ST_Containsproperly of the two bands'' pixels that are not nodata.';

CREATE FUNCTION @extschema@._st_covers(rast1 @extschema@.raster, nband1 integer, rast2 @extschema@.raster, nband2 integer)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000
BEGIN ATOMIC
  SELECT _st_covers(ST_UnaryUnion(s[1]), ST_UnaryUnion(s[2]))
    FROM (SELECT @extschema@._plraster_band_surfaces(rast1, nband1, rast2, nband2) AS s OFFSET 0) AS q;
END;
COMMENT ON FUNCTION @extschema@._st_covers(@extschema@.raster, integer, @extschema@.raster, integer) IS
  'args: rast1, nband1, rast2, nband2 - ST_Covers of the two bands'' pixels that are not nodata.';

CREATE FUNCTION @extschema@._st_coveredby(rast1 @extschema@.raster, nband1 integer, rast2 @extschema@.raster, nband2 integer)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000
BEGIN ATOMIC
  SELECT _st_coveredby(ST_UnaryUnion(s[1]), ST_UnaryUnion(s[2]))
    FROM (SELECT @extschema@._plraster_band_surfaces(rast1, nband1, rast2, nband2) AS s OFFSET 0) AS q;
END;
COMMENT ON FUNCTION @extschema@._st_coveredby(@extschema@.raster, integer, @extschema@.raster, integer) IS
  'args: rast1, nband1, rast2, nband2 - ST_Coveredby of the two bands'' pixels that are not nodata.';

CREATE FUNCTION @extschema@._st_overlaps(rast1 @extschema@.raster, nband1 integer, rast2 @extschema@.raster, nband2 integer)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000
BEGIN ATOMIC
  SELECT _st_overlaps(ST_UnaryUnion(s[1]), ST_UnaryUnion(s[2]))
    FROM (SELECT @extschema@._plraster_band_surfaces(rast1, nband1, rast2, nband2) AS s OFFSET 0) AS q;
END;
COMMENT ON FUNCTION @extschema@._st_overlaps(@extschema@.raster, integer, @extschema@.raster, integer) IS
  'args: rast1, nband1, rast2, nband2 - ST_Overlaps of the two bands'' pixels that are not nodata.';

CREATE FUNCTION @extschema@._st_touches(rast1 @extschema@.raster, nband1 integer, rast2 @extschema@.raster, nband2 integer)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000
BEGIN ATOMIC
  SELECT _st_touches(ST_UnaryUnion(s[1]), ST_UnaryUnion(s[2]))
    FROM (SELECT @extschema@._plraster_band_surfaces(rast1, nband1, rast2, nband2) AS s OFFSET 0) AS q;
END;
COMMENT ON FUNCTION @extschema@._st_touches(@extschema@.raster, integer, @extschema@.raster, integer) IS
  'args: rast1, nband1, rast2, nband2 - ST_Touches of the two bands'' pixels that are not nodata.';

CREATE FUNCTION @extschema@._st_within(rast1 @extschema@.raster, nband1 integer, rast2 @extschema@.raster, nband2 integer)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN @extschema@._st_contains(rast2, nband2, rast1, nband1);
COMMENT ON FUNCTION @extschema@._st_within(@extschema@.raster, integer, @extschema@.raster, integer) IS
  'args: rast1, nband1, rast2, nband2 - ST_Within of the two bands'' pixels that are not nodata.';

CREATE FUNCTION @extschema@._st_dwithin(rast1 @extschema@.raster, nband1 integer, rast2 @extschema@.raster, nband2 integer,
    distance double precision)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000
BEGIN ATOMIC
  SELECT _st_dwithin(ST_UnaryUnion(s[1]), ST_UnaryUnion(s[2]), distance)
    FROM (SELECT @extschema@._plraster_band_surfaces(rast1, nband1, rast2, nband2, distance) AS s OFFSET 0) AS q;
END;
COMMENT ON FUNCTION @extschema@._st_dwithin(@extschema@.raster, integer, @extschema@.raster, integer, double precision) IS
  'args: rast1, nband1, rast2, nband2, distance - ST_DWithin of the two bands'' pixels that are not nodata.';

CREATE FUNCTION @extschema@._st_dfullywithin(rast1 @extschema@.raster, nband1 integer, rast2 @extschema@.raster, nband2 integer,
    distance double precision)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000
BEGIN ATOMIC
  SELECT _st_dfullywithin(ST_UnaryUnion(s[1]), ST_UnaryUnion(s[2]), distance)
    FROM (SELECT @extschema@._plraster_band_surfaces(rast1, nband1, rast2, nband2, distance) AS s OFFSET 0) AS q;
END;
COMMENT ON FUNCTION @extschema@._st_dfullywithin(@extschema@.raster, integer, @extschema@.raster, integer, double precision) IS
  'args: rast1, nband1, rast2, nband2, distance - ST_DFullyWithin of the two bands'' pixels that are not nodata.';

-- PostGIS's geometry functions refuse a negative tolerance and mixed SRIDs with an
-- internal error (XX000); plraster checks first, in the same order, and raises a data
-- exception with the same words. The error functions take the rasters so that the planner
-- folds them only when the whole test is constant (a folded call raises at plan time).

CREATE FUNCTION @extschema@._plpy__plraster_negative_tolerance(rast1 bytea, rast2 bytea, distance double precision) RETURNS double precision
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import relations
return relations.negative_tolerance(distance)
$$;
COMMENT ON FUNCTION @extschema@._plpy__plraster_negative_tolerance(bytea, bytea, double precision) IS
  'PL/Python body of _plraster_negative_tolerance, on raster bytes as bytea';
CREATE FUNCTION @extschema@._plraster_negative_tolerance(rast1 @extschema@.raster, rast2 @extschema@.raster,
    distance double precision) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy__plraster_negative_tolerance(rast1, rast2, distance);
COMMENT ON FUNCTION @extschema@._plraster_negative_tolerance(@extschema@.raster, @extschema@.raster, double precision) IS
  'args: rast1, rast2, distance - Raises the error for a negative distance given to ST_DWithin or ST_DFullyWithin.';

-- For mixed SRIDs, the raw SRID bytes of the two headers are compared in SQL,
-- and only when they differ does Python compare the SRIDs and raise PostGIS's message.

CREATE FUNCTION @extschema@._plpy__plraster_same_srid(rast1 bytea, rast2 bytea, fname text) RETURNS boolean
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import relations
return relations.same_srid(rast1, rast2, fname)
$$;
COMMENT ON FUNCTION @extschema@._plpy__plraster_same_srid(bytea, bytea, text) IS
  'PL/Python body of _plraster_same_srid, on raster bytes as bytea';
CREATE FUNCTION @extschema@._plraster_same_srid(rast1 @extschema@.raster, rast2 @extschema@.raster, fname text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._plpy__plraster_same_srid(rast1, rast2, fname);
COMMENT ON FUNCTION @extschema@._plraster_same_srid(@extschema@.raster, @extschema@.raster, text) IS
  'args: rast1, rast2, fname - True when the rasters have the same SRID, else the error of PostGIS''s geometry predicate fname.';


-- The public raster/raster forms, as PostGIS writes them: the && box test (index use),
-- then the convex hulls when a band is NULL, else the band form. Inlined by the planner.

CREATE FUNCTION @extschema@.st_intersects(rast1 @extschema@.raster, nband1 integer, rast2 @extschema@.raster, nband2 integer)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN rast1 OPERATOR(@extschema@.&&) rast2
   AND CASE WHEN nband1 IS NULL OR nband2 IS NULL
            THEN (substring(rast1 FROM 54 FOR 4) = substring(rast2 FROM 54 FOR 4)
                  OR @extschema@._plraster_same_srid(rast1, rast2, 'ST_Intersects')) AND _st_intersects(@extschema@.st_convexhull(rast1), @extschema@.st_convexhull(rast2))
            ELSE @extschema@._st_intersects(rast1, nband1, rast2, nband2) END;
COMMENT ON FUNCTION @extschema@.st_intersects(@extschema@.raster, integer, @extschema@.raster, integer) IS
  'args: rastA, nbandA, rastB, nbandB - Return true if raster rastA spatially intersects raster rastB.';

CREATE FUNCTION @extschema@.st_intersects(rast1 @extschema@.raster, rast2 @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN @extschema@.st_intersects(rast1, NULL::integer, rast2, NULL::integer);
COMMENT ON FUNCTION @extschema@.st_intersects(@extschema@.raster, @extschema@.raster) IS
  'args: rastA, rastB - Return true if raster rastA spatially intersects raster rastB.';

CREATE FUNCTION @extschema@.st_contains(rast1 @extschema@.raster, nband1 integer, rast2 @extschema@.raster, nband2 integer)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN rast1 OPERATOR(@extschema@.&&) rast2
   AND CASE WHEN nband1 IS NULL OR nband2 IS NULL
            THEN (substring(rast1 FROM 54 FOR 4) = substring(rast2 FROM 54 FOR 4)
                  OR @extschema@._plraster_same_srid(rast1, rast2, 'contains')) AND _st_contains(@extschema@.st_convexhull(rast1), @extschema@.st_convexhull(rast2))
            ELSE @extschema@._st_contains(rast1, nband1, rast2, nband2) END;
COMMENT ON FUNCTION @extschema@.st_contains(@extschema@.raster, integer, @extschema@.raster, integer) IS
  'args: rastA, nbandA, rastB, nbandB - Return true if no points of raster rastB lie in the exterior of raster rastA and at least one point of the interior of rastB lies in the interior of rastA.';

CREATE FUNCTION @extschema@.st_contains(rast1 @extschema@.raster, rast2 @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN @extschema@.st_contains(rast1, NULL::integer, rast2, NULL::integer);
COMMENT ON FUNCTION @extschema@.st_contains(@extschema@.raster, @extschema@.raster) IS
  'args: rastA, rastB - Return true if no points of raster rastB lie in the exterior of raster rastA and at least one point of the interior of rastB lies in the interior of rastA.';

CREATE FUNCTION @extschema@.st_containsproperly(rast1 @extschema@.raster, nband1 integer, rast2 @extschema@.raster, nband2 integer)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN rast1 OPERATOR(@extschema@.&&) rast2
   AND CASE WHEN nband1 IS NULL OR nband2 IS NULL
            THEN (substring(rast1 FROM 54 FOR 4) = substring(rast2 FROM 54 FOR 4)
                  OR @extschema@._plraster_same_srid(rast1, rast2, 'containsproperly')) AND _st_containsproperly(@extschema@.st_convexhull(rast1), @extschema@.st_convexhull(rast2))
            ELSE @extschema@._st_containsproperly(rast1, nband1, rast2, nband2) END;
COMMENT ON FUNCTION @extschema@.st_containsproperly(@extschema@.raster, integer, @extschema@.raster, integer) IS
  'args: rastA, nbandA, rastB, nbandB - Return true if rastB intersects the interior of rastA but not the boundary or exterior of rastA.';

CREATE FUNCTION @extschema@.st_containsproperly(rast1 @extschema@.raster, rast2 @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN @extschema@.st_containsproperly(rast1, NULL::integer, rast2, NULL::integer);
COMMENT ON FUNCTION @extschema@.st_containsproperly(@extschema@.raster, @extschema@.raster) IS
  'args: rastA, rastB - Return true if rastB intersects the interior of rastA but not the boundary or exterior of rastA.';

CREATE FUNCTION @extschema@.st_within(rast1 @extschema@.raster, nband1 integer, rast2 @extschema@.raster, nband2 integer)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN rast1 OPERATOR(@extschema@.&&) rast2
   AND CASE WHEN nband1 IS NULL OR nband2 IS NULL
            THEN (substring(rast1 FROM 54 FOR 4) = substring(rast2 FROM 54 FOR 4)
                  OR @extschema@._plraster_same_srid(rast1, rast2, 'within')) AND _st_within(@extschema@.st_convexhull(rast1), @extschema@.st_convexhull(rast2))
            ELSE @extschema@._st_within(rast1, nband1, rast2, nband2) END;
COMMENT ON FUNCTION @extschema@.st_within(@extschema@.raster, integer, @extschema@.raster, integer) IS
  'args: rastA, nbandA, rastB, nbandB - Return true if no points of raster rastA lie in the exterior of raster rastB and at least one point of the interior of rastA lies in the interior of rastB.';

CREATE FUNCTION @extschema@.st_within(rast1 @extschema@.raster, rast2 @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN @extschema@.st_within(rast1, NULL::integer, rast2, NULL::integer);
COMMENT ON FUNCTION @extschema@.st_within(@extschema@.raster, @extschema@.raster) IS
  'args: rastA, rastB - Return true if no points of raster rastA lie in the exterior of raster rastB and at least one point of the interior of rastA lies in the interior of rastB.';

CREATE FUNCTION @extschema@.st_covers(rast1 @extschema@.raster, nband1 integer, rast2 @extschema@.raster, nband2 integer)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN rast1 OPERATOR(@extschema@.&&) rast2
   AND CASE WHEN nband1 IS NULL OR nband2 IS NULL
            THEN (substring(rast1 FROM 54 FOR 4) = substring(rast2 FROM 54 FOR 4)
                  OR @extschema@._plraster_same_srid(rast1, rast2, 'covers')) AND _st_covers(@extschema@.st_convexhull(rast1), @extschema@.st_convexhull(rast2))
            ELSE @extschema@._st_covers(rast1, nband1, rast2, nband2) END;
COMMENT ON FUNCTION @extschema@.st_covers(@extschema@.raster, integer, @extschema@.raster, integer) IS
  'args: rastA, nbandA, rastB, nbandB - Return true if no points of raster rastB lie outside raster rastA.';

CREATE FUNCTION @extschema@.st_covers(rast1 @extschema@.raster, rast2 @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN @extschema@.st_covers(rast1, NULL::integer, rast2, NULL::integer);
COMMENT ON FUNCTION @extschema@.st_covers(@extschema@.raster, @extschema@.raster) IS
  'args: rastA, rastB - Return true if no points of raster rastB lie outside raster rastA.';

CREATE FUNCTION @extschema@.st_coveredby(rast1 @extschema@.raster, nband1 integer, rast2 @extschema@.raster, nband2 integer)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN rast1 OPERATOR(@extschema@.&&) rast2
   AND CASE WHEN nband1 IS NULL OR nband2 IS NULL
            THEN (substring(rast1 FROM 54 FOR 4) = substring(rast2 FROM 54 FOR 4)
                  OR @extschema@._plraster_same_srid(rast1, rast2, 'coveredby')) AND _st_coveredby(@extschema@.st_convexhull(rast1), @extschema@.st_convexhull(rast2))
            ELSE @extschema@._st_coveredby(rast1, nband1, rast2, nband2) END;
COMMENT ON FUNCTION @extschema@.st_coveredby(@extschema@.raster, integer, @extschema@.raster, integer) IS
  'args: rastA, nbandA, rastB, nbandB - Return true if no points of raster rastA lie outside raster rastB.';

CREATE FUNCTION @extschema@.st_coveredby(rast1 @extschema@.raster, rast2 @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN @extschema@.st_coveredby(rast1, NULL::integer, rast2, NULL::integer);
COMMENT ON FUNCTION @extschema@.st_coveredby(@extschema@.raster, @extschema@.raster) IS
  'args: rastA, rastB - Return true if no points of raster rastA lie outside raster rastB.';

CREATE FUNCTION @extschema@.st_overlaps(rast1 @extschema@.raster, nband1 integer, rast2 @extschema@.raster, nband2 integer)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN rast1 OPERATOR(@extschema@.&&) rast2
   AND CASE WHEN nband1 IS NULL OR nband2 IS NULL
            THEN (substring(rast1 FROM 54 FOR 4) = substring(rast2 FROM 54 FOR 4)
                  OR @extschema@._plraster_same_srid(rast1, rast2, 'overlaps')) AND _st_overlaps(@extschema@.st_convexhull(rast1), @extschema@.st_convexhull(rast2))
            ELSE @extschema@._st_overlaps(rast1, nband1, rast2, nband2) END;
COMMENT ON FUNCTION @extschema@.st_overlaps(@extschema@.raster, integer, @extschema@.raster, integer) IS
  'args: rastA, nbandA, rastB, nbandB - Return true if raster rastA and rastB intersect but one does not completely contain the other.';

CREATE FUNCTION @extschema@.st_overlaps(rast1 @extschema@.raster, rast2 @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN @extschema@.st_overlaps(rast1, NULL::integer, rast2, NULL::integer);
COMMENT ON FUNCTION @extschema@.st_overlaps(@extschema@.raster, @extschema@.raster) IS
  'args: rastA, rastB - Return true if raster rastA and rastB intersect but one does not completely contain the other.';

CREATE FUNCTION @extschema@.st_touches(rast1 @extschema@.raster, nband1 integer, rast2 @extschema@.raster, nband2 integer)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN rast1 OPERATOR(@extschema@.&&) rast2
   AND CASE WHEN nband1 IS NULL OR nband2 IS NULL
            THEN (substring(rast1 FROM 54 FOR 4) = substring(rast2 FROM 54 FOR 4)
                  OR @extschema@._plraster_same_srid(rast1, rast2, 'touches')) AND _st_touches(@extschema@.st_convexhull(rast1), @extschema@.st_convexhull(rast2))
            ELSE @extschema@._st_touches(rast1, nband1, rast2, nband2) END;
COMMENT ON FUNCTION @extschema@.st_touches(@extschema@.raster, integer, @extschema@.raster, integer) IS
  'args: rastA, nbandA, rastB, nbandB - Return true if raster rastA and rastB have at least one point in common but their interiors do not intersect.';

CREATE FUNCTION @extschema@.st_touches(rast1 @extschema@.raster, rast2 @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN @extschema@.st_touches(rast1, NULL::integer, rast2, NULL::integer);
COMMENT ON FUNCTION @extschema@.st_touches(@extschema@.raster, @extschema@.raster) IS
  'args: rastA, rastB - Return true if raster rastA and rastB have at least one point in common but their interiors do not intersect.';

CREATE FUNCTION @extschema@.st_disjoint(rast1 @extschema@.raster, nband1 integer, rast2 @extschema@.raster, nband2 integer)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN CASE WHEN nband1 IS NULL OR nband2 IS NULL
            THEN (substring(rast1 FROM 54 FOR 4) = substring(rast2 FROM 54 FOR 4)
                  OR @extschema@._plraster_same_srid(rast1, rast2, 'disjoint')) AND st_disjoint(@extschema@.st_convexhull(rast1), @extschema@.st_convexhull(rast2))
            ELSE NOT @extschema@._st_intersects(rast1, nband1, rast2, nband2) END;
COMMENT ON FUNCTION @extschema@.st_disjoint(@extschema@.raster, integer, @extschema@.raster, integer) IS
  'args: rastA, nbandA, rastB, nbandB - Return true if raster rastA does not spatially intersect rastB.';

CREATE FUNCTION @extschema@.st_disjoint(rast1 @extschema@.raster, rast2 @extschema@.raster) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN @extschema@.st_disjoint(rast1, NULL::integer, rast2, NULL::integer);
COMMENT ON FUNCTION @extschema@.st_disjoint(@extschema@.raster, @extschema@.raster) IS
  'args: rastA, rastB - Return true if raster rastA does not spatially intersect rastB.';

CREATE FUNCTION @extschema@.st_dwithin(rast1 @extschema@.raster, nband1 integer, rast2 @extschema@.raster, nband2 integer,
    distance double precision)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN @extschema@.st_convexhull(rast1) && ST_Expand(@extschema@.st_convexhull(rast2), distance)
   AND @extschema@.st_convexhull(rast2) && ST_Expand(@extschema@.st_convexhull(rast1), distance)
   AND CASE WHEN nband1 IS NULL OR nband2 IS NULL
            THEN CASE WHEN distance < 0
                      THEN @extschema@._plraster_negative_tolerance(rast1, rast2, distance) >= 0
                      WHEN distance IS NOT NULL
                      THEN (substring(rast1 FROM 54 FOR 4) = substring(rast2 FROM 54 FOR 4)
                  OR @extschema@._plraster_same_srid(rast1, rast2, 'LWGEOM_dwithin'))
                           AND _st_dwithin(@extschema@.st_convexhull(rast1), @extschema@.st_convexhull(rast2), distance) END
            ELSE @extschema@._st_dwithin(rast1, nband1, rast2, nband2, distance) END;
COMMENT ON FUNCTION @extschema@.st_dwithin(@extschema@.raster, integer, @extschema@.raster, integer, double precision) IS
  'args: rastA, nbandA, rastB, nbandB, distance_of_srid - Return true if rasters rastA and rastB are within the specified distance of each other.';

CREATE FUNCTION @extschema@.st_dwithin(rast1 @extschema@.raster, rast2 @extschema@.raster, distance double precision)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN @extschema@.st_dwithin(rast1, NULL::integer, rast2, NULL::integer, distance);
COMMENT ON FUNCTION @extschema@.st_dwithin(@extschema@.raster, @extschema@.raster, double precision) IS
  'args: rastA, rastB, distance_of_srid - Return true if rasters rastA and rastB are within the specified distance of each other.';

CREATE FUNCTION @extschema@.st_dfullywithin(rast1 @extschema@.raster, nband1 integer, rast2 @extschema@.raster, nband2 integer,
    distance double precision)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN @extschema@.st_convexhull(rast1) && ST_Expand(@extschema@.st_convexhull(rast2), distance)
   AND @extschema@.st_convexhull(rast2) && ST_Expand(@extschema@.st_convexhull(rast1), distance)
   AND CASE WHEN nband1 IS NULL OR nband2 IS NULL
            THEN CASE WHEN distance < 0
                      THEN @extschema@._plraster_negative_tolerance(rast1, rast2, distance) >= 0
                      WHEN distance IS NOT NULL
                      THEN (substring(rast1 FROM 54 FOR 4) = substring(rast2 FROM 54 FOR 4)
                  OR @extschema@._plraster_same_srid(rast1, rast2, 'LWGEOM_dfullywithin'))
                           AND _st_dfullywithin(@extschema@.st_convexhull(rast1), @extschema@.st_convexhull(rast2), distance) END
            ELSE @extschema@._st_dfullywithin(rast1, nband1, rast2, nband2, distance) END;
COMMENT ON FUNCTION @extschema@.st_dfullywithin(@extschema@.raster, integer, @extschema@.raster, integer, double precision) IS
  'args: rastA, nbandA, rastB, nbandB, distance_of_srid - Return true if rasters rastA and rastB are fully within the specified distance of each other.';

CREATE FUNCTION @extschema@.st_dfullywithin(rast1 @extschema@.raster, rast2 @extschema@.raster, distance double precision)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN @extschema@.st_dfullywithin(rast1, NULL::integer, rast2, NULL::integer, distance);
COMMENT ON FUNCTION @extschema@.st_dfullywithin(@extschema@.raster, @extschema@.raster, double precision) IS
  'args: rastA, rastB, distance_of_srid - Return true if rasters rastA and rastB are fully within the specified distance of each other.';

-- ST_Intersects between a raster and a geometry. Without a band, or with a band that has
-- no nodata value (or does not exist, after PostGIS's NOTICE), the convex hull decides;
-- with one, the band's pixels that are not nodata.

CREATE FUNCTION @extschema@._st_intersects(geom geometry, rast @extschema@.raster, nband integer DEFAULT NULL)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN CASE
  WHEN @extschema@._plraster_hull_decides(rast, nband, st_srid(geom))
    THEN coalesce(st_intersects(geom, @extschema@.st_convexhull(rast)), false)
  WHEN NOT coalesce(st_intersects(geom, @extschema@.st_convexhull(rast)), false) THEN false
  ELSE st_intersects(geom, ST_UnaryUnion(@extschema@._plraster_data_surface(rast, nband))) END;
COMMENT ON FUNCTION @extschema@._st_intersects(geometry, @extschema@.raster, integer) IS
  'args: geom, rast, nband=NULL - ST_Intersects of a geometry and a raster''s convex hull, or its band''s pixels that are not nodata.';

CREATE FUNCTION @extschema@.st_intersects(geom geometry, rast @extschema@.raster, nband integer DEFAULT NULL)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN geom && @extschema@.st_convexhull(rast)
   AND @extschema@._st_intersects(geom, rast, nband);
COMMENT ON FUNCTION @extschema@.st_intersects(geometry, @extschema@.raster, integer) IS
  'args: geommin, rast, nband=NULL - Return true if raster rastA spatially intersects raster rastB.';

CREATE FUNCTION @extschema@.st_intersects(rast @extschema@.raster, geom geometry, nband integer DEFAULT NULL)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN @extschema@.st_convexhull(rast) && geom
   AND @extschema@._st_intersects(geom, rast, nband);
COMMENT ON FUNCTION @extschema@.st_intersects(@extschema@.raster, geometry, integer) IS
  'args: rast, geommin, nband=NULL - Return true if raster rastA spatially intersects raster rastB.';

CREATE FUNCTION @extschema@.st_intersects(rast @extschema@.raster, nband integer, geom geometry)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN @extschema@.st_convexhull(rast) && geom
   AND @extschema@._st_intersects(geom, rast, nband);
COMMENT ON FUNCTION @extschema@.st_intersects(@extschema@.raster, integer, geometry) IS
  'args: rast, nband, geommin - Return true if raster rastA spatially intersects raster rastB.';


-- from sql/84-tiling.sql
-- Tiling and overviews: ST_Tile, ST_MakeEmptyCoverage, ST_Retile, ST_CreateOverview
-- (PostGIS 3.3 signatures). _ST_Tile does the work of every ST_Tile form, as in PostGIS.

CREATE FUNCTION @extschema@._plpy__st_tile(rast bytea, width integer, height integer, nband integer[], padwithnodata boolean, nodataval double precision) RETURNS SETOF bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE ROWS 1000 AS $$
from plraster.sqlapi import tiling
return tiling.tile(rast, width, height, nband, padwithnodata, nodataval)
$$;
COMMENT ON FUNCTION @extschema@._plpy__st_tile(bytea, integer, integer, integer[], boolean, double precision) IS
  'PL/Python body of _st_tile, on raster bytes as bytea';
CREATE FUNCTION @extschema@._st_tile(rast @extschema@.raster, width integer, height integer,
    nband integer[] DEFAULT NULL::integer[], padwithnodata boolean DEFAULT false,
    nodataval double precision DEFAULT NULL::double precision) RETURNS SETOF @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT r::@extschema@.raster FROM @extschema@._plpy__st_tile(rast, width, height, nband, padwithnodata, nodataval) AS r;
END;
COMMENT ON FUNCTION @extschema@._st_tile(@extschema@.raster, integer, integer, integer[], boolean, double precision) IS
  'Returns the tiles of a raster (the given bands, NULL for all), left to right then top to bottom; out-db bands stay out-db';

CREATE FUNCTION @extschema@.st_tile(rast @extschema@.raster, nband integer[], width integer, height integer,
    padwithnodata boolean DEFAULT false, nodataval double precision DEFAULT NULL::double precision)
RETURNS SETOF @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT @extschema@._st_tile(rast, width, height, nband, padwithnodata, nodataval);
END;
COMMENT ON FUNCTION @extschema@.st_tile(@extschema@.raster, integer[], integer, integer, boolean, double precision) IS
  'Splits the raster into tiles of width x height pixels holding the listed bands; with padwithnodata, edge tiles are full size and padded with nodata';

CREATE FUNCTION @extschema@.st_tile(rast @extschema@.raster, nband integer, width integer, height integer,
    padwithnodata boolean DEFAULT false, nodataval double precision DEFAULT NULL::double precision)
RETURNS SETOF @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT @extschema@._st_tile(rast, width, height, ARRAY[nband]::integer[], padwithnodata, nodataval);
END;
COMMENT ON FUNCTION @extschema@.st_tile(@extschema@.raster, integer, integer, integer, boolean, double precision) IS
  'Splits one band of the raster into tiles of width x height pixels; with padwithnodata, edge tiles are full size and padded with nodata';

CREATE FUNCTION @extschema@.st_tile(rast @extschema@.raster, width integer, height integer,
    padwithnodata boolean DEFAULT false, nodataval double precision DEFAULT NULL::double precision)
RETURNS SETOF @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT @extschema@._st_tile(rast, width, height, NULL::integer[], padwithnodata, nodataval);
END;
COMMENT ON FUNCTION @extschema@.st_tile(@extschema@.raster, integer, integer, boolean, double precision) IS
  'Splits the raster (all bands) into tiles of width x height pixels; with padwithnodata, edge tiles are full size and padded with nodata';

CREATE FUNCTION @extschema@._plpy_st_makeemptycoverage(tilewidth integer, tileheight integer, width integer, height integer, upperleftx double precision, upperlefty double precision, scalex double precision, scaley double precision, skewx double precision, skewy double precision, srid integer) RETURNS SETOF bytea
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE ROWS 1000 AS $$
from plraster.sqlapi import tiling
return tiling.make_empty_coverage(tilewidth, tileheight, width, height, upperleftx, upperlefty, scalex, scaley, skewx, skewy, srid)
$$;
COMMENT ON FUNCTION @extschema@._plpy_st_makeemptycoverage(integer, integer, integer, integer, double precision, double precision, double precision, double precision, double precision, double precision, integer) IS
  'PL/Python body of st_makeemptycoverage, on raster bytes as bytea';
CREATE FUNCTION @extschema@.st_makeemptycoverage(tilewidth integer, tileheight integer,
    width integer, height integer, upperleftx double precision, upperlefty double precision,
    scalex double precision, scaley double precision, skewx double precision, skewy double precision,
    srid integer DEFAULT 0) RETURNS SETOF @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1000
BEGIN ATOMIC
  SELECT r::@extschema@.raster FROM @extschema@._plpy_st_makeemptycoverage(tilewidth, tileheight, width, height, upperleftx, upperlefty, scalex, scaley, skewx, skewy, srid) AS r;
END;
COMMENT ON FUNCTION @extschema@.st_makeemptycoverage(integer, integer, integer, integer, double precision, double precision, double precision, double precision, double precision, double precision, integer) IS
  'Returns band-less tiles of tilewidth x tileheight pixels covering a width x height pixel grid with the given georeference';

CREATE FUNCTION @extschema@._plpy__plraster_retile(tab regclass, col name, xmin double precision, ymin double precision, xmax double precision, ymax double precision, sfx double precision, sfy double precision, tw integer, th integer, algo text) RETURNS SETOF bytea
LANGUAGE plpython3u STABLE STRICT ROWS 1000 AS $$
from plraster.sqlapi import tiling
return tiling.retile(tab, col, xmin, ymin, xmax, ymax, sfx, sfy, tw, th, algo)
$$;
COMMENT ON FUNCTION @extschema@._plpy__plraster_retile(regclass, name, double precision, double precision, double precision, double precision, double precision, double precision, integer, integer, text) IS
  'PL/Python body of _plraster_retile, on raster bytes as bytea';
CREATE FUNCTION @extschema@._plraster_retile(tab regclass, col name,
    xmin double precision, ymin double precision, xmax double precision, ymax double precision,
    sfx double precision, sfy double precision, tw integer, th integer, algo text) RETURNS SETOF @extschema@.raster
LANGUAGE sql STABLE STRICT ROWS 1000
BEGIN ATOMIC
  SELECT r::@extschema@.raster FROM @extschema@._plpy__plraster_retile(tab, col, xmin, ymin, xmax, ymax, sfx, sfy, tw, th, algo) AS r;
END;
COMMENT ON FUNCTION @extschema@._plraster_retile(regclass, name, double precision, double precision, double precision, double precision, double precision, double precision, integer, integer, text) IS
  'Does the work of ST_Retile over an extent given by its bounds';

CREATE FUNCTION @extschema@.st_retile(tab regclass, col name, ext geometry,
    sfx double precision, sfy double precision, tw integer, th integer,
    algo text DEFAULT 'NearestNeighbour'::text)
RETURNS SETOF @extschema@.raster
LANGUAGE sql STABLE STRICT ROWS 1000
BEGIN ATOMIC
  SELECT @extschema@._plraster_retile(tab, col, st_xmin(ext), st_ymin(ext), st_xmax(ext), st_ymax(ext),
                                      sfx, sfy, tw, th, algo);
END;
COMMENT ON FUNCTION @extschema@.st_retile(regclass, name, geometry, double precision, double precision, integer, integer, text) IS
  'Returns the tiles of a raster column re-cut on a grid of tw x th tiles of sfx x sfy pixels over ext, resampled as GDAL overviews are (NearestNeighbour, Average, Mode, Min, Max, Bilinear, Cubic, CubicSpline, Lanczos)';

-- PL/pgSQL: it mostly runs DDL and calls the catalog functions of sql/80-catalogs.sql,
-- which PL/pgSQL looks up when it runs, not when this is created.
CREATE FUNCTION @extschema@.st_createoverview(tab regclass, col name, factor integer,
    algo text DEFAULT 'NearestNeighbour'::text)
RETURNS regclass
LANGUAGE plpgsql VOLATILE STRICT AS $$
DECLARE
  info record;
  target text;
BEGIN
  SELECT r.r_table_schema AS sch, r.r_table_name AS tbl, r.scale_x, r.scale_y,
         r.blocksize_x, r.blocksize_y, r.extent
    INTO info
    FROM @extschema@.raster_columns r
    JOIN pg_catalog.pg_class c ON c.relname = r.r_table_name
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace AND n.nspname = r.r_table_schema
   WHERE c.oid = tab AND r.r_raster_column = col;
  IF NOT FOUND THEN
    RAISE EXCEPTION '%.% raster column does not exist', tab::text, col;
  END IF;
  IF info.scale_x IS NULL OR info.scale_y IS NULL THEN
    RAISE EXCEPTION 'cannot create overview without scale constraint, try select AddRasterConstraints(''%'', ''%'');', tab::text, col;
  END IF;
  IF info.blocksize_x IS NULL OR info.blocksize_y IS NULL THEN
    RAISE EXCEPTION 'cannot create overview without tilesize constraint, try select AddRasterConstraints(''%'', ''%'');', tab::text, col;
  END IF;
  IF info.extent IS NULL THEN
    RAISE EXCEPTION 'cannot create overview without extent constraint, try select AddRasterConstraints(''%'', ''%'');', tab::text, col;
  END IF;
  target := 'o_' || factor || '_' || info.tbl;
  EXECUTE format('CREATE TABLE %I.%I AS SELECT @extschema@.st_retile($1, $2, $3, $4, $5, $6, $7, $8) AS %I',
                 info.sch, target, col)
    USING tab, col, info.extent, info.scale_x * factor, info.scale_y * factor,
          info.blocksize_x, info.blocksize_y, algo;
  PERFORM @extschema@.addrasterconstraints(info.sch, target::name, col);
  PERFORM @extschema@.addoverviewconstraints(info.sch, target::name, col, info.sch, info.tbl, col, factor);
  RETURN format('%I.%I', info.sch, target)::regclass;
END;
$$;
COMMENT ON FUNCTION @extschema@.st_createoverview(regclass, name, integer, text) IS
  'Creates o_<factor>_<table> next to a raster table: its coverage retiled at factor times the scale, with the same tile size, resampled with algo; adds its raster and overview constraints and returns it';


-- from sql/86-aggregates.sql
-- Statistics and union over sets of rasters: ST_SummaryStats, ST_SummaryStatsAgg, ST_Union
-- (what QGIS runs when it opens a layer), with PostGIS 3.3's forms.
--
-- The aggregates' states are not PostGIS's `internal` (PL/Python cannot take it):
-- ST_SummaryStatsAgg keeps a float8[] of running moments; ST_Union keeps a bigint naming the
-- group's rasters, which the library collects per backend and composes once in the final
-- function (a raster state would be re-serialised whole on every row). That final function
-- releases the group, so ST_Union is declared FINALFUNC_MODIFY = READ_WRITE: PostgreSQL
-- then never shares its state or calls it as a window function.

CREATE TYPE @extschema@.summarystats AS (
  count bigint, sum double precision, mean double precision, stddev double precision,
  min double precision, max double precision);
COMMENT ON TYPE @extschema@.summarystats IS
  'postgis raster type: A composite type returned by the ST_SummaryStats and ST_SummaryStatsAgg functions.';

CREATE TYPE @extschema@.unionarg AS (nband integer, uniontype text);
COMMENT ON TYPE @extschema@.unionarg IS
  'postgis raster type: A composite type used as input into the ST_Union function defining the bands to be processed and behavior of the UNION operation.';

-- ---- ST_SummaryStats ----
CREATE FUNCTION @extschema@._plpy__st_summarystats(rast bytea, nband integer, exclude_nodata_value boolean, sample_percent double precision) RETURNS @extschema@.summarystats
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import aggregates
return aggregates.summary_stats(rast, nband, exclude_nodata_value, sample_percent)
$$;
COMMENT ON FUNCTION @extschema@._plpy__st_summarystats(bytea, integer, boolean, double precision) IS
  'PL/Python body of _st_summarystats, on raster bytes as bytea';
CREATE FUNCTION @extschema@._st_summarystats(rast @extschema@.raster, nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true, sample_percent double precision DEFAULT 1) RETURNS @extschema@.summarystats
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy__st_summarystats(rast, nband, exclude_nodata_value, sample_percent);
COMMENT ON FUNCTION @extschema@._st_summarystats(@extschema@.raster, integer, boolean, double precision) IS
  'args: rast, nband, exclude_nodata_value, sample_percent - Summary statistics of a band, of a sample of its pixels when sample_percent is between 0 and 1.';

CREATE FUNCTION @extschema@.st_summarystats(rast @extschema@.raster, nband integer DEFAULT 1,
    exclude_nodata_value boolean DEFAULT true)
RETURNS @extschema@.summarystats
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_summarystats(rast, nband, exclude_nodata_value, 1);
COMMENT ON FUNCTION @extschema@.st_summarystats(@extschema@.raster, integer, boolean) IS
  'args: rast, nband, exclude_nodata_value - Returns summarystats consisting of count, sum, mean, stddev, min, max for a given raster band of a raster or raster coverage. Band 1 is assumed is no band is specified.';

CREATE FUNCTION @extschema@.st_summarystats(rast @extschema@.raster, exclude_nodata_value boolean)
RETURNS @extschema@.summarystats
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@._st_summarystats(rast, 1, exclude_nodata_value, 1);
COMMENT ON FUNCTION @extschema@.st_summarystats(@extschema@.raster, boolean) IS
  'args: rast, exclude_nodata_value - Returns summarystats consisting of count, sum, mean, stddev, min, max for a given raster band of a raster or raster coverage. Band 1 is assumed is no band is specified.';

-- ---- ST_SummaryStatsAgg ----
-- One PL/Python transition per form (not SQL wrappers: the transition runs once per row).
CREATE FUNCTION @extschema@._plpy__st_summarystats_transfn(state double precision[], rast bytea, nband integer, exclude_nodata_value boolean, sample_percent double precision) RETURNS double precision[]
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import aggregates
return aggregates.stats_transfn(state, rast, nband, exclude_nodata_value, sample_percent)
$$;
COMMENT ON FUNCTION @extschema@._plpy__st_summarystats_transfn(double precision[], bytea, integer, boolean, double precision) IS
  'PL/Python body of _st_summarystats_transfn, on raster bytes as bytea';
CREATE FUNCTION @extschema@._st_summarystats_transfn(state double precision[],
    rast @extschema@.raster, nband integer, exclude_nodata_value boolean,
    sample_percent double precision) RETURNS double precision[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy__st_summarystats_transfn(state, rast, nband, exclude_nodata_value, sample_percent);
COMMENT ON FUNCTION @extschema@._st_summarystats_transfn(double precision[], @extschema@.raster, integer, boolean, double precision) IS
  'Transition function of ST_SummaryStatsAgg: running count, sum, moments, min and max';

CREATE FUNCTION @extschema@._plpy__st_summarystats_transfn(state double precision[], rast bytea, exclude_nodata_value boolean, sample_percent double precision) RETURNS double precision[]
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import aggregates
return aggregates.stats_transfn(state, rast, 1, exclude_nodata_value, sample_percent)
$$;
COMMENT ON FUNCTION @extschema@._plpy__st_summarystats_transfn(double precision[], bytea, boolean, double precision) IS
  'PL/Python body of _st_summarystats_transfn, on raster bytes as bytea';
CREATE FUNCTION @extschema@._st_summarystats_transfn(state double precision[],
    rast @extschema@.raster, exclude_nodata_value boolean, sample_percent double precision) RETURNS double precision[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy__st_summarystats_transfn(state, rast, exclude_nodata_value, sample_percent);
COMMENT ON FUNCTION @extschema@._st_summarystats_transfn(double precision[], @extschema@.raster, boolean, double precision) IS
  'Transition function of ST_SummaryStatsAgg (band 1)';

CREATE FUNCTION @extschema@._plpy__st_summarystats_transfn(state double precision[], rast bytea, nband integer, exclude_nodata_value boolean) RETURNS double precision[]
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import aggregates
return aggregates.stats_transfn(state, rast, nband, exclude_nodata_value, 1)
$$;
COMMENT ON FUNCTION @extschema@._plpy__st_summarystats_transfn(double precision[], bytea, integer, boolean) IS
  'PL/Python body of _st_summarystats_transfn, on raster bytes as bytea';
CREATE FUNCTION @extschema@._st_summarystats_transfn(state double precision[],
    rast @extschema@.raster, nband integer, exclude_nodata_value boolean) RETURNS double precision[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plpy__st_summarystats_transfn(state, rast, nband, exclude_nodata_value);
COMMENT ON FUNCTION @extschema@._st_summarystats_transfn(double precision[], @extschema@.raster, integer, boolean) IS
  'Transition function of ST_SummaryStatsAgg (every pixel)';

CREATE FUNCTION @extschema@._st_summarystats_finalfn(state double precision[])
RETURNS @extschema@.summarystats
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import aggregates
return aggregates.stats_finalfn(state)
$$;
COMMENT ON FUNCTION @extschema@._st_summarystats_finalfn(double precision[]) IS
  'Final function of ST_SummaryStatsAgg';

CREATE AGGREGATE @extschema@.st_summarystatsagg(@extschema@.raster, integer, boolean, double precision) (
  SFUNC = @extschema@._plpy__st_summarystats_transfn, STYPE = double precision[],
  FINALFUNC = @extschema@._st_summarystats_finalfn, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.st_summarystatsagg(@extschema@.raster, integer, boolean, double precision) IS
  'args: rast, nband, exclude_nodata_value, sample_percent - Aggregate. Returns summarystats consisting of count, sum, mean, stddev, min, max for a given raster band of a set of raster. Band 1 is assumed is no band is specified.';

CREATE AGGREGATE @extschema@.st_summarystatsagg(@extschema@.raster, boolean, double precision) (
  SFUNC = @extschema@._plpy__st_summarystats_transfn, STYPE = double precision[],
  FINALFUNC = @extschema@._st_summarystats_finalfn, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.st_summarystatsagg(@extschema@.raster, boolean, double precision) IS
  'args: rast, exclude_nodata_value, sample_percent - Aggregate. Returns summarystats consisting of count, sum, mean, stddev, min, max for a given raster band of a set of raster. Band 1 is assumed is no band is specified.';

CREATE AGGREGATE @extschema@.st_summarystatsagg(@extschema@.raster, integer, boolean) (
  SFUNC = @extschema@._plpy__st_summarystats_transfn, STYPE = double precision[],
  FINALFUNC = @extschema@._st_summarystats_finalfn, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.st_summarystatsagg(@extschema@.raster, integer, boolean) IS
  'args: rast, nband, exclude_nodata_value - Aggregate. Returns summarystats consisting of count, sum, mean, stddev, min, max for a given raster band of a set of raster. Band 1 is assumed is no band is specified.';

-- ---- ST_Union ----
-- The transitions keep per-backend state, so they are VOLATILE and PARALLEL RESTRICTED (an
-- aggregate without a combine function runs in the leader anyway).
CREATE FUNCTION @extschema@._plpy__st_union_transfn(state bigint, rast bytea) RETURNS bigint
LANGUAGE plpython3u VOLATILE PARALLEL RESTRICTED AS $$
from plraster.sqlapi import aggregates
return aggregates.union_transfn(state, rast)
$$;
COMMENT ON FUNCTION @extschema@._plpy__st_union_transfn(bigint, bytea) IS
  'PL/Python body of _st_union_transfn, on raster bytes as bytea';
CREATE FUNCTION @extschema@._st_union_transfn(state bigint, rast @extschema@.raster) RETURNS bigint
LANGUAGE sql VOLATILE PARALLEL RESTRICTED
RETURN @extschema@._plpy__st_union_transfn(state, rast);
COMMENT ON FUNCTION @extschema@._st_union_transfn(bigint, @extschema@.raster) IS
  'Transition function of ST_Union: collects the raster in the group';

CREATE FUNCTION @extschema@._plpy__st_union_transfn(state bigint, rast bytea, nband integer) RETURNS bigint
LANGUAGE plpython3u VOLATILE PARALLEL RESTRICTED AS $$
from plraster.sqlapi import aggregates
return aggregates.union_transfn(state, rast, nband)
$$;
COMMENT ON FUNCTION @extschema@._plpy__st_union_transfn(bigint, bytea, integer) IS
  'PL/Python body of _st_union_transfn, on raster bytes as bytea';
CREATE FUNCTION @extschema@._st_union_transfn(state bigint, rast @extschema@.raster, nband integer) RETURNS bigint
LANGUAGE sql VOLATILE PARALLEL RESTRICTED
RETURN @extschema@._plpy__st_union_transfn(state, rast, nband);
COMMENT ON FUNCTION @extschema@._st_union_transfn(bigint, @extschema@.raster, integer) IS
  'Transition function of ST_Union (one band, LAST)';

CREATE FUNCTION @extschema@._plpy__st_union_transfn(state bigint, rast bytea, uniontype text) RETURNS bigint
LANGUAGE plpython3u VOLATILE PARALLEL RESTRICTED AS $$
from plraster.sqlapi import aggregates
return aggregates.union_transfn(state, rast, uniontype=uniontype)
$$;
COMMENT ON FUNCTION @extschema@._plpy__st_union_transfn(bigint, bytea, text) IS
  'PL/Python body of _st_union_transfn, on raster bytes as bytea';
CREATE FUNCTION @extschema@._st_union_transfn(state bigint, rast @extschema@.raster, uniontype text) RETURNS bigint
LANGUAGE sql VOLATILE PARALLEL RESTRICTED
RETURN @extschema@._plpy__st_union_transfn(state, rast, uniontype);
COMMENT ON FUNCTION @extschema@._st_union_transfn(bigint, @extschema@.raster, text) IS
  'Transition function of ST_Union (every band, one union type)';

CREATE FUNCTION @extschema@._plpy__st_union_transfn(state bigint, rast bytea, nband integer, uniontype text) RETURNS bigint
LANGUAGE plpython3u VOLATILE PARALLEL RESTRICTED AS $$
from plraster.sqlapi import aggregates
return aggregates.union_transfn(state, rast, nband, uniontype)
$$;
COMMENT ON FUNCTION @extschema@._plpy__st_union_transfn(bigint, bytea, integer, text) IS
  'PL/Python body of _st_union_transfn, on raster bytes as bytea';
CREATE FUNCTION @extschema@._st_union_transfn(state bigint, rast @extschema@.raster,
    nband integer, uniontype text) RETURNS bigint
LANGUAGE sql VOLATILE PARALLEL RESTRICTED
RETURN @extschema@._plpy__st_union_transfn(state, rast, nband, uniontype);
COMMENT ON FUNCTION @extschema@._st_union_transfn(bigint, @extschema@.raster, integer, text) IS
  'Transition function of ST_Union (one band, one union type)';

CREATE FUNCTION @extschema@._plpy__st_union_transfn(state bigint, rast bytea, unionargset @extschema@.unionarg[]) RETURNS bigint
LANGUAGE plpython3u VOLATILE PARALLEL RESTRICTED AS $$
from plraster.sqlapi import aggregates
return aggregates.union_transfn_unionargs(state, rast, unionargset)
$$;
COMMENT ON FUNCTION @extschema@._plpy__st_union_transfn(bigint, bytea, @extschema@.unionarg[]) IS
  'PL/Python body of _st_union_transfn, on raster bytes as bytea';
CREATE FUNCTION @extschema@._st_union_transfn(state bigint, rast @extschema@.raster,
    unionargset @extschema@.unionarg[]) RETURNS bigint
LANGUAGE sql VOLATILE PARALLEL RESTRICTED
RETURN @extschema@._plpy__st_union_transfn(state, rast, unionargset);
COMMENT ON FUNCTION @extschema@._st_union_transfn(bigint, @extschema@.raster, @extschema@.unionarg[]) IS
  'Transition function of ST_Union (bands and union types from unionarg)';

CREATE FUNCTION @extschema@._plpy__st_union_finalfn(state bigint) RETURNS bytea
LANGUAGE plpython3u VOLATILE PARALLEL RESTRICTED AS $$
from plraster.sqlapi import aggregates
return aggregates.union_finalfn(state)
$$;
COMMENT ON FUNCTION @extschema@._plpy__st_union_finalfn(bigint) IS
  'PL/Python body of _st_union_finalfn, on raster bytes as bytea';
CREATE FUNCTION @extschema@._st_union_finalfn(state bigint) RETURNS @extschema@.raster
LANGUAGE sql VOLATILE PARALLEL RESTRICTED
RETURN @extschema@._plpy__st_union_finalfn(state)::@extschema@.raster;
COMMENT ON FUNCTION @extschema@._st_union_finalfn(bigint) IS
  'Final function of ST_Union: composes the collected rasters and releases them';

CREATE AGGREGATE @extschema@.st_union(@extschema@.raster) (
  SFUNC = @extschema@._plpy__st_union_transfn, STYPE = bigint,
  FINALFUNC = @extschema@._st_union_finalfn, FINALFUNC_MODIFY = READ_WRITE, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.st_union(@extschema@.raster) IS
  'args: rast - Returns the union of a set of raster tiles into a single raster composed of 1 or more bands.';

CREATE AGGREGATE @extschema@.st_union(@extschema@.raster, integer) (
  SFUNC = @extschema@._plpy__st_union_transfn, STYPE = bigint,
  FINALFUNC = @extschema@._st_union_finalfn, FINALFUNC_MODIFY = READ_WRITE, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.st_union(@extschema@.raster, integer) IS
  'args: rast, nband - Returns the union of a set of raster tiles into a single raster composed of 1 or more bands.';

CREATE AGGREGATE @extschema@.st_union(@extschema@.raster, text) (
  SFUNC = @extschema@._plpy__st_union_transfn, STYPE = bigint,
  FINALFUNC = @extschema@._st_union_finalfn, FINALFUNC_MODIFY = READ_WRITE, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.st_union(@extschema@.raster, text) IS
  'args: rast, uniontype - Returns the union of a set of raster tiles into a single raster composed of 1 or more bands.';

CREATE AGGREGATE @extschema@.st_union(@extschema@.raster, integer, text) (
  SFUNC = @extschema@._plpy__st_union_transfn, STYPE = bigint,
  FINALFUNC = @extschema@._st_union_finalfn, FINALFUNC_MODIFY = READ_WRITE, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.st_union(@extschema@.raster, integer, text) IS
  'args: rast, nband, uniontype - Returns the union of a set of raster tiles into a single raster composed of 1 or more bands.';

CREATE AGGREGATE @extschema@.st_union(@extschema@.raster, @extschema@.unionarg[]) (
  SFUNC = @extschema@._plpy__st_union_transfn, STYPE = bigint,
  FINALFUNC = @extschema@._st_union_finalfn, FINALFUNC_MODIFY = READ_WRITE, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.st_union(@extschema@.raster, @extschema@.unionarg[]) IS
  'args: rast, unionargset - Returns the union of a set of raster tiles into a single raster composed of 1 or more bands.';


-- from sql/90-register.sql
-- Server-side registration of Cloud Optimized GeoTIFFs as out-db coverages.
--
-- plraster_register_cog reads only the COG's header, through the out-db engine (the
-- sources opened by plraster_add_source and their credentials apply), and writes one
-- out-db record per tile, as `raster2pgsql -R -k -t WxH` writes them for the same path,
-- into the table (created when missing, as raster2pgsql -c -F creates it), and records
-- pointing at the COG's internal overviews (GTIFF_DIR:n:<path>) into o_<factor>_<table>;
-- then the GiST index on ST_ConvexHull and the raster constraints (-I -C). A file
-- already registered in the table is skipped with a NOTICE; its tables still get the
-- index and constraints asked for when they lack them.

CREATE FUNCTION @extschema@.plraster_register_cog(urls text[], tablename text, tile text DEFAULT 'auto',
    overviews boolean DEFAULT true, rastcolumn name DEFAULT 'rast', filecolumn name DEFAULT 'filename',
    srid integer DEFAULT NULL, bands integer[] DEFAULT NULL, constraints boolean DEFAULT true,
    index boolean DEFAULT true)
RETURNS bigint
LANGUAGE plpython3u VOLATILE AS $$
from plraster.sqlapi import register
return register.register_cogs(urls, tablename, tile, overviews, rastcolumn, filecolumn, srid, bands, constraints, index)
$$;
COMMENT ON FUNCTION @extschema@.plraster_register_cog(text[], text, text, boolean, name, name, integer, integer[], boolean, boolean) IS
  'args: urls, tablename, tile=''auto'', overviews=true, rastcolumn=''rast'', filecolumn=''filename'', srid=NULL, bands=NULL, constraints=true, index=true - Register COGs (paths or URLs under an out-db source) as out-db tiles aligned to their blocks, with overview tables on their internal overviews, constraints and a spatial index. Returns the number of tiles added; files already registered are skipped.';

CREATE FUNCTION @extschema@.plraster_register_cog(url text, tablename text, tile text DEFAULT 'auto',
    overviews boolean DEFAULT true, rastcolumn name DEFAULT 'rast', filecolumn name DEFAULT 'filename',
    srid integer DEFAULT NULL, bands integer[] DEFAULT NULL, constraints boolean DEFAULT true,
    index boolean DEFAULT true)
RETURNS bigint
LANGUAGE sql VOLATILE
RETURN @extschema@.plraster_register_cog(ARRAY[url], tablename, tile, overviews, rastcolumn, filecolumn,
                                          srid, bands, constraints, index);
COMMENT ON FUNCTION @extschema@.plraster_register_cog(text, text, text, boolean, name, name, integer, integer[], boolean, boolean) IS
  'args: url, tablename, tile=''auto'', overviews=true, rastcolumn=''rast'', filecolumn=''filename'', srid=NULL, bands=NULL, constraints=true, index=true - Register one COG as out-db tiles aligned to its blocks, with overview tables on its internal overviews, constraints and a spatial index. Returns the number of tiles added (0 when already registered).';
