"""OpenStack Swift (Debian's packages) on 127.0.0.1: proxy, account, container, object.

    with SwiftServer() as srv:
        srv.put_object("cogs", "dem.tif", data)
        srv.options()          # SWIFT_AUTH_V1_URL, SWIFT_USER, SWIFT_KEY for the test account

Four single-process servers (`workers = 0`) and a memcached for tempauth's tokens, all
on free ports; rings of one replica on one plain directory (`mount_check = false`),
built with swift-ring-builder in a temporary swift_dir. The servers also read
/etc/swift/swift.conf (hash path prefix/suffix, storage policies) whatever swift_dir
says; tools/install-deps.sh makes sure a readable one exists.

Tempauth users: test:tester / testing (.admin of AUTH_test) and test:reader / readpw
(no rights on any container, for 403 tests).
"""

import getpass
import os
import subprocess
import urllib.request

from .process import (LOOPBACK, ManagedServer, ServerError, ServerProcess, find_program, free_port, http_status,
                      port_open, wait_until)

USER, KEY = "test:tester", "testing"
READER, READER_KEY = "test:reader", "readpw"
SWIFT_CONF = "/etc/swift/swift.conf"

_COMMON = """\
[DEFAULT]
bind_ip = {host}
bind_port = {port}
workers = 0
user = {user}
swift_dir = {swift_dir}
devices = {devices}
mount_check = false
log_name = {name}
log_udp_host = {host}
log_udp_port = {log_port}
recon_cache_path = {cache}
"""

_STORAGE = _COMMON + """
[pipeline:main]
pipeline = {name}

[app:{name}]
use = egg:swift#{kind}
"""

_PROXY = _COMMON + """
[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats tempauth copy dlo slo proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
allow_account_management = true

[filter:tempauth]
use = egg:swift#tempauth
reseller_prefix = AUTH
token_life = 3600
user_test_tester = testing .admin
user_test_reader = readpw

[filter:cache]
use = egg:swift#memcache
memcache_servers = {host}:{memcached_port}

[filter:catch_errors]
use = egg:swift#catch_errors

[filter:gatekeeper]
use = egg:swift#gatekeeper

[filter:healthcheck]
use = egg:swift#healthcheck

[filter:proxy-logging]
use = egg:swift#proxy_logging

[filter:listing_formats]
use = egg:swift#listing_formats

[filter:copy]
use = egg:swift#copy

[filter:dlo]
use = egg:swift#dlo

[filter:slo]
use = egg:swift#slo
"""


def check_swift_conf():
    """Raise ServerError unless /etc/swift/swift.conf is readable and has a hash path setting."""
    try:
        with open(SWIFT_CONF) as f:
            text = f.read()
    except OSError as exc:
        raise ServerError(f"{SWIFT_CONF} is not readable ({exc.strerror}); "
                          f"run tools/install-deps.sh as root") from None
    if "swift_hash_path_suffix" not in text and "swift_hash_path_prefix" not in text:
        raise ServerError(f"{SWIFT_CONF} has no [swift-hash] setting; run tools/install-deps.sh as root")


