"""Print the rows benchmarks recorded (bench/results.py) as one table, by issue: each
figure, its target and whether it was met. Run by make bench after the benchmarks."""
import json
import sys


def main():
    """Read the results file named on the command line and print the table."""
    rows = []
    with open(sys.argv[1]) as f:
        rows = [json.loads(line) for line in f if line.strip()]
    print("\nSummary: figures with a target (ratio = plraster / PostGIS time unless the target "
          "says 'faster')")
    print("%-6s %-64s %10s  %-24s %s" % ("issue", "figure", "value", "target", ""))
    for row in sorted(rows, key=lambda r: r["issue"]):
        value = ("%.2f" % row["value"]) + ("" if row["unit"] == "x" else " " + row["unit"])
        print("%-6s %-64s %10s  %-24s %s" % (row["issue"], row["name"][:64], value, row["target"],
                                           "met" if row["met"] else "NOT met"))
    missed = sum(not r["met"] for r in rows)
    print("%d figures, %d met, %d not met" % (len(rows), len(rows) - missed, missed))


if __name__ == "__main__":
    main()
