"""S3 objects (GDAL's /vsis3/), signed with botocore's SigV4 signer, GDAL's option names.

    AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN   credentials
    AWS_NO_SIGN_REQUEST=YES          anonymous requests (public buckets)
    AWS_REGION (or AWS_DEFAULT_REGION)  region of the signature (default us-east-1)
    AWS_S3_ENDPOINT                  host[:port] (default s3.<region>.amazonaws.com); an
                                     http:// or https:// prefix overrides AWS_HTTPS
    AWS_HTTPS=NO                     plain http
    AWS_VIRTUAL_HOSTING=FALSE        path-style URLs (endpoint/bucket/key); the default is
                                     bucket.endpoint/key when the bucket name allows it

The signer is botocore.auth.S3SigV4Auth, botocore's SigV4Auth subclass for S3: it adds the
X-Amz-Content-SHA256 header S3 requires and keeps the path as S3 expects it (no
normalisation of '//' or '.').
"""

import re
import urllib.parse

from plraster.core.errors import InvalidParameterError

from . import registry
from .options import S3_OPTION_NAMES, S3_SECRET_NAMES, HttpOptions, merge_options, parse_bool
from .remote import RemoteSource
from .transport import HttpTransport

OPTION_NAMES = S3_OPTION_NAMES
SECRET_NAMES = S3_SECRET_NAMES
_DNS_BUCKET = re.compile(r"[a-z0-9][a-z0-9-]{1,61}[a-z0-9]\Z")


class S3Transport(HttpTransport):
    """Requests to one S3 endpoint with one set of credentials."""

    kind = "s3"
    redirect_off_host = False

    def __init__(self, options, mapping):
        super().__init__(options)
        self.region = mapping.get("AWS_REGION") or mapping.get("AWS_DEFAULT_REGION") or "us-east-1"
        endpoint = mapping.get("AWS_S3_ENDPOINT") or (
            "s3.amazonaws.com" if self.region == "us-east-1" else f"s3.{self.region}.amazonaws.com")
        scheme = "https" if parse_bool("AWS_HTTPS", mapping.get("AWS_HTTPS"), True) else "http"
        if "://" in endpoint:
            scheme, endpoint = endpoint.split("://", 1)
        self.scheme = scheme.lower()
        self.endpoint = endpoint.rstrip("/")
        self.virtual_hosting = parse_bool("AWS_VIRTUAL_HOSTING", mapping.get("AWS_VIRTUAL_HOSTING"), True)
        self.unsigned = parse_bool("AWS_NO_SIGN_REQUEST", mapping.get("AWS_NO_SIGN_REQUEST"))
        self._signer = None
        if not self.unsigned:
            access_key = mapping.get("AWS_ACCESS_KEY_ID")
            secret_key = mapping.get("AWS_SECRET_ACCESS_KEY")
            if not (access_key and secret_key):
                raise InvalidParameterError(
                    "s3 credentials are not configured",
                    detail="AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set.",
                    hint="Set AWS_NO_SIGN_REQUEST=YES for a public bucket.")
            # botocore (about 50 ms to import) only in a session that reads from S3.
            import botocore.auth
            import botocore.credentials
            credentials = botocore.credentials.Credentials(
                access_key, secret_key, mapping.get("AWS_SESSION_TOKEN") or None)
            self._signer = botocore.auth.S3SigV4Auth(credentials, "s3", self.region)

    def object_url(self, bucket, key):
        """The URL of an object, virtual-hosted or path-style."""
        quoted_key = urllib.parse.quote(key, safe="/-_.~")
        if self.virtual_hosting and _DNS_BUCKET.match(bucket):
            return f"{self.scheme}://{bucket}.{self.endpoint}/{quoted_key}"
        return f"{self.scheme}://{self.endpoint}/{urllib.parse.quote(bucket, safe='')}/{quoted_key}"

    def prepare(self, method, url, headers, data=None):
        """Sign the request (every attempt again: the signature carries the time); the
        signature covers the body's SHA-256."""
        if self._signer is None:
            return headers
        import botocore.awsrequest
        request = botocore.awsrequest.AWSRequest(method=method, url=url, headers=dict(headers),
                                                 data=data)
        self._signer.add_auth(request)
        return dict(request.headers.items())


def s3_transport(options=None, environ=None):
    """The module-level S3Transport for these options (and environment)."""
    mapping = merge_options(options, environ)
    http_options = HttpOptions.from_mapping(mapping)
    key = registry.config_key("s3", mapping, OPTION_NAMES, SECRET_NAMES) + (http_options,)
    return registry.get_transport(key, lambda: S3Transport(http_options, mapping))


class S3Source(RemoteSource):
    """An object in an S3 bucket (s3://bucket/key, /vsis3/bucket/key)."""

    def __init__(self, bucket, key, options=None, counter=None, transport=None, environ=None):
        transport = transport or s3_transport(options, environ)
        super().__init__(transport, transport.object_url(bucket, key), f"s3://{bucket}/{key}", None, counter)
