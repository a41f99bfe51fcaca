#!/usr/bin/env bash
# The catalog-wide benchmark in one request, watched to the end: every system of the catalog with a
# tabulated Lyapunov time x {persistence, linear, nvar, esn, early-exit} under a named protocol
# (default quick), against a running platform (./chaoscast up). Prints the counts and the ETA while
# it runs, then the per-model summary (median VPT, bootstrap interval of the mean, mean rank, rank
# correlation with the largest Lyapunov exponent) and where the early-exit network is below NVAR.
# Writes the table as CSV and the summary as JSON to $OUT (default target/catalog-benchmark).
#
#   deploy/catalog-benchmark.sh                 # post a new one and watch it
#   deploy/catalog-benchmark.sh <benchmark id>  # watch (or summarise) one that exists
#
# Environment: CHAOSCAST_RESULTS_URL (default http://localhost:8084), CHAOSCAST_TOKEN (write scope;
# default .chaoscast/admin-token), CHAOSCAST_PROTOCOL (quick | paper), CHAOSCAST_SYSTEMS (a JSON
# systems selector, default {"all": true}). Needs bash, curl and python3. On a 2-core machine start
# the platform with CHAOSCAST_TRAINING_WORKERS=2 OMP_NUM_THREADS=1 (two single-threaded workers).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RESULTS="${CHAOSCAST_RESULTS_URL:-http://localhost:8084}"
TOKEN_FILE="$ROOT/.chaoscast/admin-token"
TOKEN="${CHAOSCAST_TOKEN:-$( [ -r "$TOKEN_FILE" ] && cat "$TOKEN_FILE" || true)}"
PROTOCOL="${CHAOSCAST_PROTOCOL:-quick}"
SYSTEMS='{"all": true}'
SYSTEMS="${CHAOSCAST_SYSTEMS:-$SYSTEMS}"
OUT="${OUT:-$ROOT/target/catalog-benchmark}"

die() { printf 'catalog-benchmark: %s\n' "$*" >&2; exit 1; }
[ -n "$TOKEN" ] || die "no token: set CHAOSCAST_TOKEN or start the platform once with ./chaoscast up"
command -v python3 >/dev/null || die "python3 is needed to read the answers"
api() { curl -sfS -H "Authorization: Bearer $TOKEN" "$@"; }
api "$RESULTS/api/v1/benchmarks?size=1" >/dev/null || die "the results-service at $RESULTS does not answer (./chaoscast up)"
mkdir -p "$OUT"

if [ $# -ge 1 ]; then
  ID="$1"
else
  BODY="{\"name\": \"catalog, $PROTOCOL\", \"systems\": $SYSTEMS, \"seeds\": [0], \"protocol\": {\"name\": \"$PROTOCOL\"},
    \"models\": [{\"type\": \"persistence\"}, {\"type\": \"linear\"}, {\"type\": \"nvar\"}, {\"type\": \"esn\"}, {\"type\": \"early-exit\"}]}"
  ID="$(api -X POST -H 'Content-Type: application/json' -d "$BODY" "$RESULTS/api/v1/benchmarks" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')"
  printf 'benchmark %s posted; dashboard: %s/#/benchmarks/%s\n' "$ID" "$RESULTS" "$ID"
fi

while :; do
  STATE="$(api "$RESULTS/api/v1/benchmarks/$ID" | python3 -c '
import json, sys
b = json.load(sys.stdin)
c = b["counts"]
eta = b.get("etaSeconds")
print(b["status"], " ".join(f"{k} {v}" for k, v in c.items()), "eta", "-" if eta is None else f"{eta / 60:.0f} min")')"
  printf '%s  %s\n' "$(date -u +%H:%M:%S)" "$STATE"
  case "$STATE" in finished*|cancelled*) break ;; esac
  sleep 30
done

api "$RESULTS/api/v1/benchmarks/$ID/table?format=csv" > "$OUT/table.csv"
api "$RESULTS/api/v1/benchmarks/$ID/summary" > "$OUT/summary.json"
api "$RESULTS/api/v1/benchmarks/$ID/table" > "$OUT/table.json"
api "$RESULTS/api/v1/benchmarks/$ID" > "$OUT/benchmark.json"
python3 - "$OUT" <<'PY'
import json, statistics, sys
from datetime import datetime
out = sys.argv[1]
b = json.load(open(f"{out}/benchmark.json"))
rows = json.load(open(f"{out}/table.json"))["rows"]
summary = json.load(open(f"{out}/summary.json"))
vpt = {}
for r in rows:
    v = (r.get("metrics") or {}).get("test_vpt_median")
    if r["state"] == "succeeded" and v is not None:
        vpt.setdefault(r["model"], {})[r["system"]] = v
print(f"\n{b['name']}: {len(rows)} cells, {b['counts']}")
if b.get("finishedAt"):
    took = datetime.fromisoformat(b["finishedAt"].replace("Z", "+00:00")) - datetime.fromisoformat(b["createdAt"].replace("Z", "+00:00"))
    print(f"wall time {took.total_seconds() / 60:.0f} min")
print(f"\n{'model':<14} {'systems':>7} {'median VPT':>10} {'mean VPT [95% CI]':>26} {'mean rank':>9} {'rho(VPT, lambda_max)':>21}")
for m in summary["models"]:
    v = m["metrics"].get("test_vpt_median", {})
    rho = (m.get("correlations") or {}).get("maxLyapunov", {}).get("rho")
    vals = list(vpt.get(m["model"], {}).values())
    med = statistics.median(vals) if vals else float("nan")
    rank = m.get("meanRank")
    print(f"{m['model']:<14} {len(vals):>7} {med:>10.3f} {v.get('mean', float('nan')):>8.3f} [{v.get('low', float('nan')):.3f}, {v.get('high', float('nan')):.3f}]"
          f" {rank if rank is None else round(rank, 2)!s:>9} {rho if rho is None else round(rho, 3)!s:>21}")
ee = next((k for k in vpt if k.endswith("early-exit")), None)
nv = next((k for k in vpt if k.endswith("nvar")), None)
if ee and nv:
    both = sorted(set(vpt[ee]) & set(vpt[nv]))
    worse = [s for s in both if vpt[ee][s] < vpt[nv][s]]
    print(f"\nearly-exit >= nvar on {len(both) - len(worse)} of {len(both)} systems; below on: "
          + ", ".join(f"{s} ({vpt[ee][s]:.2f} < {vpt[nv][s]:.2f})" for s in worse))
failures = b.get("failures") or []
if failures:
    print(f"\n{len(failures)} cells failed:")
    for f in failures:
        print(f"  {f['system']} {f['modelType']}: {f.get('reason') or ''}")
print(f"\ntable: {out}/table.csv, summary: {out}/summary.json")
PY
