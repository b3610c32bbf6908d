# plraster: a PGXS build of SQL files and of one small C module (the raster type's text
# I/O, src/plraster_io.c), plus the Python package for the interpreter that plpython3u
# embeds (Debian's /usr/bin/python3, not the python3 on PATH).
EXTVERSION := $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" extension/plraster.control)
EXT_SQL = extension/plraster--$(EXTVERSION).sql
EXT_UPGRADES = $(wildcard extension/plraster--*--*.sql)
EXT_FROZEN = $(filter-out $(EXT_SQL) $(EXT_UPGRADES),$(wildcard extension/plraster--*.sql))

MODULEDIR = extension
MODULES = src/plraster_io
DATA = extension/plraster.control $(EXT_SQL) $(EXT_UPGRADES) $(EXT_FROZEN)
EXTRA_CLEAN = $(EXT_SQL)

PYTHON = /usr/bin/python3
PYTHON_SITE = $(shell $(PYTHON) -c 'import sysconfig; print(sysconfig.get_path("purelib", "posix_local") if "posix_local" in sysconfig.get_scheme_names() else sysconfig.get_path("purelib"))')

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)

all: $(EXT_SQL)

# The install script is the numbered feature files, in order; tools/sqlgen.py installs each
# PL/Python function on rasters as a bytea implementation behind an inlined SQL wrapper.
$(EXT_SQL): $(sort $(wildcard sql/*.sql)) extension/plraster.control tools/sqlgen.py
	$(PYTHON) tools/sqlgen.py $@ $(EXTVERSION) $(sort $(wildcard sql/*.sql))

include $(PGXS)

install: install-python

# Copy (not link) the package: the server's user must read it wherever the clone is.
install-python:
	$(PYTHON) tools/check-requirements.py python/requirements.txt || \
	  $(PYTHON) -m pip install -q --break-system-packages -r python/requirements.txt
	mkdir -p $(DESTDIR)$(PYTHON_SITE)/plraster
	cp -r python/plraster/. $(DESTDIR)$(PYTHON_SITE)/plraster/
	find $(DESTDIR)$(PYTHON_SITE)/plraster -name '__pycache__' -prune -exec rm -rf {} +
	# Byte-compiled now, by the server's interpreter: the server's user cannot write
	# __pycache__ here, and without it every new backend compiled each module it imported
	# (about 100 ms of a session's first out-db call).
	$(PYTHON) -m compileall -q $(DESTDIR)$(PYTHON_SITE)/plraster
	$(PYTHON) -c 'import sys; sys.path.insert(0, "$(DESTDIR)$(PYTHON_SITE)"); import plraster'

# The command-line tools, each `python -m plraster.<module>` for the interpreter above:
# plraster-load (raster2pgsql without GDAL, see plraster/load) and plraster-migrate (a
# PostGIS raster pg_dump restored into plraster, see plraster/migrate).
LOADER_BINDIR = /usr/local/bin
CLI_TOOLS = load migrate
install: install-loader
install-loader: install-python
	mkdir -p $(DESTDIR)$(LOADER_BINDIR)
	for t in $(CLI_TOOLS); do \
	  printf '#!/bin/sh\n# plraster-%s (see plraster/%s)\nexec $(PYTHON) -m plraster.%s "$$@"\n' $$t $$t $$t \
	    > $(DESTDIR)$(LOADER_BINDIR)/plraster-$$t && chmod 755 $(DESTDIR)$(LOADER_BINDIR)/plraster-$$t || exit 1; \
	done

deps:
	bash tools/install-deps.sh

# The README's two commands.
demo: deps
	$(MAKE) install
	bash tools/run-as-user.sh .venv/bin/python tools/demo.py

test: deps
	$(MAKE) install
	bash tools/run-tests.sh

# Each benchmark prints its own table; the figures with an issue's target also go to
# BENCH_RESULTS (bench/results.py), printed as one table at the end (bench/summary.py).
BENCH_RESULTS = /tmp/plraster-bench-results.jsonl
bench: export PLRASTER_BENCH_RESULTS = $(BENCH_RESULTS)
bench: deps
	$(MAKE) install
	rm -f $(BENCH_RESULTS) && touch $(BENCH_RESULTS) && chmod 666 $(BENCH_RESULTS)
	bash tools/run-as-user.sh .venv/bin/python bench/bench_foundation.py
	bash tools/run-as-user.sh .venv/bin/python bench/bench_outdb.py
	bash tools/run-as-user.sh .venv/bin/python bench/bench_cold.py
	bash tools/run-as-user.sh .venv/bin/python bench/bench_register.py
	bash tools/run-as-user.sh .venv/bin/python bench/bench_load.py
	bash tools/run-as-user.sh .venv/bin/python bench/bench_session.py
	bash tools/run-as-user.sh .venv/bin/python bench/bench_terrain.py
	bash tools/run-as-user.sh .venv/bin/python bench/bench_mapalg.py
	bash tools/run-as-user.sh .venv/bin/python bench/bench_mapexpr.py
	bash tools/run-as-user.sh .venv/bin/python bench/bench_reclass.py
	bash tools/run-as-user.sh .venv/bin/python bench/bench_colormap.py
	bash tools/run-as-user.sh .venv/bin/python bench/bench_clip.py
	bash tools/run-as-user.sh .venv/bin/python bench/bench_warp.py
	bash tools/run-as-user.sh .venv/bin/python bench/bench_cogwrite.py --size 10000 --store s3
	bash tools/run-as-user.sh .venv/bin/python bench/bench_polygons.py
	bash tools/run-as-user.sh .venv/bin/python bench/bench_stats.py
	bash tools/run-as-user.sh .venv/bin/python bench/bench_bulk.py
	.venv/bin/python bench/summary.py $(BENCH_RESULTS)

.PHONY: install-python install-loader deps demo test bench
