"""Publishing a finished local file as an object on S3 or Swift, atomically: a failed upload
leaves no object under the target name.

    upload_file(parsed, "/path/to/file.tif", options={...}, progress=lambda done, total: ...)

- S3: a file up to one part is one PUT; a larger one is a multipart upload
  (CreateMultipartUpload, UploadPart, CompleteMultipartUpload). The object exists only once
  the upload is completed; on any failure the upload is aborted, so no part is kept.
- Swift: a file up to one part is one PUT; a larger one is a Static Large Object: segments
  under `.plraster-segments/<name>/<random>/` in the same container, then the manifest PUT
  last, so the name appears only when every segment is there; on failure the segments
  written are deleted.

Each request goes through the backend's transport (storage.s3 / storage.swift): timeouts,
retries with backoff on 5xx and broken connections, the guarded connections that refuse
forbidden addresses, cancellation. A part is read from the file when it is sent: memory
holds one part at a time. PLRASTER_UPLOAD_PART_SIZE sets the part size in bytes (default
16 MiB, at least 5 MiB, S3's minimum).
"""
import hashlib
import json
import os
import re
import uuid
import urllib.parse
from xml.sax.saxutils import escape

from plraster.core.errors import InvalidParameterError, StorageError, UnsupportedError

PART_OPTION = "PLRASTER_UPLOAD_PART_SIZE"
DEFAULT_PART = 16 << 20
MIN_PART = 5 << 20
MAX_PARTS = 10000  # S3's limit
SEGMENTS = ".plraster-segments"


def part_size(options, size):
    """The part size for a file of `size` bytes: the option (or the default), at least
    MIN_PART, raised so that no more than MAX_PARTS parts are needed."""
    text = (options or {}).get(PART_OPTION)
    try:
        part = int(text) if text else DEFAULT_PART
    except ValueError:
        raise InvalidParameterError('invalid value for storage option "%s"' % PART_OPTION,
                                    detail="The part size is a number of bytes.") from None
    if part < MIN_PART:
        raise InvalidParameterError('storage option "%s" is below %d bytes' % (PART_OPTION, MIN_PART),
                                    detail="S3 refuses parts smaller than 5 MiB (but the last).")
    return max(part, -(-size // MAX_PARTS))


def _parts(path, size, part):
    """(number, offset, bytes) of each part of the file, read when asked for."""
    with open(path, "rb") as f:
        for number, offset in enumerate(range(0, max(size, 1), part), 1):
            f.seek(offset)
            yield number, offset, f.read(part)


def upload_file(parsed, local_path, *, options=None, progress=None):
    """Publish the file at local_path as the object `parsed` (a ParsedPath of scheme s3 or
    swift) with the source's storage options; progress(bytes_done, bytes_total) after each
    part."""
    size = os.path.getsize(local_path)
    part = part_size(options, size)
    if parsed.scheme == "s3":
        from .s3 import s3_transport
        return _S3Upload(s3_transport(options, environ={}), parsed, progress).run(local_path, size, part)
    if parsed.scheme == "swift":
        from .swift import swift_transport
        return _SwiftUpload(swift_transport(options, environ={}), parsed, progress).run(local_path, size, part)
    raise UnsupportedError("cannot upload to %s" % parsed.scheme,
                           hint="Uploads go to s3:// and swift:// objects (or local paths).")


class _S3Upload:
    def __init__(self, transport, parsed, progress):
        self.t, self.progress = transport, progress
        self.url = transport.object_url(parsed.bucket, parsed.key)
        self.display = "s3://%s/%s" % (parsed.bucket, parsed.key)

    def _call(self, method, url, data=None, ok=(200,)):
        return self.t.request(method, url, display=self.display, data=data, ok_statuses=ok,
                              body_limit=1 << 20)

    def run(self, path, size, part):
        if size <= part:
            with open(path, "rb") as f:
                self._call("PUT", self.url, f.read())
            self._report(size, size)
            return size
        answer = self._call("POST", self.url + "?uploads")
        match = re.search(rb"<UploadId>([^<]+)</UploadId>", answer.body)
        if match is None:
            raise StorageError('could not start the upload of "%s"' % self.display,
                               detail="The answer to CreateMultipartUpload has no UploadId.")
        upload_id = urllib.parse.quote(match.group(1).decode(), safe="")
        try:
            etags = []
            for number, offset, data in _parts(path, size, part):
                answer = self._call("PUT", "%s?partNumber=%d&uploadId=%s" % (self.url, number, upload_id), data)
                etags.append((number, answer.headers.get("ETag", "")))
                self._report(offset + len(data), size)
            body = "<CompleteMultipartUpload>%s</CompleteMultipartUpload>" % "".join(
                "<Part><PartNumber>%d</PartNumber><ETag>%s</ETag></Part>" % (n, escape(e))
                for n, e in etags)
            answer = self._call("POST", "%s?uploadId=%s" % (self.url, upload_id), body.encode())
            if b"<Error>" in answer.body:  # S3 may answer 200 and fail in the body
                raise StorageError('could not complete the upload of "%s"' % self.display,
                                   detail="CompleteMultipartUpload answered with an error.")
        except BaseException:
            self._abort(upload_id)
            raise
        return size

    def _abort(self, upload_id):
        # tried a few times over (each with the transport's retries): an upload left open
        # keeps its parts, and their cost, on the store
        for _ in range(3):
            try:
                self._call("DELETE", "%s?uploadId=%s" % (self.url, upload_id), ok=(200, 204, 404))
                return
            except Exception:  # the first failure is the one to report
                continue

    def _report(self, done, total):
        if self.progress is not None:
            self.progress(done, total)


class _SwiftUpload(_S3Upload):
    def __init__(self, transport, parsed, progress):
        self.t, self.progress = transport, progress
        self.container, self.name = parsed.bucket, parsed.key
        self.url = transport.object_url(parsed.bucket, parsed.key)
        self.display = "swift://%s/%s" % (parsed.bucket, parsed.key)

    def run(self, path, size, part):
        if size <= part:
            with open(path, "rb") as f:
                self._call("PUT", self.url, f.read(), ok=(200, 201))
            self._report(size, size)
            return size
        prefix = "%s/%s/%s" % (SEGMENTS, self.name, uuid.uuid4().hex)
        written = []
        try:
            manifest = []
            for number, offset, data in _parts(path, size, part):
                name = "%s/%08d" % (prefix, number)
                self._call("PUT", self.t.object_url(self.container, name), data, ok=(200, 201))
                written.append(name)
                manifest.append({"path": "/%s/%s" % (self.container, name),
                                 "etag": hashlib.md5(data).hexdigest(), "size_bytes": len(data)})
                self._report(offset + len(data), size)
            self._call("PUT", self.url + "?multipart-manifest=put",
                       json.dumps(manifest).encode(), ok=(200, 201))
        except BaseException:
            for name in written:
                try:
                    self._call("DELETE", self.t.object_url(self.container, name), ok=(200, 204, 404))
                except Exception:  # the first failure is the one to report
                    pass
            raise
        return size
