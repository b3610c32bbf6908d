#!/usr/bin/env bash
# Runs the raster type's text I/O (src/plraster_io.c, as installed in $libdir) under valgrind
# memcheck in a single-user PostgreSQL on a scratch cluster: large values (allocations of
# their own, so an overrun is seen), both input forms, every refusal, toasted input to the
# output. Fails when valgrind reports an error in a stack that passes through plraster_io.
# Run as an unprivileged user with pg_config of the target install first on PATH:
#   bash tools/run-as-user.sh env PATH=$PATH bash tools/valgrind-io.sh
set -euo pipefail
bin=$(pg_config --bindir)
dir=$(mktemp -d /tmp/plraster-valgrind.XXXXXX)
trap '[ -n "${KEEP:-}" ] || rm -rf "$dir"' EXIT
"$bin/initdb" -D "$dir/data" -U postgres -A trust >/dev/null
valgrind --track-origins=yes --num-callers=30 --log-file="$dir/valgrind.log" \
  "$bin/postgres" --single -D "$dir/data" postgres >"$dir/out.txt" 2>&1 <<'SQL'
CREATE FUNCTION wkb_in(cstring) RETURNS bytea LANGUAGE c STRICT AS '$libdir/plraster_io', 'plraster_wkb_in';
CREATE FUNCTION wkb_out(bytea) RETURNS cstring LANGUAGE c STRICT AS '$libdir/plraster_io', 'plraster_wkb_out';
SELECT md5(wkb_out(wkb_in(repeat('aB', 65536)::cstring))::text) = md5(repeat('AB', 65536)) AS ok;
SELECT wkb_out(wkb_in('\x0102030405060708'::cstring))::text = '0102030405060708' AS ok;
SELECT wkb_out(wkb_in('0a0B0c0D0e0F1011'::cstring))::text = '0A0B0C0D0E0F1011' AS ok;
SELECT length(wkb_in(repeat('AB', 8193)::cstring)) = 8193 AS ok;
SELECT wkb_out(''::bytea)::text = '' AS ok;
SELECT wkb_in(''::cstring);
SELECT wkb_in('\x'::cstring);
SELECT wkb_in('abc'::cstring);
SELECT wkb_in(('abé' || repeat('0', 20000))::cstring);
SELECT wkb_in((repeat('0', 20000) || 'zz')::cstring);
CREATE TABLE t (b bytea);
INSERT INTO t SELECT decode(repeat('00', 1000000), 'hex');
INSERT INTO t SELECT decode(repeat('0123456789abcdef', 5000), 'hex');
SELECT md5(wkb_out(b)::text) = md5(upper(encode(b, 'hex'))) AS ok FROM t;
SQL
checks=$(grep -c 'ok = "t"' "$dir/out.txt" || true)
refusals=$(grep -c 'ERROR:  plraster: invalid raster text' "$dir/out.txt" || true)
ours=$(awk '/^==[0-9]+== [A-Z]/{block=""} {block=block $0 "\n"} /^==[0-9]+== *$/{if (block ~ /plraster_(io|wkb)/ && block ~ /(Invalid|uninitialised|Mismatched|overlap)/) n++; block=""} END{print n+0}' "$dir/valgrind.log")
grep 'ERROR SUMMARY' "$dir/valgrind.log"
echo "checks passed: $checks of 7; refusals: $refusals of 5; valgrind errors through plraster_io: $ours"
[ "$checks" -eq 7 ] && [ "$refusals" -eq 5 ] && [ "$ours" -eq 0 ]
