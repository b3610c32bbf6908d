-- Before anything is created: a schema that already has a type named raster is almost
-- always one where PostGIS's postgis_raster is installed. Say so, rather than failing
-- later with PostgreSQL's bare "type raster already exists".
DO $$
BEGIN
  IF pg_catalog.to_regtype('@extschema@.raster') IS NOT NULL THEN
    RAISE EXCEPTION 'schema % already has a type named raster',
                    pg_catalog.quote_ident(pg_catalog.current_schema())
      USING ERRCODE = 'duplicate_object',
            DETAIL = CASE WHEN EXISTS (SELECT FROM pg_catalog.pg_extension x
                                       WHERE x.extname OPERATOR(pg_catalog.=) 'postgis_raster'
                                         AND x.extnamespace OPERATOR(pg_catalog.=) pg_catalog.to_regnamespace('@extschema@'))
                          THEN 'PostGIS''s postgis_raster is installed in that schema.'
                          ELSE 'plraster creates its own raster type there.' END,
            HINT = 'Create plraster in another schema: CREATE SCHEMA plraster; CREATE EXTENSION plraster SCHEMA plraster;';
  END IF;
END
$$;
