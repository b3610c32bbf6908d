-- plraster 0.1.0 -> 0.2.0: the changes of sql/ since 0.1.0, in the order they were made.
-- tests/test_extension.py checks that an install upgraded by this script equals a fresh one.
\echo Use "ALTER EXTENSION plraster UPDATE TO '0.2.0'" to load this file. \quit

-- sqlharden: bodies parsed at run time name every function, operator and type with its
-- schema, so that a caller's search_path (public before pg_catalog, or pg_temp) cannot
-- hijack them (issue 9, finding 5; checked by tools/sqlaudit.py at build time).

CREATE OR REPLACE FUNCTION @extschema@._plraster_header_u64(header bytea, pos integer) RETURNS bigint
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

CREATE OR REPLACE FUNCTION @extschema@._plraster_header_u16(header bytea, pos integer) RETURNS integer
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  IF pg_catalog.get_byte(header, 0) OPERATOR(pg_catalog.=) 1 THEN
    RETURN pg_catalog.get_byte(header, pos)
      OPERATOR(pg_catalog.|) (pg_catalog.get_byte(header, pos OPERATOR(pg_catalog.+) 1) OPERATOR(pg_catalog.<<) 8);
  END IF;
  RETURN (pg_catalog.get_byte(header, pos) OPERATOR(pg_catalog.<<) 8)
    OPERATOR(pg_catalog.|) pg_catalog.get_byte(header, pos OPERATOR(pg_catalog.+) 1);
END $$;

CREATE OR REPLACE FUNCTION @extschema@._plraster_header_srid(header bytea) RETURNS integer
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

CREATE OR REPLACE FUNCTION @extschema@._plraster_header_f64(header bytea, pos integer)
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

CREATE OR REPLACE FUNCTION @extschema@.st_createoverview(tab regclass, col name, factor integer,
    algo text DEFAULT 'NearestNeighbour'::text)
RETURNS regclass
LANGUAGE plpgsql VOLATILE STRICT AS $$
DECLARE
  info record;
  target pg_catalog.text;
BEGIN
  SELECT r.r_table_schema AS sch, r.r_table_name AS tbl, r.scale_x, r.scale_y,
         r.blocksize_x, r.blocksize_y, r.extent
    INTO info
    FROM @extschema@.raster_columns r
    JOIN pg_catalog.pg_class c ON c.relname OPERATOR(pg_catalog.=) r.r_table_name
    JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
                                  AND n.nspname OPERATOR(pg_catalog.=) r.r_table_schema
   WHERE c.oid OPERATOR(pg_catalog.=) tab AND r.r_raster_column OPERATOR(pg_catalog.=) col;
  IF NOT FOUND THEN
    RAISE EXCEPTION '%.% raster column does not exist', tab::pg_catalog.text, col;
  END IF;
  IF info.scale_x IS NULL OR info.scale_y IS NULL THEN
    RAISE EXCEPTION 'cannot create overview without scale constraint, try select AddRasterConstraints(''%'', ''%'');', tab::pg_catalog.text, col;
  END IF;
  IF info.blocksize_x IS NULL OR info.blocksize_y IS NULL THEN
    RAISE EXCEPTION 'cannot create overview without tilesize constraint, try select AddRasterConstraints(''%'', ''%'');', tab::pg_catalog.text, col;
  END IF;
  IF info.extent IS NULL THEN
    RAISE EXCEPTION 'cannot create overview without extent constraint, try select AddRasterConstraints(''%'', ''%'');', tab::pg_catalog.text, col;
  END IF;
  target := pg_catalog.format('o_%s_%s', factor, info.tbl);
  EXECUTE pg_catalog.format('CREATE TABLE %I.%I AS SELECT @extschema@.st_retile($1, $2, $3, $4, $5, $6, $7, $8) AS %I',
                 info.sch, target, col)
    USING tab, col, info.extent, info.scale_x OPERATOR(pg_catalog.*) factor,
          info.scale_y OPERATOR(pg_catalog.*) factor, info.blocksize_x, info.blocksize_y, algo;
  PERFORM @extschema@.addrasterconstraints(info.sch, target::pg_catalog.name, col);
  PERFORM @extschema@.addoverviewconstraints(info.sch, target::pg_catalog.name, col, info.sch, info.tbl, col, factor);
  RETURN pg_catalog.format('%I.%I', info.sch, target)::pg_catalog.regclass;
END;
$$;
