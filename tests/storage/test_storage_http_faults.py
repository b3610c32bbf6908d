"""HttpSource against a fault-injecting server: retries, truncation, timeouts, odd answers."""

import time

import pytest

from plraster.core.errors import AccessDeniedError, CorruptFileError, ObjectNotFoundError, StorageError, StorageTimeoutError
from plraster.storage import HttpSource, ObjectChangedError, io_counter
from plraster.storage.multipart import parse_byteranges, parse_content_range
from plraster.storage.transport import retry_after_seconds

DATA = bytes((i * 7 + i // 256) % 256 for i in range(200_000))
RANGES = [(70_000, 1000), (10, 20), (150_000, 30_000), (199_990, 10)]
FAST = {"GDAL_HTTP_RETRY_DELAY": "0.01", "GDAL_HTTP_MAX_RETRY": "3", "GDAL_INGESTED_BYTES_AT_OPEN": "1024"}


def expected(ranges):
    return [DATA[o:o + n] for o, n in ranges]


def source(server, path="/a.tif", **options):
    server.put(path, DATA) if path not in server.objects else None
    return HttpSource(server.url(path), options=dict(FAST, **options))


@pytest.mark.parametrize("mode", ["PARALLEL", "SERIAL", "SINGLE_GET"])
def test_ranges_equal_bytes(fault_server, mode):
    s = source(fault_server, GDAL_HTTP_MULTIRANGE=mode)
    assert s.size == len(DATA)
    assert s.validator == "v1"
    assert s.read_ranges(RANGES) == expected(RANGES)
    requests = [r for r in fault_server.requests if r[0] == "GET"]
    assert len(requests) == (2 if mode == "SINGLE_GET" else 4)  # open + the 3 ranges past 1024
    assert all(r[2].get("Accept-Encoding") == "identity" for r in requests)


def test_open_reads_prefix_once_and_serves_from_it(fault_server):
    s = source(fault_server)
    assert s.read_ranges([(0, 8), (100, 900)]) == expected([(0, 8), (100, 900)])
    assert [r[2]["Range"] for r in fault_server.requests] == ["bytes=0-1023"]
    stats = io_counter().snapshot()
    assert stats.requests == 1 and stats.bytes == 1024 and stats.retries == 0


def test_server_ignoring_range_gets_whole_object_sliced_and_kept(fault_server):
    fault_server.put("/a.tif", DATA)
    fault_server.plan("/a.tif", "whole")
    s = source(fault_server)
    assert s.read_ranges(RANGES) == expected(RANGES)
    assert len(fault_server.requests) == 1


def test_multi_range_answered_whole(fault_server):
    s = source(fault_server, GDAL_HTTP_MULTIRANGE="SINGLE_GET")
    s.size
    fault_server.plan("/a.tif", "whole")
    assert s.read_ranges(RANGES) == expected(RANGES)
    assert len(fault_server.requests) == 2


def test_multi_range_answered_with_first_range_only(fault_server):
    s = source(fault_server, GDAL_HTTP_MULTIRANGE="SINGLE_GET")
    s.size
    fault_server.plan("/a.tif", "first")
    assert s.read_ranges(RANGES) == expected(RANGES)
    # open, the multi-range request, then one request for each range it lacked
    assert len(fault_server.requests) == 1 + 1 + 2


def test_whole_object_too_large_is_refused(fault_server):
    fault_server.put("/a.tif", DATA)
    fault_server.plan("/a.tif", "whole")
    with pytest.raises(StorageError) as info:
        source(fault_server, PLRASTER_HTTP_MAX_WHOLE_OBJECT="1000").size
    assert "ignored the range request" in info.value.message


def test_retries_500_then_succeeds(fault_server):
    s = source(fault_server)
    fault_server.plan("/a.tif", "500", "503")
    assert s.read_ranges(RANGES[:1]) == expected(RANGES[:1])
    assert io_counter().snapshot().retries == 2


def test_retry_after_is_honoured_and_capped(fault_server):
    s = source(fault_server, PLRASTER_HTTP_MAX_RETRY_DELAY="0.3")
    fault_server.plan("/a.tif", "429:1", "429:3600")
    started = time.monotonic()
    assert s.size == len(DATA)
    elapsed = time.monotonic() - started
    assert 0.5 <= elapsed < 3  # two waits of at most 0.3 s (capped), not 1 s and an hour
    stats = io_counter().snapshot()
    assert stats.retries == 2 and stats.requests == 3 and stats.seconds >= 0.5


def test_retries_exhausted(fault_server):
    s = source(fault_server, GDAL_HTTP_MAX_RETRY="2")
    fault_server.plan("/a.tif", "500", "500", "500", "500")
    with pytest.raises(StorageError) as info:
        s.size
    assert info.value.sqlstate == "58030"
    assert "HTTP 500 after 3 attempts" in info.value.detail
    assert len(fault_server.requests) == 3


def test_truncated_body_retried_then_reported(fault_server):
    s = source(fault_server)
    s.size
    fault_server.plan("/a.tif", "truncate")
    assert s.read_ranges([RANGES[2]]) == expected([RANGES[2]])
    assert io_counter().snapshot().retries == 1
    fault_server.plan("/a.tif", *["truncate"] * 4)
    with pytest.raises(StorageError) as info:
        s.read_ranges([RANGES[0]])
    assert "truncated" in info.value.message


def test_short_but_consistent_answer_is_reported(fault_server):
    s = source(fault_server, GDAL_HTTP_MAX_RETRY="1")
    s.size
    fault_server.plan("/a.tif", "short", "short")
    with pytest.raises(StorageError) as info:
        s.read_ranges([RANGES[2]])
    assert "truncated" in info.value.message


def test_hanging_server_times_out_quickly(fault_server, no_hang):
    fault_server.put("/a.tif", DATA)
    fault_server.plan("/a.tif", "hang", "hang")
    started = time.monotonic()
    with pytest.raises(StorageTimeoutError) as info:
        HttpSource(fault_server.url("/a.tif"),
                   options=dict(FAST, GDAL_HTTP_TIMEOUT="0.5", GDAL_HTTP_MAX_RETRY="1")).size
    assert time.monotonic() - started < 5
    assert info.value.sqlstate == "58030"
    assert io_counter().snapshot().retries == 1


def test_connection_refused_is_retried_then_reported(no_hang):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(StorageError) as info:
        HttpSource(f"http://127.0.0.1:{port}/x.tif", options=FAST).size
    assert "could not connect" in info.value.message
    assert io_counter().snapshot().retries == 3


@pytest.mark.parametrize("status, error, sqlstate", [
    ("404", ObjectNotFoundError, "58P01"), ("410", ObjectNotFoundError, "58P01"),
    ("401", AccessDeniedError, "42501"), ("403", AccessDeniedError, "42501"),
    ("400", StorageError, "58030"),
])
def test_client_errors_by_class(fault_server, status, error, sqlstate):
    fault_server.put("/a.tif", DATA)
    fault_server.plan("/a.tif", status)
    url = fault_server.url("/a.tif") + "?X-Amz-Signature=SIGNATURE-SECRET"
    with pytest.raises(error) as info:
        HttpSource(url, options=FAST).size
    e = info.value
    assert e.sqlstate == sqlstate
    assert "/a.tif" in e.message
    assert "SIGNATURE-SECRET" not in f"{e.message} {e.detail} {e.hint}"
    assert len(fault_server.requests) == 1  # 4xx is not retried


def test_missing_object(fault_server):
    with pytest.raises(ObjectNotFoundError):
        HttpSource(fault_server.url("/missing.tif"), options=FAST).size


def test_range_beyond_end_is_corrupt_file(fault_server):
    s = source(fault_server)
    with pytest.raises(CorruptFileError):
        s.read_ranges([(len(DATA) - 5, 10)])


def test_replaced_object_is_noticed(fault_server):
    s = source(fault_server)
    assert s.validator == "v1"
    assert s.revalidate()
    fault_server.put("/a.tif", DATA)  # same bytes, new version
    with pytest.raises(ObjectChangedError) as info:
        s.read_ranges([RANGES[0]])
    assert info.value.sqlstate == "58030"
    assert not s.revalidate()
    assert s.validator == "v2"
    assert s.read_ranges([RANGES[0]]) == expected([RANGES[0]])


def test_resized_object_is_noticed(fault_server):
    s = source(fault_server)
    s.size
    fault_server.objects["/a.tif"] = (DATA + b"x", 1, fault_server.objects["/a.tif"][2])  # same ETag
    with pytest.raises(ObjectChangedError):
        s.read_ranges([RANGES[0]])


def test_redirect_loop_is_bounded(fault_server):
    fault_server.put("/a.tif", DATA)
    fault_server.plan("/a.tif", *[f"redirect:{fault_server.url('/a.tif')}"] * 10)
    with pytest.raises(StorageError) as info:
        HttpSource(fault_server.url("/a.tif"), options=dict(FAST, PLRASTER_HTTP_MAX_REDIRECTS="3")).size
    assert "too many redirects" in info.value.message


def test_https_to_http_downgrade_refused(fault_server):
    from plraster.storage.transport import HttpTransport
    from plraster.storage.options import HttpOptions

    transport = HttpTransport(HttpOptions())
    with pytest.raises(AccessDeniedError):
        transport._redirect_target("https://h.org/a", "http://h.org/a", "x", None)


def test_one_session_per_configuration(fault_server):
    from plraster.storage import registry

    a = source(fault_server)
    b = HttpSource(fault_server.url("/a.tif"), options=FAST)
    c = HttpSource(fault_server.url("/a.tif"), options=dict(FAST, GDAL_HTTP_TIMEOUT="7"))
    assert a.transport is b.transport and a.transport is not c.transport
    assert len(registry.transports()) == 2
    registry.reset()
    assert registry.transports() == []


def test_counter_reset(fault_server):
    source(fault_server).read_ranges(RANGES)
    before = io_counter().reset()
    assert before.requests == 4 and before.bytes == 1024 + 1000 + 30_000 + 10
    assert io_counter().snapshot().requests == 0


def test_retry_after_parsing():
    assert retry_after_seconds("5") == 5
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470) == 10
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None


def test_multipart_parsing_uses_part_lengths():
    payload = b"--B\r\nX\r\n--B--"  # data that looks like a boundary
    body = (b"--B\r\nContent-Range: bytes 10-22/100\r\n\r\n" + payload +
            b"\r\n--B\r\nContent-Range: bytes 50-51/100\r\n\r\nzz\r\n--B--\r\n")
    assert parse_byteranges(body, "B") == [(10, 100, payload), (50, 100, b"zz")]
    assert parse_content_range("bytes 0-9/10") == (0, 9, 10)
    assert parse_content_range("bytes */10") == (None, None, 10)
    with pytest.raises(StorageError):
        parse_content_range("bytes 5-2/10")


# --- total deadlines: a slow drip cannot stretch a request (issue 9, finding 3) -------------

SLOW = dict(FAST, GDAL_HTTP_TIMEOUT="1", GDAL_HTTP_MAX_RETRY="0")


def timed(fn):
    """(exception raised by fn(), seconds taken)."""
    started = time.monotonic()
    with pytest.raises(StorageError) as info:
        fn()
    return info.value, time.monotonic() - started


@pytest.mark.parametrize("fault, part", [("drip-body:0.2", "body"), ("drip-headers:0.2", "headers"),
                                         ("hang", "headers"), ("hang-body", "body"),
                                         ("whole+lie-long", "body")])
def test_slow_server_ends_by_the_total_deadline(fault_server, no_hang, fault, part):
    """One byte every 0.2 s would take minutes for these ranges; the request ends at its
    1 s deadline, and the message says which part did not arrive in time."""
    s = source(fault_server, **SLOW)
    s.size
    fault_server.plan("/a.tif", fault)
    error, elapsed = timed(lambda: s.read_ranges([RANGES[0]]))
    assert isinstance(error, StorageTimeoutError) and error.sqlstate == "58030"
    assert error.message == f'{part} of out-db object "{fault_server.url("/a.tif")}" not received within 1 seconds'
    assert "GDAL_HTTP_TIMEOUT" in error.detail and "1 attempt" in error.detail
    assert 0.9 < elapsed < 1.8, elapsed


def test_slow_drip_across_retries_is_bounded(fault_server, no_hang):
    """Each attempt has its own deadline: 3 attempts of 1 s plus two short backoffs."""
    s = source(fault_server, **dict(SLOW, GDAL_HTTP_MAX_RETRY="2"))
    s.size
    fault_server.plan("/a.tif", "drip-body:0.2", "drip-headers:0.2", "drip-body:0.2")
    error, elapsed = timed(lambda: s.read_ranges([RANGES[0]]))
    assert isinstance(error, StorageTimeoutError)
    assert error.message.startswith("body of") and "3 attempts" in error.detail
    assert 2.9 < elapsed < 4.5, elapsed
    assert io_counter().snapshot().retries == 2


def test_slow_drip_then_success_gives_the_true_bytes(fault_server, no_hang):
    s = source(fault_server, **dict(SLOW, GDAL_HTTP_MAX_RETRY="1"))
    s.size
    fault_server.plan("/a.tif", "drip-body:0.2")
    assert s.read_ranges([RANGES[0]]) == expected([RANGES[0]])


def test_slow_whole_object_reports_the_bytes_received(fault_server, no_hang):
    fault_server.put("/a.tif", DATA)
    fault_server.plan("/a.tif", "whole+drip-body:0.05")
    error, elapsed = timed(lambda: source(fault_server, **SLOW).size)
    assert error.message.startswith("body of")
    assert f" of {len(DATA)} bytes had arrived" in error.detail
    received = int(error.detail.split(" ")[0])
    assert 5 <= received <= 25
    assert io_counter().snapshot().bytes == received  # every byte read is counted


def test_connect_timeout_is_named(no_hang):
    """A listening socket whose accept queue is full drops new SYNs: connect() waits."""
    import socket

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        port = listener.getsockname()[1]
        fillers = []
        try:
            for _ in range(4):  # fill the accept queue (never accepted)
                filler = socket.socket()
                filler.setblocking(False)
                filler.connect_ex(("127.0.0.1", port))
                fillers.append(filler)
            time.sleep(0.1)
            url = f"http://127.0.0.1:{port}/x.tif"
            error, elapsed = timed(lambda: HttpSource(url, options=dict(
                SLOW, GDAL_HTTP_CONNECTTIMEOUT="0.5")).size)
        finally:
            for filler in fillers:
                filler.close()
    assert isinstance(error, StorageTimeoutError)
    assert error.message == f'could not connect for out-db object "{url}" within 0.5 seconds'
    assert 0.4 < elapsed < 2


# --- bodies past a limit are counted and told apart (issue 9, finding 10) -------------------

def test_whole_object_over_the_cap_is_counted(fault_server):
    fault_server.put("/a.tif", DATA)
    fault_server.plan("/a.tif", "whole")
    with pytest.raises(StorageError) as info:
        source(fault_server, PLRASTER_HTTP_MAX_WHOLE_OBJECT="1000").size
    assert "ignored the range request" in info.value.message and "HTTP 200" in info.value.detail
    stats = io_counter().snapshot()
    assert stats.requests == 1 and stats.bytes == 0  # refused on its Content-Length


def test_endless_whole_object_is_cut_at_the_cap_and_counted(fault_server, no_hang):
    fault_server.put("/a.tif", DATA)
    fault_server.plan("/a.tif", "endless-200")
    with pytest.raises(StorageError) as info:
        source(fault_server, PLRASTER_HTTP_MAX_WHOLE_OBJECT="1000000").size
    assert "ignored the range request" in info.value.message
    assert 1_000_000 < io_counter().snapshot().bytes < 1_000_000 + 2 * 65536


@pytest.mark.parametrize("fault", ["more:5000", "endless", "lie-long"])
def test_partial_answer_larger_than_asked_is_a_protocol_violation(fault_server, no_hang, fault):
    s = source(fault_server)
    s.size
    before = io_counter().snapshot().bytes
    fault_server.plan("/a.tif", fault)
    with pytest.raises(StorageError) as info:
        s.read_ranges([RANGES[0]])
    assert info.value.message == \
        f'server sent more than the requested range for out-db object "{fault_server.url("/a.tif")}"'
    assert "1000 bytes" in info.value.detail and "HTTP 206" in info.value.detail
    assert "ignored" not in info.value.message
    assert fault_server.count("/a.tif") == 2  # not repeated
    if fault == "endless":
        assert 1000 < io_counter().snapshot().bytes - before <= 1000 + 65536


def test_content_encoding_is_refused(fault_server):
    s = source(fault_server)
    s.size
    fault_server.plan("/a.tif", "gzip")
    with pytest.raises(StorageError) as info:
        s.read_ranges([RANGES[0]])
    assert info.value.message.startswith("unexpected content encoding") and '"gzip"' in info.value.detail


def test_truncated_whole_object_is_not_taken_for_the_object(fault_server):
    """A 200 cut short would otherwise be a smaller object with other bytes."""
    fault_server.put("/a.tif", DATA)
    fault_server.plan("/a.tif", "whole+truncate")
    s = source(fault_server)
    assert s.size == len(DATA)
    assert s.read_ranges(RANGES) == expected(RANGES)
    assert io_counter().snapshot().retries == 1
    fault_server.plan("/a.tif", *["whole+truncate"] * 4)
    with pytest.raises(StorageError) as info:
        source(fault_server, GDAL_HTTP_MAX_RETRY="1").read_ranges([RANGES[0]])
    assert "truncated" in info.value.message


@pytest.mark.parametrize("fault, message", [
    ("reset", "truncated response"), ("close", "no response"), ("lie-short", "truncated response"),
    ("offset:7", "wrong range in response"), ("short", "truncated response")])
def test_broken_answers_are_retried_then_named(fault_server, no_hang, fault, message):
    s = source(fault_server, GDAL_HTTP_MAX_RETRY="1")
    s.size
    fault_server.plan("/a.tif", fault)
    assert s.read_ranges([RANGES[2]]) == expected([RANGES[2]])
    fault_server.plan("/a.tif", fault, fault)
    with pytest.raises(StorageError) as info:
        s.read_ranges([RANGES[0]])
    assert info.value.message == f'{message} for out-db object "{fault_server.url("/a.tif")}"'
    assert "2 attempts" in info.value.detail


def test_other_total_is_a_changed_object(fault_server):
    s = source(fault_server)
    s.size
    fault_server.plan("/a.tif", "total:10")
    with pytest.raises(ObjectChangedError):
        s.read_ranges([RANGES[0]])


def test_retry_after_http_date(fault_server, no_hang):
    s = source(fault_server, PLRASTER_HTTP_MAX_RETRY_DELAY="5")
    fault_server.plan("/a.tif", "503:@2")
    started = time.monotonic()
    assert s.size == len(DATA)
    assert 1.0 <= time.monotonic() - started < 3.5  # the date has whole seconds
