-- Map algebra with callbacks: ST_MapAlgebra's callback and mask forms, the deprecated
-- ST_MapAlgebraFct and ST_MapAlgebraFctNgb, and PostGIS's *4ma callbacks (PostGIS 3.3
-- signatures). One worker, _st_mapalgebra, does the work; the forms are SQL calls to it.
-- A user's callback is called once per pixel through one prepared plan; the *4ma callbacks
-- of this extension are recognised and computed for the whole band with numpy.

CREATE FUNCTION @extschema@._st_mapalgebra(rastbandargset @extschema@.rastbandarg[],
    callbackfunc regprocedure, pixeltype text DEFAULT NULL::pg_catalog.text, distancex integer DEFAULT 0,
    distancey integer DEFAULT 0, extenttype text DEFAULT 'INTERSECTION'::text,
    customextent @extschema@.raster DEFAULT NULL::@extschema@.raster,
    mask double precision[] DEFAULT NULL::double precision[], weighted boolean DEFAULT NULL::boolean,
    VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.map_algebra(rastbandargset, callbackfunc, pixeltype, distancex, distancey, extenttype, customextent, mask, weighted, userargs)
$$;
COMMENT ON FUNCTION @extschema@._st_mapalgebra(@extschema@.rastbandarg[], regprocedure, text, integer, integer, text, @extschema@.raster, double precision[], boolean, text[]) IS
  'The worker of ST_MapAlgebra''s callback forms';

CREATE FUNCTION @extschema@.st_mapalgebra(rastbandargset @extschema@.rastbandarg[],
    callbackfunc regprocedure, pixeltype text DEFAULT NULL::pg_catalog.text,
    extenttype text DEFAULT 'INTERSECTION'::text,
    customextent @extschema@.raster DEFAULT NULL::@extschema@.raster,
    distancex integer DEFAULT 0, distancey integer DEFAULT 0,
    VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT @extschema@._st_mapalgebra($1, $2, $3, $6, $7, $4, $5, NULL::pg_catalog.float8[], NULL::pg_catalog.bool, VARIADIC $8) $$;
COMMENT ON FUNCTION @extschema@.st_mapalgebra(@extschema@.rastbandarg[], regprocedure, text, text, @extschema@.raster, integer, integer, text[]) IS
  'args: rastbandargset, callbackfunc, pixeltype=NULL, extenttype=INTERSECTION, customextent=NULL, distancex=0, distancey=0, VARIADIC userargs=NULL - Callback function version - Returns a one-band raster given one or more input rasters, band indexes and one user-specified callback function.';

CREATE FUNCTION @extschema@.st_mapalgebra(rast @extschema@.raster, nband integer[],
    callbackfunc regprocedure, pixeltype text DEFAULT NULL::pg_catalog.text,
    extenttype text DEFAULT 'FIRST'::text,
    customextent @extschema@.raster DEFAULT NULL::@extschema@.raster,
    distancex integer DEFAULT 0, distancey integer DEFAULT 0,
    VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS @extschema@.raster
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  argset @extschema@.rastbandarg[];
BEGIN
  IF nband IS NOT NULL AND pg_catalog.array_ndims(nband) OPERATOR(pg_catalog.>=) 1 THEN
    SELECT pg_catalog.array_agg(ROW(rast, u.b)::@extschema@.rastbandarg ORDER BY u.i) INTO argset
      FROM pg_catalog.unnest(nband) WITH ORDINALITY AS u(b, i) WHERE u.b IS NOT NULL;
  END IF;
  IF argset IS NULL THEN
    RAISE EXCEPTION 'Populated 1D array must be provided for nband';
  END IF;
  RETURN @extschema@._st_mapalgebra(argset, callbackfunc, pixeltype, distancex, distancey,
    extenttype, customextent, NULL::double precision[], NULL::pg_catalog.bool, VARIADIC userargs);
END
$$;
COMMENT ON FUNCTION @extschema@.st_mapalgebra(@extschema@.raster, integer[], regprocedure, text, text, @extschema@.raster, integer, integer, text[]) IS
  'args: rast, nband, callbackfunc, pixeltype=NULL, extenttype=FIRST, customextent=NULL, distancex=0, distancey=0, VARIADIC userargs=NULL - Callback function version - Returns a one-band raster given one or more input rasters, band indexes and one user-specified callback function.';

CREATE FUNCTION @extschema@.st_mapalgebra(rast @extschema@.raster, nband integer,
    callbackfunc regprocedure, pixeltype text DEFAULT NULL::pg_catalog.text,
    extenttype text DEFAULT 'FIRST'::text,
    customextent @extschema@.raster DEFAULT NULL::@extschema@.raster,
    distancex integer DEFAULT 0, distancey integer DEFAULT 0,
    VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT @extschema@._st_mapalgebra(ARRAY[ROW($1, $2)]::@extschema@.rastbandarg[], $3, $4, $7, $8, $5, $6, NULL::pg_catalog.float8[], NULL::pg_catalog.bool, VARIADIC $9) $$;
COMMENT ON FUNCTION @extschema@.st_mapalgebra(@extschema@.raster, integer, regprocedure, text, text, @extschema@.raster, integer, integer, text[]) IS
  'args: rast, nband, callbackfunc, pixeltype=NULL, extenttype=FIRST, customextent=NULL, distancex=0, distancey=0, VARIADIC userargs=NULL - Callback function version - Returns a one-band raster given one or more input rasters, band indexes and one user-specified callback function.';

CREATE FUNCTION @extschema@.st_mapalgebra(rast1 @extschema@.raster, nband1 integer,
    rast2 @extschema@.raster, nband2 integer, callbackfunc regprocedure,
    pixeltype text DEFAULT NULL::pg_catalog.text, extenttype text DEFAULT 'INTERSECTION'::text,
    customextent @extschema@.raster DEFAULT NULL::@extschema@.raster,
    distancex integer DEFAULT 0, distancey integer DEFAULT 0,
    VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT @extschema@._st_mapalgebra(ARRAY[ROW($1, $2), ROW($3, $4)]::@extschema@.rastbandarg[], $5, $6, $9, $10, $7, $8, NULL::pg_catalog.float8[], NULL::pg_catalog.bool, VARIADIC $11) $$;
COMMENT ON FUNCTION @extschema@.st_mapalgebra(@extschema@.raster, integer, @extschema@.raster, integer, regprocedure, text, text, @extschema@.raster, integer, integer, text[]) IS
  'args: rast1, nband1, rast2, nband2, callbackfunc, pixeltype=NULL, extenttype=INTERSECTION, customextent=NULL, distancex=0, distancey=0, VARIADIC userargs=NULL - Callback function version - Returns a one-band raster given one or more input rasters, band indexes and one user-specified callback function.';

CREATE FUNCTION @extschema@.st_mapalgebra(rast @extschema@.raster, nband integer,
    callbackfunc regprocedure, mask double precision[], weighted boolean,
    pixeltype text DEFAULT NULL::pg_catalog.text, extenttype text DEFAULT 'INTERSECTION'::text,
    customextent @extschema@.raster DEFAULT NULL::@extschema@.raster,
    VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT @extschema@._st_mapalgebra(ARRAY[ROW($1, $2)]::@extschema@.rastbandarg[], $3, $6, NULL::pg_catalog.int4, NULL::pg_catalog.int4, $7, $8, $4, $5, VARIADIC $9) $$;
COMMENT ON FUNCTION @extschema@.st_mapalgebra(@extschema@.raster, integer, regprocedure, double precision[], boolean, text, text, @extschema@.raster, text[]) IS
  'args: rast, nband, callbackfunc, mask, weighted, pixeltype=NULL, extenttype=INTERSECTION, customextent=NULL, VARIADIC userargs=NULL - Callback function version - Returns a one-band raster given one or more input rasters, band indexes and one user-specified callback function.';

CREATE FUNCTION @extschema@.st_min4ma(value double precision[], pos integer[], VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_new("st_min4ma", value, userargs)
$$;
COMMENT ON FUNCTION @extschema@.st_min4ma(double precision[], integer[], text[]) IS
  'args: value, pos, VARIADIC userargs - Raster processing function that calculates the minimum pixel value in a neighborhood.';

CREATE FUNCTION @extschema@.st_min4ma(matrix double precision[], nodatamode text, VARIADIC args text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_old("st_min4ma", matrix, nodatamode)
$$;
COMMENT ON FUNCTION @extschema@.st_min4ma(double precision[], text, text[]) IS
  'args: matrix, nodatamode, VARIADIC args - Raster processing function that calculates the minimum pixel value in a neighborhood. (deprecated signature)';

CREATE FUNCTION @extschema@.st_max4ma(value double precision[], pos integer[], VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_new("st_max4ma", value, userargs)
$$;
COMMENT ON FUNCTION @extschema@.st_max4ma(double precision[], integer[], text[]) IS
  'args: value, pos, VARIADIC userargs - Raster processing function that calculates the maximum pixel value in a neighborhood.';

CREATE FUNCTION @extschema@.st_max4ma(matrix double precision[], nodatamode text, VARIADIC args text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_old("st_max4ma", matrix, nodatamode)
$$;
COMMENT ON FUNCTION @extschema@.st_max4ma(double precision[], text, text[]) IS
  'args: matrix, nodatamode, VARIADIC args - Raster processing function that calculates the maximum pixel value in a neighborhood. (deprecated signature)';

CREATE FUNCTION @extschema@.st_sum4ma(value double precision[], pos integer[], VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_new("st_sum4ma", value, userargs)
$$;
COMMENT ON FUNCTION @extschema@.st_sum4ma(double precision[], integer[], text[]) IS
  'args: value, pos, VARIADIC userargs - Raster processing function that calculates the sum of all pixel values in a neighborhood.';

CREATE FUNCTION @extschema@.st_sum4ma(matrix double precision[], nodatamode text, VARIADIC args text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_old("st_sum4ma", matrix, nodatamode)
$$;
COMMENT ON FUNCTION @extschema@.st_sum4ma(double precision[], text, text[]) IS
  'args: matrix, nodatamode, VARIADIC args - Raster processing function that calculates the sum of all pixel values in a neighborhood. (deprecated signature)';

CREATE FUNCTION @extschema@.st_mean4ma(value double precision[], pos integer[], VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_new("st_mean4ma", value, userargs)
$$;
COMMENT ON FUNCTION @extschema@.st_mean4ma(double precision[], integer[], text[]) IS
  'args: value, pos, VARIADIC userargs - Raster processing function that calculates the mean pixel value in a neighborhood.';

CREATE FUNCTION @extschema@.st_mean4ma(matrix double precision[], nodatamode text, VARIADIC args text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_old("st_mean4ma", matrix, nodatamode)
$$;
COMMENT ON FUNCTION @extschema@.st_mean4ma(double precision[], text, text[]) IS
  'args: matrix, nodatamode, VARIADIC args - Raster processing function that calculates the mean pixel value in a neighborhood. (deprecated signature)';

CREATE FUNCTION @extschema@.st_range4ma(value double precision[], pos integer[], VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_new("st_range4ma", value, userargs)
$$;
COMMENT ON FUNCTION @extschema@.st_range4ma(double precision[], integer[], text[]) IS
  'args: value, pos, VARIADIC userargs - Raster processing function that calculates the range of pixel values in a neighborhood.';

CREATE FUNCTION @extschema@.st_range4ma(matrix double precision[], nodatamode text, VARIADIC args text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_old("st_range4ma", matrix, nodatamode)
$$;
COMMENT ON FUNCTION @extschema@.st_range4ma(double precision[], text, text[]) IS
  'args: matrix, nodatamode, VARIADIC args - Raster processing function that calculates the range of pixel values in a neighborhood. (deprecated signature)';

CREATE FUNCTION @extschema@.st_distinct4ma(value double precision[], pos integer[], VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_new("st_distinct4ma", value, userargs)
$$;
COMMENT ON FUNCTION @extschema@.st_distinct4ma(double precision[], integer[], text[]) IS
  'args: value, pos, VARIADIC userargs - Raster processing function that calculates the number of unique pixel values in a neighborhood.';

CREATE FUNCTION @extschema@.st_distinct4ma(matrix double precision[], nodatamode text, VARIADIC args text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_old("st_distinct4ma", matrix, nodatamode)
$$;
COMMENT ON FUNCTION @extschema@.st_distinct4ma(double precision[], text, text[]) IS
  'args: matrix, nodatamode, VARIADIC args - Raster processing function that calculates the number of unique pixel values in a neighborhood. (deprecated signature)';

CREATE FUNCTION @extschema@.st_stddev4ma(value double precision[], pos integer[], VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_new("st_stddev4ma", value, userargs)
$$;
COMMENT ON FUNCTION @extschema@.st_stddev4ma(double precision[], integer[], text[]) IS
  'args: value, pos, VARIADIC userargs - Raster processing function that calculates the standard deviation of pixel values in a neighborhood.';

CREATE FUNCTION @extschema@.st_stddev4ma(matrix double precision[], nodatamode text, VARIADIC args text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_old("st_stddev4ma", matrix, nodatamode)
$$;
COMMENT ON FUNCTION @extschema@.st_stddev4ma(double precision[], text, text[]) IS
  'args: matrix, nodatamode, VARIADIC args - Raster processing function that calculates the standard deviation of pixel values in a neighborhood. (deprecated signature)';

CREATE FUNCTION @extschema@.st_mindist4ma(value double precision[], pos integer[], VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_new("st_mindist4ma", value, userargs)
$$;
COMMENT ON FUNCTION @extschema@.st_mindist4ma(double precision[], integer[], text[]) IS
  'args: value, pos, VARIADIC userargs - Raster processing function that returns the minimum distance (in number of pixels) between the pixel of interest and a neighboring pixel with value.';

CREATE FUNCTION @extschema@.st_invdistweight4ma(value double precision[], pos integer[], VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS double precision
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.ma4_new("st_invdistweight4ma", value, userargs)
$$;
COMMENT ON FUNCTION @extschema@.st_invdistweight4ma(double precision[], integer[], text[]) IS
  'args: value, pos, VARIADIC userargs - Raster processing function that interpolates a pixel''s value from the pixel''s neighborhood.';

-- ---- ST_MapAlgebraFct (deprecated in PostGIS 2.1, kept as PostGIS keeps it) ----

CREATE FUNCTION @extschema@.st_mapalgebrafct(rast @extschema@.raster, band integer, pixeltype text,
    onerastuserfunc regprocedure, VARIADIC args text[])
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.map_algebra_fct(rast, band, pixeltype, onerastuserfunc, args[4])  # "args" is PL/Python's list of all arguments
$$;
COMMENT ON FUNCTION @extschema@.st_mapalgebrafct(@extschema@.raster, integer, text, regprocedure, text[]) IS
  'args: rast, band, pixeltype, onerasteruserfunc, VARIADIC args - 1 band version - Creates a new one band raster formed by applying a valid PostgreSQL function on the input raster band and of pixeltype prodived. Band 1 is assumed if no band is specified.';

CREATE FUNCTION @extschema@.st_mapalgebrafct(rast @extschema@.raster, band integer, onerastuserfunc regprocedure)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT @extschema@.st_mapalgebrafct($1, $2, NULL::pg_catalog.text, $3, NULL::pg_catalog.text) $$;
COMMENT ON FUNCTION @extschema@.st_mapalgebrafct(@extschema@.raster, integer, regprocedure) IS
  'args: rast, band, onerasteruserfunc - 1 band version - Creates a new one band raster formed by applying a valid PostgreSQL function on the input raster band.';

CREATE FUNCTION @extschema@.st_mapalgebrafct(rast @extschema@.raster, band integer, onerastuserfunc regprocedure, VARIADIC args text[])
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT @extschema@.st_mapalgebrafct($1, $2, NULL::pg_catalog.text, $3, VARIADIC $4) $$;
COMMENT ON FUNCTION @extschema@.st_mapalgebrafct(@extschema@.raster, integer, regprocedure, text[]) IS
  'args: rast, band, onerasteruserfunc, VARIADIC args - 1 band version - Creates a new one band raster formed by applying a valid PostgreSQL function on the input raster band.';

CREATE FUNCTION @extschema@.st_mapalgebrafct(rast @extschema@.raster, band integer, pixeltype text, onerastuserfunc regprocedure)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT @extschema@.st_mapalgebrafct($1, $2, $3, $4, NULL::pg_catalog.text) $$;
COMMENT ON FUNCTION @extschema@.st_mapalgebrafct(@extschema@.raster, integer, text, regprocedure) IS
  'args: rast, band, pixeltype, onerasteruserfunc - 1 band version - Creates a new one band raster formed by applying a valid PostgreSQL function on the input raster band and of pixeltype prodived.';

CREATE FUNCTION @extschema@.st_mapalgebrafct(rast @extschema@.raster, onerastuserfunc regprocedure)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT @extschema@.st_mapalgebrafct($1, 1, NULL::pg_catalog.text, $2, NULL::pg_catalog.text) $$;
COMMENT ON FUNCTION @extschema@.st_mapalgebrafct(@extschema@.raster, regprocedure) IS
  'args: rast, onerasteruserfunc - 1 band version - Creates a new one band raster formed by applying a valid PostgreSQL function on band 1.';

CREATE FUNCTION @extschema@.st_mapalgebrafct(rast @extschema@.raster, onerastuserfunc regprocedure, VARIADIC args text[])
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT @extschema@.st_mapalgebrafct($1, 1, NULL::pg_catalog.text, $2, VARIADIC $3) $$;
COMMENT ON FUNCTION @extschema@.st_mapalgebrafct(@extschema@.raster, regprocedure, text[]) IS
  'args: rast, onerasteruserfunc, VARIADIC args - 1 band version - Creates a new one band raster formed by applying a valid PostgreSQL function on band 1.';

CREATE FUNCTION @extschema@.st_mapalgebrafct(rast @extschema@.raster, pixeltype text, onerastuserfunc regprocedure)
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT @extschema@.st_mapalgebrafct($1, 1, $2, $3, NULL::pg_catalog.text) $$;
COMMENT ON FUNCTION @extschema@.st_mapalgebrafct(@extschema@.raster, text, regprocedure) IS
  'args: rast, pixeltype, onerasteruserfunc - 1 band version - Creates a new one band raster formed by applying a valid PostgreSQL function on band 1 and of pixeltype prodived.';

CREATE FUNCTION @extschema@.st_mapalgebrafct(rast @extschema@.raster, pixeltype text, onerastuserfunc regprocedure, VARIADIC args text[])
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT @extschema@.st_mapalgebrafct($1, 1, $2, $3, VARIADIC $4) $$;
COMMENT ON FUNCTION @extschema@.st_mapalgebrafct(@extschema@.raster, text, regprocedure, text[]) IS
  'args: rast, pixeltype, onerasteruserfunc, VARIADIC args - 1 band version - Creates a new one band raster formed by applying a valid PostgreSQL function on band 1 and of pixeltype prodived.';

CREATE FUNCTION @extschema@.st_mapalgebrafct(rast1 @extschema@.raster, band1 integer,
    rast2 @extschema@.raster, band2 integer, tworastuserfunc regprocedure,
    pixeltype text DEFAULT NULL::pg_catalog.text, extenttype text DEFAULT 'INTERSECTION'::text,
    VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.map_algebra_fct2(rast1, band1, rast2, band2, tworastuserfunc, pixeltype, extenttype, userargs)
$$;
COMMENT ON FUNCTION @extschema@.st_mapalgebrafct(@extschema@.raster, integer, @extschema@.raster, integer, regprocedure, text, text, text[]) IS
  'args: rast1, band1, rast2, band2, tworastuserfunc, pixeltype=same_as_rast1, extenttype=INTERSECTION, VARIADIC userargs - 2 band version - Creates a new one band raster formed by applying a valid PostgreSQL function on the 2 input raster bands and of pixeltype prodived. Band 1 is assumed if no band is specified. Extent type defaults to INTERSECTION if not specified.';

CREATE FUNCTION @extschema@.st_mapalgebrafct(rast1 @extschema@.raster, rast2 @extschema@.raster,
    tworastuserfunc regprocedure, pixeltype text DEFAULT NULL::pg_catalog.text,
    extenttype text DEFAULT 'INTERSECTION'::text, VARIADIC userargs text[] DEFAULT NULL::text[])
RETURNS @extschema@.raster
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT @extschema@.st_mapalgebrafct($1, 1, $2, 1, $3, $4, $5, VARIADIC $6) $$;
COMMENT ON FUNCTION @extschema@.st_mapalgebrafct(@extschema@.raster, @extschema@.raster, regprocedure, text, text, text[]) IS
  'args: rast1, rast2, tworastuserfunc, pixeltype=same_as_rast1, extenttype=INTERSECTION, VARIADIC userargs - 2 band version - Creates a new one band raster formed by applying a valid PostgreSQL function on the 2 input raster bands and of pixeltype prodived. Band 1 is assumed if no band is specified. Extent type defaults to INTERSECTION if not specified.';

-- ---- ST_MapAlgebraFctNgb (deprecated in PostGIS 2.1) ----

CREATE FUNCTION @extschema@.st_mapalgebrafctngb(rast @extschema@.raster, band integer, pixeltype text,
    ngbwidth integer, ngbheight integer, onerastngbuserfunc regprocedure, nodatamode text,
    VARIADIC args text[])
RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import mapalgebra
return mapalgebra.map_algebra_fct_ngb(rast, band, pixeltype, ngbwidth, ngbheight, onerastngbuserfunc, nodatamode, args[7])  # "args" is PL/Python's list of all arguments
$$;
COMMENT ON FUNCTION @extschema@.st_mapalgebrafctngb(@extschema@.raster, integer, text, integer, integer, regprocedure, text, text[]) IS
  'args: rast, band, pixeltype, ngbwidth, ngbheight, onerastngbuserfunc, nodatamode, VARIADIC args - 1-band version: Map Algebra Nearest Neighbor using user-defined PostgreSQL function. Return a raster which values are the result of a PLPGSQL user function involving a neighborhood of values from the input raster band.';
