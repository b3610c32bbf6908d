"""plraster-migrate: a PostGIS raster database's pg_dump restored into plraster
(python -m plraster.migrate), and a plraster database's into PostGIS raster.

    dump.py     the dump's format; postgis_raster's entries found and replaced (plain
                dumps as a stream of lines, archives through pg_restore -l / -L)
    target.py   the target database through psql and pg_restore; out-db paths and prefixes
    cli.py      the command line and the order of it all
"""
