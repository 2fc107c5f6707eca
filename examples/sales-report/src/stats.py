"""Revenue per region (by name) and per product, from the cleaned sales.

Usage: stats.py CLEAN_CSV REGIONS_CSV OUT_JSON
"""
import collections
import csv
import json
import os
import sys
import time

clean, regions_csv, out = sys.argv[1:4]
# For the end-to-end test of Ctrl-C only: a slow run (the delay changes no byte of the result).
if os.environ.get("EXAMPLE_SLOW_STATS"):
    with open(os.environ["EXAMPLE_SLOW_STATS"], "w") as f:
        f.write(str(os.getpid()))
    time.sleep(60)

with open(regions_csv, newline="") as f:
    names = {r["code"]: r["name"] for r in csv.DictReader(f)}
by_region, by_product = collections.Counter(), collections.Counter()
with open(clean, newline="") as f:
    for r in csv.DictReader(f):
        by_region[names[r["region"]]] += float(r["revenue"])
        by_product[r["product"]] += float(r["revenue"])
with open(out, "w") as f:
    json.dump({"revenue_by_region": {k: round(v, 2) for k, v in sorted(by_region.items())},
               "revenue_by_product": {k: round(v, 2) for k, v in sorted(by_product.items())}}, f, indent=2, sort_keys=True)
    f.write("\n")
