#!/usr/bin/env python3
"""Draws HTTP load results (summary.tsv of run-http-load.sh) as one SVG: throughput and latency side by side.

Usage: benchmarks/plot-results.py <summary.tsv> <output.svg> [<scenario>...]   (Python 3 standard library only)
With scenarios (public, data, data-fresh), only those rows are drawn.
"""
import sys
from xml.sax.saxutils import escape


def read(path, scenarios=()):
    rows = []
    for line in open(path):
        if line.startswith("#") or line.startswith("server\t") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        server, setup, scenario, rps, p50, p99 = f[:6]
        if scenarios and scenario not in scenarios:
            continue
        rows.append((f"{server} {setup} {scenario}", float(rps), float(p50), float(p99)))
    return rows


def svg(rows):
    width, height = 1020, 80 + 46 * len(rows)
    left, panel = 330, 320
    colors = {"rps": "#3b6ea8", "p50": "#7fb069", "p99": "#d1495b"}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" '
           f'font-size="12">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{left}" y="22" font-size="14" font-weight="bold">Throughput (requests/s, higher is better)</text>',
           f'<text x="{left + panel + 40}" y="22" font-size="14" font-weight="bold">Latency (ms, lower is better)</text>',
           f'<rect x="{left + panel + 40}" y="32" width="10" height="10" fill="{colors["p50"]}"/>'
           f'<text x="{left + panel + 54}" y="41">p50</text>',
           f'<rect x="{left + panel + 90}" y="32" width="10" height="10" fill="{colors["p99"]}"/>'
           f'<text x="{left + panel + 104}" y="41">p99</text>']
    max_rps = max((r[1] for r in rows), default=1) or 1
    max_ms = max((r[3] for r in rows), default=1) or 1
    for i, (label, rps, p50, p99) in enumerate(rows):
        y = 56 + 46 * i
        out.append(f'<text x="{left - 8}" y="{y + 20}" text-anchor="end">{escape(label)}</text>')
        w = panel * rps / max_rps
        out.append(f'<rect x="{left}" y="{y + 6}" width="{w:.1f}" height="22" fill="{colors["rps"]}"/>')
        out.append(f'<text x="{left + w + 4:.1f}" y="{y + 22}">{rps:,.0f}</text>')
        x0 = left + panel + 40
        for j, (value, key) in enumerate(((p50, "p50"), (p99, "p99"))):
            w = (panel - 60) * value / max_ms
            out.append(f'<rect x="{x0}" y="{y + 4 + 16 * j}" width="{w:.1f}" height="13" fill="{colors[key]}"/>')
            out.append(f'<text x="{x0 + w + 4:.1f}" y="{y + 15 + 16 * j}" font-size="11">{value:.2f}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    open(sys.argv[2], "w").write(svg(read(sys.argv[1], sys.argv[3:])))
