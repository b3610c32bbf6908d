"""ST_ColorMap on 100 tiles of 256x256, side by side with PostGIS raster, ratio printed.

The same tiles (a 32BF band with nodata, random values) are stored as PostGIS rasters and
as plraster rasters; each query colours every tile (the `pseudocolor` named map, and a
four-colour table with NEAREST) and sums the result's lengths (so the raster is built, not
just planned). Median of interleaved runs.

Run as the other benches are run (an unprivileged user, the package installed):
    bash tools/run-as-user.sh .venv/bin/python bench/bench_colormap.py
"""
from bench_reclass import SIZE, TILES, interleaved_medians, print_ratio, tiles_connection

RUNS = 3
CASES = [
    ("pseudocolor", "INTERPOLATE"),
    ("100% 255 0 0 255\n50% 0 255 0 255\n0% 0 0 255 255\nnv 0 0 0 0", "NEAREST"),
]
QUERIES = {
    "PostGIS": "SELECT sum(length(public.st_colormap(rast, 1, %s, %s)::bytea)) FROM pg_tiles",
    "plraster": "SELECT sum(length(plraster.st_colormap(rast, 1, %s, %s)::bytea)) FROM pl_tiles",
}


def main():
    """Time both for each case and print the median times and their ratio."""
    with tiles_connection() as conn:
        for colormap, method in CASES:
            sizes = {name: conn.execute(query, (colormap, method)).fetchone()[0]
                     for name, query in QUERIES.items()}
            assert sizes["PostGIS"] == sizes["plraster"], sizes
            medians = interleaved_medians(conn, QUERIES, (colormap, method), RUNS)
            label = colormap.split("\n")[0] + ("" if "\n" not in colormap else " ...")
            print_ratio("ST_ColorMap(%r, %s), %d tiles of %dx%d 32BF -> 8BUI x4, median of %d runs"
                        % (label, method, TILES, SIZE, SIZE, RUNS), medians)


if __name__ == "__main__":
    main()
