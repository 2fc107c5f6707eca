"""Cleans the raw sales: drops rows below prepare.min_units, adds a revenue column.

Usage: prep.py SALES_CSV CLEAN_CSV (written in place; declared in "outs").
"""
import csv
import sys

import yaml

sales, clean = sys.argv[1], sys.argv[2]
with open("params.yaml") as f:
    min_units = yaml.safe_load(f)["prepare"]["min_units"]

with open(sales, newline="") as f:
    rows = [r for r in csv.DictReader(f) if int(r["units"]) >= min_units]
with open(clean, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["date", "region", "product", "units", "revenue"])
    for r in rows:
        w.writerow([r["date"], r["region"], r["product"], r["units"], f"{int(r['units']) * float(r['unit_price']):.2f}"])
print(f"kept {len(rows)} rows")