class SwiftServer(ManagedServer):
    """A context manager running a one-node Swift cluster with tempauth on 127.0.0.1."""

    def __init__(self, startup_timeout=30.0):
        self.startup_timeout = startup_timeout
        self.ports = {}
        self._tmp = None
        self._processes = []

    @property
    def auth_url(self):
        """The v1 auth URL (tempauth)."""
        return f"http://{LOOPBACK}:{self.ports['proxy']}/auth/v1.0"

    def options(self, user=USER, key=KEY):
        """Storage options (GDAL names) for v1 auth as `user`."""
        return {"SWIFT_AUTH_V1_URL": self.auth_url, "SWIFT_USER": user, "SWIFT_KEY": key}

    def authenticate(self, user=USER, key=KEY):
        """(storage_url, token) from tempauth."""
        request = urllib.request.Request(self.auth_url, headers={"X-Auth-User": user, "X-Auth-Key": key})
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(request, timeout=10) as response:
            return response.headers["X-Storage-Url"], response.headers["X-Auth-Token"]

    def put_object(self, container, name, data):
        """Create the container if needed and store an object in it (as the admin user)."""
        storage_url, token = self.authenticate()
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        for url, body in ((f"{storage_url}/{container}", b""), (f"{storage_url}/{container}/{name}", data)):
            request = urllib.request.Request(url, data=body, method="PUT", headers={"X-Auth-Token": token})
            with opener.open(request, timeout=30) as response:
                if response.status not in (201, 202):
                    raise ServerError(f"PUT {url} answered {response.status}")

    def start(self):
        """Build the rings, start memcached and the four servers, wait for the proxy."""
        check_swift_conf()
        root = self.new_tmp("plraster-swift-")
        swift_dir, devices, cache = (os.path.join(root, d) for d in ("etc", "srv", "cache"))
        for d in (swift_dir, os.path.join(devices, "sdb1"), cache):
            os.makedirs(d)
        self.ports = {k: free_port() for k in ("proxy", "account", "container", "object", "memcached", "log")}
        try:
            self._build_rings(swift_dir)
            self._start_memcached(root)
            fields = dict(host=LOOPBACK, user=getpass.getuser(), swift_dir=swift_dir, devices=devices,
                          cache=cache, log_port=self.ports["log"], memcached_port=self.ports["memcached"])
            for kind in ("account", "container", "object"):
                conf = os.path.join(swift_dir, f"{kind}-server.conf")
                with open(conf, "w") as f:
                    f.write(_STORAGE.format(port=self.ports[kind], name=f"{kind}-server", kind=kind, **fields))
                self._spawn(f"swift-{kind}-server", conf, root)
            conf = os.path.join(swift_dir, "proxy-server.conf")
            with open(conf, "w") as f:
                f.write(_PROXY.format(port=self.ports["proxy"], name="proxy-server", **fields))
            self._spawn("swift-proxy-server", conf, root)
            for kind in ("account", "container", "object"):
                wait_until(lambda k=kind: port_open(self.ports[k]), self.startup_timeout,
                           f"swift {kind} server", self._processes)
            healthcheck = f"http://{LOOPBACK}:{self.ports['proxy']}/healthcheck"
            wait_until(lambda: http_status(healthcheck) == 200, self.startup_timeout, "swift proxy",
                       self._processes)
            wait_until(lambda: self.authenticate()[1], self.startup_timeout, "swift tempauth", self._processes)
        except BaseException:
            self.stop()
            raise
        return self

    def _build_rings(self, swift_dir):
        builder = find_program("swift-ring-builder")
        for kind in ("account", "container", "object"):
            path = os.path.join(swift_dir, f"{kind}.builder")
            for args in (["create", "6", "1", "1"],
                         ["add", f"r1z1-{LOOPBACK}:{self.ports[kind]}/sdb1", "100"],
                         ["rebalance"]):
                result = subprocess.run([builder, path] + args, capture_output=True, text=True)
                # rebalance exits 1 with a warning on a one-device ring; the ring is written anyway
                if result.returncode not in (0, 1):
                    raise ServerError(f"swift-ring-builder {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
            if not os.path.exists(os.path.join(swift_dir, f"{kind}.ring.gz")):
                raise ServerError(f"swift-ring-builder wrote no {kind}.ring.gz")

    def _start_memcached(self, root):
        argv = [find_program("memcached"), "-l", LOOPBACK, "-p", str(self.ports["memcached"]), "-U", "0", "-m", "16"]
        if os.geteuid() == 0:
            argv += ["-u", "nobody"]  # memcached refuses to run as root
        self._processes.append(ServerProcess("memcached", argv, os.path.join(root, "memcached.log")))
        wait_until(lambda: port_open(self.ports["memcached"]), self.startup_timeout, "memcached", self._processes)

    def _spawn(self, program, conf, root):
        name = os.path.basename(program)
        argv = [find_program(program), conf, "--verbose"]
        self._processes.append(ServerProcess(name, argv, os.path.join(root, f"{name}.log"), cwd=root))

    def stop(self):
        """Stop every process (SIGTERM, then SIGKILL) and remove the data."""
        for process in reversed(self._processes):
            process.stop()
        self._processes = []
        self.remove_tmp()
