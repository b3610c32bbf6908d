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
