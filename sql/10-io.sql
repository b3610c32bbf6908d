-- Raster WKB in and out: ST_RastFromWKB, ST_RastFromHexWKB, ST_AsBinary, ST_AsWKB,
-- ST_AsHexWKB and bytea(raster). Casts between raster and bytea are binary (00-types.sql):
-- bytea -> raster runs the domain's check.

CREATE FUNCTION @extschema@.st_aswkb(@extschema@.raster, outasin boolean DEFAULT false)
RETURNS bytea
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import wkbio
return wkbio.as_binary(args[0], outasin)
$$;
COMMENT ON FUNCTION @extschema@.st_aswkb(@extschema@.raster, boolean) IS
  'args: rast, outasin=false - Return the Well-Known Binary (WKB) representation of the raster.';

CREATE FUNCTION @extschema@.st_asbinary(@extschema@.raster, outasin boolean DEFAULT false)
RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_aswkb($1, outasin);
COMMENT ON FUNCTION @extschema@.st_asbinary(@extschema@.raster, boolean) IS
  'args: rast, outasin=false - Return the Well-Known Binary (WKB) representation of the raster.';

CREATE FUNCTION @extschema@.st_ashexwkb(@extschema@.raster, outasin boolean DEFAULT false)
RETURNS text
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import wkbio
return wkbio.as_hex(args[0], outasin)
$$;
COMMENT ON FUNCTION @extschema@.st_ashexwkb(@extschema@.raster, boolean) IS
  'args: rast, outasin=false - Return the Well-Known Binary (WKB) in Hex representation of the raster.';

CREATE FUNCTION @extschema@.bytea(@extschema@.raster) RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.st_aswkb($1, false);
COMMENT ON FUNCTION @extschema@.bytea(@extschema@.raster) IS
  'args: rast - The raster as PostGIS writes its WKB (what PostGIS''s raster::bytea cast gives).';

CREATE FUNCTION @extschema@.st_rastfromwkb(bytea) RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import wkbio
return wkbio.from_wkb(args[0])
$$;
COMMENT ON FUNCTION @extschema@.st_rastfromwkb(bytea) IS
  'args: wkb - Return a raster value from a Well-Known Binary (WKB) raster.';

CREATE FUNCTION @extschema@.st_rastfromhexwkb(text) RETURNS @extschema@.raster
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import wkbio
return wkbio.from_hex(args[0])
$$;
COMMENT ON FUNCTION @extschema@.st_rastfromhexwkb(text) IS
  'args: wkb - Return a raster value from a Hex representation of Well-Known Binary (WKB) raster.';
