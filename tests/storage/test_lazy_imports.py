"""A session imports the HTTP transport only when it reads from a remote source, and botocore only when it signs an S3 request; requests and urllib3 never
(issue 13: the first plraster call of a new connection paid about 100 ms for modules it
never used). Each case runs in a fresh interpreter, as a new backend would."""
import os
import subprocess
import sys

import pytest

PYTHON_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "python")
HEAVY = ("requests", "urllib3", "botocore", "OpenSSL", "plraster.storage.transport")


def _loaded_after(code):
    script = code + "\nimport sys\nprint(' '.join(m for m in %r if m in sys.modules))" % (HEAVY,)
    env = dict(os.environ, PYTHONPATH=PYTHON_DIR)
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                         check=True, timeout=120)
    return set(out.stdout.split())


def test_the_function_families_and_the_outdb_engine_import_no_http_client():
    assert _loaded_after("import plraster.functions.pixels, plraster.functions.stats, plraster.outdb") == set()


def test_reading_a_local_file_imports_no_http_client(tmp_path):
    path = tmp_path / "object.bin"
    path.write_bytes(bytes(range(256)) * 4)
    code = ("from plraster.storage import open_source\n"
            "s = open_source('file://%s')\n"
            "assert s.read_ranges([(10, 3)]) == [bytes([10, 11, 12])]\n" % path)
    assert _loaded_after(code) == set()


def test_an_http_source_imports_the_transport_but_not_requests_or_botocore():
    loaded = _loaded_after("from plraster.storage import open_source\n"
                           "s = open_source('http://127.0.0.1:9/x.tif')\n"
                           "s.transport\n")
    assert loaded == {"plraster.storage.transport"}



@pytest.mark.parametrize("options, signs", [
    ({"AWS_NO_SIGN_REQUEST": "YES"}, False),
    ({"AWS_ACCESS_KEY_ID": "k", "AWS_SECRET_ACCESS_KEY": "s"}, True),
])
def test_botocore_is_imported_only_to_sign_s3_requests(options, signs):
    code = ("from plraster.storage import open_source\n"
            "s = open_source('s3://bucket/key.tif', options=%r, environ={})\n"
            "s.transport.prepare('GET', s.url, {})\n" % (dict(options, AWS_S3_ENDPOINT="http://127.0.0.1:9"),))
    assert ("botocore" in _loaded_after(code)) is signs
