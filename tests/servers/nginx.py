"""nginx serving a directory on 127.0.0.1 with Range (and multi-range) support.

    with NginxServer(directory) as srv:
        srv.url("dem.tif")                # http://127.0.0.1:PORT/dem.tif
        srv.url("dem.tif", "moved")       # answers 302 to /dem.tif

nginx runs in the foreground (`daemon off`) as one process (`master_process off`), with
every path (pid, logs, temp files) under a prefix directory owned by the caller, so it
works as an unprivileged user and as root alike (as root no worker switches to nobody).
Locations:
    /<path>               the directory's files (ETag, Last-Modified, Range)
    /moved/<path>         302 to /<path> on this server
    /away/<path>          302 to the same path on 127.0.0.2 (another host)
    /metadata/            302 to http://169.254.169.254/latest/meta-data/
"""

import os

from .process import LOOPBACK, ManagedServer, ServerError, ServerProcess, find_program, free_port, http_status, wait_until

_CONF = """\
daemon off;
master_process off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log info;
events {{ worker_connections 64; }}
http {{
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    types {{ image/tiff tif tiff; }}
    default_type application/octet-stream;
    server {{
        listen {host}:{port};
        server_name localhost;
        root {root};
        location / {{ }}
        location /moved/ {{ rewrite ^/moved/(.*)$ http://{host}:{port}/$1 redirect; }}
        location /away/ {{ rewrite ^/away/(.*)$ http://127.0.0.2:{port}/$1 redirect; }}
        location /metadata/ {{ return 302 http://169.254.169.254/latest/meta-data/; }}
    }}
}}
"""


class NginxServer(ManagedServer):
    """A context manager running nginx over `root` on a free 127.0.0.1 port."""

    def __init__(self, root, startup_timeout=15.0):
        self.root = os.path.abspath(root)
        self.startup_timeout = startup_timeout
        self.port = None
        self._tmp = None
        self._process = None

    @property
    def base_url(self):
        """http://127.0.0.1:PORT"""
        return f"http://{LOOPBACK}:{self.port}"

    @property
    def access_log(self):
        """Path of the access log (combined format: status and body bytes of every request)."""
        return os.path.join(self._tmp.name, "access.log")

    def url(self, name, via=None):
        """The URL of a file below root, optionally through the /moved/, /away/ locations."""
        return f"{self.base_url}/{via + '/' if via else ''}{name}"

    def start(self):
        """Start nginx and wait until it answers."""
        nginx = find_program("nginx")
        prefix = self.new_tmp("plraster-nginx-")
        os.makedirs(os.path.join(prefix, "tmp"))
        for attempt in range(3):
            self.port = free_port()
            conf = os.path.join(prefix, "nginx.conf")
            with open(conf, "w") as f:
                f.write(_CONF.format(prefix=prefix, host=LOOPBACK, port=self.port, root=self.root))
            # -e: the compiled-in error log (/var/log/nginx) is opened before the config is read.
            self._process = ServerProcess(
                "nginx", [nginx, "-p", prefix, "-c", conf, "-e", os.path.join(prefix, "error.log")],
                os.path.join(prefix, "stdout.log"), cwd=prefix)
            try:
                wait_until(lambda: http_status(self.base_url + "/", "HEAD") in (200, 403, 404),
                           self.startup_timeout, "nginx", [self._process])
                return self
            except ServerError:
                self._process.stop()
                if attempt == 2:
                    raise
        return self

    def stop(self):
        """Stop nginx and remove its prefix directory."""
        if self._process is not None:
            self._process.stop()
            self._process = None
        self.remove_tmp()
