-- Map algebra with expressions: ST_MapAlgebra's expression forms, the deprecated
-- ST_MapAlgebraExpr, and ST_Intersection of two rasters (PostGIS 3.3 signatures). The
-- expression is SQL run with the caller's rights, as in PostGIS; plraster evaluates it for
-- a whole band at once (numpy for plain arithmetic, else one statement over the band's
-- pixels), not once per pixel (plraster.functions.mapalgebra.expression).

CREATE FUNCTION @extschema@._st_mapalgebra(rastbandargset @extschema@.rastbandarg[],
    expression text, pixeltype text DEFAULT NULL::text,
    extenttype text DEFAULT 'INTERSECTION'::text, nodata1expr text DEFAULT NULL::text,
    nodata2expr text DEFAULT NULL::text,
    nodatanodataval double precision DEFAULT NULL::double precision)
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapexpr
return mapexpr.map_algebra(rastbandargset, expression, pixeltype, extenttype, nodata1expr, nodata2expr, nodatanodataval)
$$;
COMMENT ON FUNCTION @extschema@._st_mapalgebra(@extschema@.rastbandarg[], text, text, text, text, text, double precision) IS
  'The worker of ST_MapAlgebra''s expression forms';

CREATE FUNCTION @extschema@._plraster_mapalgebra_expr(rast @extschema@.raster,
    nband integer, expression text, pixeltype text, nodata1expr text)
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapexpr
return mapexpr.map_algebra_one(rast, nband, expression, pixeltype, nodata1expr)
$$;
COMMENT ON FUNCTION @extschema@._plraster_mapalgebra_expr(@extschema@.raster, integer, text, text, text) IS
  '_ST_MapAlgebra(ARRAY[ROW(rast, nband)]::rastbandarg[], expression, pixeltype, ''FIRST'', nodata1expr), without building the rastbandarg array';

