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

CREATE FUNCTION @extschema@._plraster_raster_eq(rast1 @extschema@.raster, rast2 @extschema@.raster) RETURNS boolean
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import relations
return relations.equal(rast1, rast2)
$$;
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

CREATE FUNCTION @extschema@.raster_hash(@extschema@.raster) RETURNS integer
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import relations
return relations.hash_value(args[0])
$$;
COMMENT ON FUNCTION @extschema@.raster_hash(@extschema@.raster) IS
  'Hash of a raster, equal for rasters that = finds equal (the hash operator class).';

CREATE OPERATOR @extschema@.= (
  LEFTARG = @extschema@.raster, RIGHTARG = @extschema@.raster, PROCEDURE = @extschema@.raster_eq,
  COMMUTATOR = OPERATOR(@extschema@.=), RESTRICT = eqsel, JOIN = eqjoinsel);

CREATE OPERATOR CLASS @extschema@.hash_raster_ops DEFAULT FOR TYPE @extschema@.raster USING hash AS
  OPERATOR 1 @extschema@.= ,
  FUNCTION 1 @extschema@.raster_hash(@extschema@.raster);

-- The pixel surfaces the band forms compare (see plraster.functions.relations).

CREATE FUNCTION @extschema@._plraster_band_surfaces(rast1 @extschema@.raster, nband1 integer,
    rast2 @extschema@.raster, nband2 integer, distance double precision DEFAULT NULL) RETURNS geometry[]
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import relations
return relations.band_surfaces(rast1, nband1, rast2, nband2, distance)
$$;
COMMENT ON FUNCTION @extschema@._plraster_band_surfaces(@extschema@.raster, integer, @extschema@.raster, integer, double precision) IS
  'args: rast1, nband1, rast2, nband2, distance=NULL - The surfaces (pixels that are not nodata, as rectangles) of two bands, after PostGIS''s checks of bands, distance and SRIDs.';

CREATE FUNCTION @extschema@._plraster_hull_decides(rast @extschema@.raster, nband integer, geomsrid integer)
RETURNS boolean
LANGUAGE plpython3u IMMUTABLE PARALLEL SAFE AS $$
from plraster.sqlapi import relations
return relations.hull_decides(rast, nband, geomsrid)
$$;
COMMENT ON FUNCTION @extschema@._plraster_hull_decides(@extschema@.raster, integer, integer) IS
  'args: rast, nband, geomsrid - For ST_Intersects(geometry, raster, nband): false when the band''s nodata pixels must be looked at; raises when the SRIDs differ.';

CREATE FUNCTION @extschema@._plraster_data_surface(rast @extschema@.raster, nband integer) RETURNS geometry
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import relations
return relations.data_surface(rast, nband)
$$;
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

CREATE FUNCTION @extschema@._plraster_negative_tolerance(rast1 @extschema@.raster, rast2 @extschema@.raster,
    distance double precision) RETURNS double precision
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import relations
return relations.negative_tolerance(distance)
$$;
COMMENT ON FUNCTION @extschema@._plraster_negative_tolerance(@extschema@.raster, @extschema@.raster, double precision) IS
  'args: rast1, rast2, distance - Raises the error for a negative distance given to ST_DWithin or ST_DFullyWithin.';

-- For mixed SRIDs, the raw SRID bytes of the two headers are compared in SQL,
-- and only when they differ does Python compare the SRIDs and raise PostGIS's message.

CREATE FUNCTION @extschema@._plraster_same_srid(rast1 @extschema@.raster, rast2 @extschema@.raster, fname text)
RETURNS boolean
LANGUAGE plpython3u IMMUTABLE STRICT PARALLEL SAFE AS $$
from plraster.sqlapi import relations
return relations.same_srid(rast1, rast2, fname)
$$;
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
  -- no band and the same SRID (the join case): the hull decides, read from the header
  -- slice, without handing the whole raster to PL/Python
  WHEN nband IS NULL AND @extschema@.st_srid(rast) OPERATOR(pg_catalog.=) st_srid(geom)
    THEN coalesce(st_intersects(geom, @extschema@.st_convexhull(rast)), false)
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
