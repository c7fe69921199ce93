#!/usr/bin/env python3
"""Turns wrk outputs of run-http-load.sh into TSV lines (Python 3 standard library only).

  wrk-result.py <server> <setup> <scenario> <rep> <wrk.txt>             one line of results.tsv
  wrk-result.py --stress <server> <setup> <connections> <seconds> <wrk.txt>   one line of stress.tsv
  wrk-result.py --flood <server> <setup> <rep> <alone.txt> <valid.txt> <invalid.txt> <load-before> <load-after>
  wrk-result.py --summary <results.tsv>                                 medians per server, setup and scenario
"""
import re
import statistics
import sys


def ms(value):
    number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def parse(path):
    text = open(path).read()
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    loads = re.search(r"# load average before (\S+), after (\S+)", text)
    counted = dict((k, int(v)) for k, v in re.findall(r"^status_(\w+) (\d+)$", text, re.M))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
        "p50": ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1)),
        "p99": ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1)),
        "requests": int(re.search(r"(\d+) requests in", text).group(1)),
        "non2xx": int(bad.group(1)) if bad else 0,
        "errors": sum(int(g) for g in errors.groups()) if errors else 0,
        "load": loads.groups() if loads else ("", ""),
        "status": counted,
    }


def main(args):
    if args[0] == "--summary":
        summary(args[1])
    elif args[0] == "--stress":
        server, setup, connections, seconds, path = args[1:]
        r = parse(path)
        print("\t".join([server, setup, connections, seconds, f"{r['rps']:.0f}", f"{r['p50']:.2f}", f"{r['p99']:.2f}",
                         str(r["requests"]), str(r["non2xx"]), str(r["status"].get("5xx", 0)), str(r["errors"]),
                         *r["load"]]))
    elif args[0] == "--flood":
        server, setup, rep, alone, valid, invalid, before, after = args[1:]
        a, v, i = parse(alone), parse(valid), parse(invalid)
        share = i["requests"] / max(1, i["requests"] + v["requests"])
        drop = 1 - v["rps"] / a["rps"] if a["rps"] else 0
        print("\t".join([server, setup, rep, f"{a['rps']:.0f}", f"{v['rps']:.0f}", f"{i['rps']:.0f}", f"{share:.3f}",
                         f"{drop:.3f}", str(a["non2xx"] + v["non2xx"]),
                         str(i["requests"] - i["status"].get("4xx", 0)), before, after]))
    else:
        server, setup, scenario, rep, path = args
        r = parse(path)
        print("\t".join([server, setup, scenario, rep, f"{r['rps']:.0f}", f"{r['p50']:.2f}", f"{r['p99']:.2f}",
                         str(r["requests"]), str(r["non2xx"]), str(r["errors"]), *r["load"]]))


def summary(path):
    header, groups = [], {}
    for line in open(path):
        if line.startswith("#"):
            header.append(line.rstrip("\n"))
            continue
        f = line.rstrip("\n").split("\t")
        if f[0] == "server":
            continue
        groups.setdefault((f[0], f[1], f[2]), []).append(f)
    print("\n".join(header) + "\n# medians of the rounds; non_2xx and socket_errors summed")
    print("server\tsetup\tscenario\trequests_per_s\tp50_ms\tp99_ms\tnon_2xx\tsocket_errors\trounds")
    for (server, setup, scenario), rows in groups.items():
        med = [statistics.median(float(r[i]) for r in rows) for i in (4, 5, 6)]
        print(f"{server}\t{setup}\t{scenario}\t{med[0]:.0f}\t{med[1]:.2f}\t{med[2]:.2f}\t"
              f"{sum(int(r[8]) for r in rows)}\t{sum(int(r[9]) for r in rows)}\t{len(rows)}")


if __name__ == "__main__":
    main(sys.argv[1:])
