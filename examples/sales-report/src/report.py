"""Writes the Markdown report: title, top products, revenue per region, row counts.

Usage: report.py STATS_JSON COUNT_JSON OUT_MD
"""
import json
import sys

import yaml

stats_json, count_json, out = sys.argv[1:4]
with open("params.yaml") as f:
    params = yaml.safe_load(f)["report"]
stats = json.load(open(stats_json))
count = json.load(open(count_json))

lines = [f"# {params['title']}", "", f"Top {params['top']} products by revenue:", ""]
ranked = sorted(stats["revenue_by_product"].items(), key=lambda kv: (-kv[1], kv[0]))
for i, (product, revenue) in enumerate(ranked[: params["top"]], 1):
    lines.append(f"{i}. {product}: {revenue:.2f}")
lines += ["", "| region | revenue |", "|---|---:|"]
lines += [f"| {region} | {revenue:.2f} |" for region, revenue in stats["revenue_by_region"].items()]
lines += ["", f"{count['rows']} raw rows."]
with open(out, "w") as f:
    f.write("\n".join(lines) + "\n")
