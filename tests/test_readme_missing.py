"""The README's "Not implemented yet" list is exactly the PostGIS raster function names that
plraster does not have, compared in one server (postgis_raster and plraster side by side)."""
import os
import re

README = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "README.md")

MEMBER_NAMES = """
SELECT DISTINCT p.proname FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid
JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND d.deptype = 'e'
WHERE e.extname = %s AND p.proname !~ '^_'
  -- a type's I/O functions are not called by name (plraster's raster has its own)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type t
                  WHERE p.oid IN (t.typinput, t.typoutput, t.typreceive, t.typsend))
"""


def _readme_list():
    text = open(README).read()
    section = text.split("### Not implemented yet", 1)[1].split("\n## ", 1)[0]
    section = section.split("(The list", 1)[0]
    return {n.lower() for n in re.findall(r"\b((?:ST|postgis)_\w+)", section)}


def test_readme_lists_exactly_the_missing_names(sql):
    postgis = {r[0] for r in sql.run(MEMBER_NAMES % "'postgis_raster'").rows}
    plraster = {r[0] for r in sql.run(MEMBER_NAMES % "'plraster'").rows}
    missing = {n for n in postgis - plraster}
    listed = _readme_list()
    assert listed == missing, ("listed but present: %s; missing but not listed: %s"
                               % (sorted(listed - missing), sorted(missing - listed)))
