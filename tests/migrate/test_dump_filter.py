"""plraster-migrate's filtering of a plain dump and of an archive's table of contents, on
text written as pg_dump writes it (no server): what is left out, what is replaced, and
that COPY data is never touched."""
import sys
import os

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python"))

from plraster.migrate import dump  # noqa: E402

PLAIN = b"""\
CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA public;
COMMENT ON EXTENSION postgis IS 'PostGIS geometry and geography spatial types and functions';
CREATE EXTENSION IF NOT EXISTS postgis_raster WITH SCHEMA "My Schema";
COMMENT ON EXTENSION postgis_raster IS 'PostGIS raster types and functions
on two lines';
CREATE TABLE public.notes (t text, rast "My Schema".raster);
COPY public.notes (t, rast) FROM stdin;
CREATE EXTENSION IF NOT EXISTS postgis_raster WITH SCHEMA public;\t0100
COMMENT ON EXTENSION postgis_raster IS 'x';\t\\N
\\.
COPY public.plraster_source_config (prefix, options) FROM stdin;
/srv/\t{}
\\.
ALTER TABLE t ADD CONSTRAINT c CHECK (public.st_samealignment(rast, ('01AB'::public.plraster_wkb)::public.raster));
"""


def _filtered(drop, config=(), rewrite=None):
    lines = PLAIN.splitlines(keepends=True)
    return b"".join(dump.filter_plain(lines, drop, lambda s: f"-- created in {s}\n".encode(), config, rewrite))


def test_plain_postgis_raster_replaced_copy_untouched():
    out = _filtered("postgis_raster").decode()
    assert "-- created in My Schema\n" in out
    assert "COMMENT ON EXTENSION postgis_raster IS 'PostGIS" not in out and "on two lines" not in out
    assert "COMMENT ON EXTENSION postgis IS" in out
    # the COPY rows that look like the statements stay, byte for byte
    assert "CREATE EXTENSION IF NOT EXISTS postgis_raster WITH SCHEMA public;\t0100\n" in out
    assert "COMMENT ON EXTENSION postgis_raster IS 'x';\t\\N\n" in out
    assert "/srv/\t{}\n" in out  # not a configuration table in this direction
    assert len(out.splitlines()) == len(PLAIN.splitlines()) - 2


def test_plain_config_data_and_literal_spelling_for_postgis():
    out = _filtered("postgis_raster", ("plraster_source_config",), dump.postgis_spelling).decode()
    assert "plraster_source_config" not in out and "/srv/" not in out
    assert "CHECK (public.st_samealignment(rast, '01AB'::public.raster));" in out


def test_plain_schema_read_from_the_head(tmp_path):
    path = tmp_path / "d.sql"
    path.write_bytes(PLAIN)
    assert dump.plain_extension_schema(str(path), "postgis_raster") == "My Schema"
    assert dump.plain_extension_schema(str(path), "plraster") is None
    assert dump.detect_format(str(path)) == dump.PLAIN


LISTING = """\
;
; Selected TOC Entries:
;
4; 3079 21238 EXTENSION - plpython3u 
2; 3079 16385 EXTENSION - postgis 
4873; 0 0 COMMENT - EXTENSION postgis 
3; 3079 17429 EXTENSION - postgis_raster 
4874; 0 0 COMMENT - EXTENSION postgis_raster 
233; 1259 17987 TABLE public dem postgres
4860; 0 17987 TABLE DATA public dem postgres
4861; 0 17990 TABLE DATA public plraster_source_config postgres
"""


def test_toc_split_around_the_extension():
    before, after = dump.split_toc(LISTING, "postgis_raster")
    assert [l.split(";")[0] for l in before if not l.startswith(";")] == ["4", "2", "4873"]
    assert [l.split(";")[0] for l in after] == ["233", "4860", "4861"]
    _, after = dump.split_toc(LISTING, "postgis_raster", ("plraster_source_config",))
    assert [l.split(";")[0] for l in after] == ["233", "4860"]
    assert dump.split_toc(LISTING, "plraster") is None
    assert dump.extension_entry(LISTING, "postgis_raster") == "3; 3079 17429 EXTENSION - postgis_raster "