CREATE FUNCTION @extschema@.st_mapalgebra(rast @extschema@.raster, nband integer,
    pixeltype text, expression text,
    nodataval double precision DEFAULT NULL::double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._plraster_mapalgebra_expr(rast, nband, expression, pixeltype,
    nodataval::text);
COMMENT ON FUNCTION @extschema@.st_mapalgebra(@extschema@.raster, integer, text, text, double precision) IS
  'args: rast, nband, pixeltype, expression, nodataval=NULL - Expression version - Returns a one-band raster given one or two input rasters, band indexes and one or more user-specified SQL expressions.';

CREATE FUNCTION @extschema@.st_mapalgebra(rast @extschema@.raster, pixeltype text,
    expression text, nodataval double precision DEFAULT NULL::double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_mapalgebra(rast, 1, pixeltype, expression, nodataval);
COMMENT ON FUNCTION @extschema@.st_mapalgebra(@extschema@.raster, text, text, double precision) IS
  'args: rast, pixeltype, expression, nodataval=NULL - Expression version - Returns a one-band raster given one or two input rasters, band indexes and one or more user-specified SQL expressions.';

CREATE FUNCTION @extschema@.st_mapalgebra(rast1 @extschema@.raster, band1 integer,
    rast2 @extschema@.raster, band2 integer, expression text,
    pixeltype text DEFAULT NULL::text, extenttype text DEFAULT 'INTERSECTION'::text,
    nodata1expr text DEFAULT NULL::text, nodata2expr text DEFAULT NULL::text,
    nodatanodataval double precision DEFAULT NULL::double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@._st_mapalgebra(
    ARRAY[ROW(rast1, band1), ROW(rast2, band2)]::@extschema@.rastbandarg[], expression,
    pixeltype, extenttype, nodata1expr, nodata2expr, nodatanodataval);
COMMENT ON FUNCTION @extschema@.st_mapalgebra(@extschema@.raster, integer, @extschema@.raster, integer, text, text, text, text, text, double precision) IS
  'args: rast1, nband1, rast2, nband2, expression, pixeltype=NULL, extenttype=INTERSECTION, nodata1expr=NULL, nodata2expr=NULL, nodatanodataval=NULL - Expression version - Returns a one-band raster given one or two input rasters, band indexes and one or more user-specified SQL expressions.';

CREATE FUNCTION @extschema@.st_mapalgebra(rast1 @extschema@.raster,
    rast2 @extschema@.raster, expression text, pixeltype text DEFAULT NULL::text,
    extenttype text DEFAULT 'INTERSECTION'::text, nodata1expr text DEFAULT NULL::text,
    nodata2expr text DEFAULT NULL::text,
    nodatanodataval double precision DEFAULT NULL::double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_mapalgebra(rast1, 1, rast2, 1, expression, pixeltype, extenttype,
    nodata1expr, nodata2expr, nodatanodataval);
COMMENT ON FUNCTION @extschema@.st_mapalgebra(@extschema@.raster, @extschema@.raster, text, text, text, text, text, double precision) IS
  'args: rast1, rast2, expression, pixeltype=NULL, extenttype=INTERSECTION, nodata1expr=NULL, nodata2expr=NULL, nodatanodataval=NULL - Expression version - Returns a one-band raster given one or two input rasters, band indexes and one or more user-specified SQL expressions.';

-- ST_MapAlgebraExpr (deprecated since PostGIS 2.1) -------------------------------------

CREATE FUNCTION @extschema@.st_mapalgebraexpr(rast @extschema@.raster, band integer,
    pixeltype text, expression text,
    nodataval double precision DEFAULT NULL::double precision)
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapexpr
return mapexpr.map_algebra_expr(rast, band, pixeltype, expression, nodataval)
$$;
COMMENT ON FUNCTION @extschema@.st_mapalgebraexpr(@extschema@.raster, integer, text, text, double precision) IS
  'args: rast, band, pixeltype, expression, nodataval=NULL - 1 raster band version: Creates a new one band raster formed by applying a valid PostgreSQL algebraic operation on the input raster band and of pixeltype provided. Band 1 is assumed if no band is specified.';

CREATE FUNCTION @extschema@.st_mapalgebraexpr(rast @extschema@.raster, pixeltype text,
    expression text, nodataval double precision DEFAULT NULL::double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_mapalgebraexpr(rast, 1, pixeltype, expression, nodataval);
COMMENT ON FUNCTION @extschema@.st_mapalgebraexpr(@extschema@.raster, text, text, double precision) IS
  'args: rast, pixeltype, expression, nodataval=NULL - 1 raster band version: Creates a new one band raster formed by applying a valid PostgreSQL algebraic operation on the input raster band and of pixeltype provided. Band 1 is assumed if no band is specified.';

CREATE FUNCTION @extschema@.st_mapalgebraexpr(rast1 @extschema@.raster, band1 integer,
    rast2 @extschema@.raster, band2 integer, expression text,
    pixeltype text DEFAULT NULL::text, extenttype text DEFAULT 'INTERSECTION'::text,
    nodata1expr text DEFAULT NULL::text, nodata2expr text DEFAULT NULL::text,
    nodatanodataval double precision DEFAULT NULL::double precision)
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapexpr
return mapexpr.map_algebra_expr2(rast1, band1, rast2, band2, expression, pixeltype, extenttype, nodata1expr, nodata2expr, nodatanodataval)
$$;
COMMENT ON FUNCTION @extschema@.st_mapalgebraexpr(@extschema@.raster, integer, @extschema@.raster, integer, text, text, text, text, text, double precision) IS
  'args: rast1, band1, rast2, band2, expression, pixeltype=same_as_rast1_band, extenttype=INTERSECTION, nodata1expr=NULL, nodata2expr=NULL, nodatanodataval=NULL - 2 raster band version: Creates a new one band raster formed by applying a valid PostgreSQL algebraic operation on the two input raster bands and of pixeltype provided. band 1 of each raster is assumed if no band numbers are specified. The resulting raster will be aligned (scale, skew and pixel corners) on the grid defined by the first raster and have its extent defined by the "extenttype" parameter. Values for "extenttype" can be: INTERSECTION, UNION, FIRST, SECOND.';

CREATE FUNCTION @extschema@.st_mapalgebraexpr(rast1 @extschema@.raster,
    rast2 @extschema@.raster, expression text, pixeltype text DEFAULT NULL::text,
    extenttype text DEFAULT 'INTERSECTION'::text, nodata1expr text DEFAULT NULL::text,
    nodata2expr text DEFAULT NULL::text,
    nodatanodataval double precision DEFAULT NULL::double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_mapalgebraexpr(rast1, 1, rast2, 1, expression, pixeltype,
    extenttype, nodata1expr, nodata2expr, nodatanodataval);
COMMENT ON FUNCTION @extschema@.st_mapalgebraexpr(@extschema@.raster, @extschema@.raster, text, text, text, text, text, double precision) IS
  'args: rast1, rast2, expression, pixeltype=same_as_rast1_band, extenttype=INTERSECTION, nodata1expr=NULL, nodata2expr=NULL, nodatanodataval=NULL - 2 raster band version: Creates a new one band raster formed by applying a valid PostgreSQL algebraic operation on the two input raster bands and of pixeltype provided. band 1 of each raster is assumed if no band numbers are specified. The resulting raster will be aligned (scale, skew and pixel corners) on the grid defined by the first raster and have its extent defined by the "extenttype" parameter. Values for "extenttype" can be: INTERSECTION, UNION, FIRST, SECOND.';

-- ST_Intersection of two rasters -----------------------------------------------------------
-- The shared part of two aligned rasters: band1 of rast1 and/or band2 of rast2 over their
-- intersection, pixels outside the other raster's data set to nodata. As in PostGIS, this
-- is map algebra on '[rast1.val]' / '[rast2.val]' with the new nodata value as every
-- nodata expression; its NOTICEs are those of the functions it calls.

CREATE FUNCTION @extschema@.st_intersection(rast1 @extschema@.raster, band1 integer,
    rast2 @extschema@.raster, band2 integer, returnband text DEFAULT 'BOTH'::text,
    nodataval double precision[] DEFAULT NULL::double precision[])
RETURNS @extschema@.raster
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  nodata1 double precision;
  nodata2 double precision;
  which text;
  result @extschema@.raster;
BEGIN
  IF @extschema@.st_srid(rast1) OPERATOR(pg_catalog.<>) @extschema@.st_srid(rast2) THEN
    RAISE EXCEPTION 'The two rasters do not have the same SRID';
  END IF;
  nodata1 := COALESCE(nodataval[1], @extschema@.st_bandnodatavalue(rast1, band1),
    @extschema@.st_minpossiblevalue(@extschema@.st_bandpixeltype(rast1, band1)));
  nodata2 := COALESCE(nodataval[2], @extschema@.st_bandnodatavalue(rast2, band2),
    @extschema@.st_minpossiblevalue(@extschema@.st_bandpixeltype(rast2, band2)));
  which := pg_catalog.upper(returnband);
  IF which OPERATOR(pg_catalog.=) 'BAND1' OR which OPERATOR(pg_catalog.=) 'BOTH' THEN
    result := @extschema@.st_mapalgebraexpr(rast1, band1, rast2, band2, '[rast1.val]',
      @extschema@.st_bandpixeltype(rast1, band1), 'INTERSECTION', nodata1::pg_catalog.text,
      nodata1::pg_catalog.text, nodata1);
    result := @extschema@.st_setbandnodatavalue(result, 1, nodata1);
    IF which OPERATOR(pg_catalog.=) 'BOTH' THEN
      result := @extschema@.st_addband(result, @extschema@.st_mapalgebraexpr(rast1, band1,
        rast2, band2, '[rast2.val]', @extschema@.st_bandpixeltype(rast2, band2),
        'INTERSECTION', nodata2::pg_catalog.text, nodata2::pg_catalog.text, nodata2));
      result := @extschema@.st_setbandnodatavalue(result, 2, nodata2);
    END IF;
  ELSIF which OPERATOR(pg_catalog.=) 'BAND2' THEN
    result := @extschema@.st_mapalgebraexpr(rast1, band1, rast2, band2, '[rast2.val]',
      @extschema@.st_bandpixeltype(rast2, band2), 'INTERSECTION', nodata2::pg_catalog.text,
      nodata2::pg_catalog.text, nodata2);
    result := @extschema@.st_setbandnodatavalue(result, 1, nodata2);
  ELSE
    RAISE EXCEPTION 'Unknown value provided for returnband: %', returnband;
  END IF;
  RETURN result;
END
$$;
COMMENT ON FUNCTION @extschema@.st_intersection(@extschema@.raster, integer, @extschema@.raster, integer, text, double precision[]) IS
  'args: rast1, band1, rast2, band2, returnband, nodataval - Returns a raster or a set of geometry-pixelvalue pairs representing the shared portion of two rasters or the geometrical intersection of a vectorization of the raster and a geometry.';

CREATE FUNCTION @extschema@.st_intersection(rast1 @extschema@.raster, band1 integer,
    rast2 @extschema@.raster, band2 integer, returnband text, nodataval double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_intersection(rast1, band1, rast2, band2, returnband,
    ARRAY[nodataval, nodataval]);
COMMENT ON FUNCTION @extschema@.st_intersection(@extschema@.raster, integer, @extschema@.raster, integer, text, double precision) IS
  'args: rast1, band1, rast2, band2, returnband, nodataval - Returns a raster representing the shared portion of two rasters.';

CREATE FUNCTION @extschema@.st_intersection(rast1 @extschema@.raster, band1 integer,
    rast2 @extschema@.raster, band2 integer, nodataval double precision[])
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_intersection(rast1, band1, rast2, band2, 'BOTH'::text, nodataval);
COMMENT ON FUNCTION @extschema@.st_intersection(@extschema@.raster, integer, @extschema@.raster, integer, double precision[]) IS
  'args: rast1, band1, rast2, band2, nodataval - Returns a raster or a set of geometry-pixelvalue pairs representing the shared portion of two rasters or the geometrical intersection of a vectorization of the raster and a geometry.';

CREATE FUNCTION @extschema@.st_intersection(rast1 @extschema@.raster, band1 integer,
    rast2 @extschema@.raster, band2 integer, nodataval double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_intersection(rast1, band1, rast2, band2, 'BOTH'::text,
    ARRAY[nodataval, nodataval]);
COMMENT ON FUNCTION @extschema@.st_intersection(@extschema@.raster, integer, @extschema@.raster, integer, double precision) IS
  'args: rast1, band1, rast2, band2, nodataval - Returns a raster representing the shared portion of two rasters.';

CREATE FUNCTION @extschema@.st_intersection(rast1 @extschema@.raster,
    rast2 @extschema@.raster, returnband text DEFAULT 'BOTH'::text,
    nodataval double precision[] DEFAULT NULL::double precision[])
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_intersection(rast1, 1, rast2, 1, returnband, nodataval);
COMMENT ON FUNCTION @extschema@.st_intersection(@extschema@.raster, @extschema@.raster, text, double precision[]) IS
  'args: rast1, rast2, returnband, nodataval - Returns a raster or a set of geometry-pixelvalue pairs representing the shared portion of two rasters or the geometrical intersection of a vectorization of the raster and a geometry.';

CREATE FUNCTION @extschema@.st_intersection(rast1 @extschema@.raster,
    rast2 @extschema@.raster, returnband text, nodataval double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_intersection(rast1, 1, rast2, 1, returnband,
    ARRAY[nodataval, nodataval]);
COMMENT ON FUNCTION @extschema@.st_intersection(@extschema@.raster, @extschema@.raster, text, double precision) IS
  'args: rast1, rast2, returnband, nodataval - Returns a raster representing the shared portion of two rasters.';

CREATE FUNCTION @extschema@.st_intersection(rast1 @extschema@.raster,
    rast2 @extschema@.raster, nodataval double precision[])
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_intersection(rast1, 1, rast2, 1, 'BOTH'::text, nodataval);
COMMENT ON FUNCTION @extschema@.st_intersection(@extschema@.raster, @extschema@.raster, double precision[]) IS
  'args: rast1, rast2, nodataval - Returns a raster or a set of geometry-pixelvalue pairs representing the shared portion of two rasters or the geometrical intersection of a vectorization of the raster and a geometry.';

CREATE FUNCTION @extschema@.st_intersection(rast1 @extschema@.raster,
    rast2 @extschema@.raster, nodataval double precision)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.st_intersection(rast1, 1, rast2, 1, 'BOTH'::text,
    ARRAY[nodataval, nodataval]);
COMMENT ON FUNCTION @extschema@.st_intersection(@extschema@.raster, @extschema@.raster, double precision) IS
  'args: rast1, rast2, nodataval - Returns a raster representing the shared portion of two rasters.';
