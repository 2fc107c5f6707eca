"""Counts the raw rows per region (a second reader of the raw data).

Usage: count.py SALES_CSV OUT_JSON
"""
import collections
import csv
import json
import sys

with open(sys.argv[1], newline="") as f:
    counts = collections.Counter(r["region"] for r in csv.DictReader(f))
with open(sys.argv[2], "w") as f:
    json.dump({"rows": sum(counts.values()), "by_region": dict(sorted(counts.items()))}, f, indent=2, sort_keys=True)
    f.write("\n")
