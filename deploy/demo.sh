#!/usr/bin/env bash
# ChaosCast demo pipeline (run by `./chaoscast demo` once every service is up; runnable alone too).
# Needs only bash, curl and sed. Walks the platform end to end:
#   1. a Lorenz dataset (dataset-service)
#   2. a short early-exit training job and a linear baseline (training-service -> results-service)
#   3. a forecast with dynamic exit (inference-service)
#   4. prints both models' valid prediction time, the compute saved, and the dashboard URL.
# Environment: CHAOSCAST_DATASET_URL, _TRAINING_URL, _INFERENCE_URL, _RESULTS_URL (default localhost
# ports 8081..8084), CHAOSCAST_DEMO_EPOCHS (default 40), CHAOSCAST_TOKEN (a token with the write
# scope; default: the admin token ./chaoscast up stored in .chaoscast/admin-token).
set -euo pipefail

DATASET="${CHAOSCAST_DATASET_URL:-http://localhost:8081}"
TRAINING="${CHAOSCAST_TRAINING_URL:-http://localhost:8082}"
INFERENCE="${CHAOSCAST_INFERENCE_URL:-http://localhost:8083}"
RESULTS="${CHAOSCAST_RESULTS_URL:-http://localhost:8084}"
EPOCHS="${CHAOSCAST_DEMO_EPOCHS:-40}"
TOKEN_FILE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.chaoscast/admin-token"
TOKEN="${CHAOSCAST_TOKEN:-$( [ -r "$TOKEN_FILE" ] && cat "$TOKEN_FILE" || true)}"

say() { printf '%s\n' "$*"; }
die() { printf 'demo: %s\n' "$*" >&2; exit 1; }

# Value of a JSON field in a flat JSON text on stdin: strings unquoted, numbers as written, null empty.
field() { sed -nE "s/.*\"$1\":(\"([^\"]*)\"|([^,}\"]*)).*/\2\3/p" | head -n 1 | sed 's/^null$//'; }

# A number rounded to 4 significant digits; a fraction in [0, 1] as a percentage.
num() { [ -n "$1" ] && LC_NUMERIC=C printf '%.4g' "$1" || printf 'n/a'; }
pct() {
  [ -n "$1" ] || { printf 'n/a'; return; }
  local f i d n
  f="$(LC_NUMERIC=C printf '%.4f' "$1")"; i="${f%%.*}"; d="${f#*.}"
  n=$((10#$i * 10000 + 10#$d))
  printf '%d.%02d %%' $((n / 100)) $((n % 100))
}

# call METHOD URL [BODY]: prints the body; fails with the service's problem detail on a 4xx/5xx.
call() {
  local out code
  out="$(mktemp)"
  if [ $# -ge 3 ]; then
    code="$(curl -sS -o "$out" -w '%{http_code}' -X "$1" "$2" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$3")" || { rm -f "$out"; die "$2 did not answer"; }
  else
    code="$(curl -sS -o "$out" -w '%{http_code}' -X "$1" "$2" -H "Authorization: Bearer $TOKEN")" || { rm -f "$out"; die "$2 did not answer"; }
  fi
  if [ "$code" -ge 400 ]; then
    say "demo: $1 $2 answered $code: $(cat "$out")" >&2
    rm -f "$out"
    exit 1
  fi
  cat "$out"
  rm -f "$out"
}

say ""
say "== ChaosCast demo =="

# 1. Dataset: 4 Lorenz trajectories of 60 periods at 50 points per period (content-addressed: a
#    second demo finds the same dataset).
say "[1/4] Lorenz dataset..."
d="$(call POST "$DATASET/api/v1/datasets" '{"system":"Lorenz","trajectories":4,"length":3000,"pointsPerPeriod":50,"seed":1,"split":{"train":0.7,"val":0.15,"test":0.15}}')"
DATASET_ID="$(printf '%s' "$d" | field id)"
[ -n "$DATASET_ID" ] || die "no dataset id in: $d"
while :; do
  status="$(printf '%s' "$d" | field status)"
  [ "$status" = ready ] && break
  [ "$status" = failed ] && die "dataset failed: $d"
  printf '\r      generating... %s%%   ' "$(printf '%s' "$d" | field progress | sed -E 's/^([0-9]*\.?[0-9]?).*/\1/')"
  sleep 1
  d="$(call GET "$DATASET/api/v1/datasets/$DATASET_ID")"
done
say "      dataset ${DATASET_ID:0:16}... ready"

# 2. Training: a small early-exit network (6 blocks, calibrated exit thresholds) and a linear baseline.
say "[2/4] training an early-exit network ($EPOCHS epochs) and a linear baseline..."
EE_JOB="$(call POST "$TRAINING/api/v1/training-jobs" "{\"datasetId\":\"$DATASET_ID\",\"experiment\":\"demo\",\"model\":{\"type\":\"early-exit\",\"contextLength\":16,\"horizon\":10,\"width\":64,\"blocks\":6,\"uemHidden\":16,\"stride\":2},\"training\":{\"epochs\":$EPOCHS,\"batchSize\":128,\"seed\":1}}" | field id)"
LIN_JOB="$(call POST "$TRAINING/api/v1/training-jobs" "{\"datasetId\":\"$DATASET_ID\",\"experiment\":\"demo\",\"model\":{\"type\":\"linear\"}}" | field id)"

await_job() { # id label -> prints the final job JSON
  local id=$1 label=$2 j status epoch epochs loss
  while :; do
    j="$(call GET "$TRAINING/api/v1/training-jobs/$id")"
    status="$(printf '%s' "$j" | field status)"
    epoch="$(printf '%s' "$j" | field epoch)"
    epochs="$(printf '%s' "$j" | field epochs)"
    loss="$(printf '%s' "$j" | field valLoss)"
    printf '\r      %-11s %-9s epoch %3s/%-3s  val loss %-10s' "$label" "$status" "${epoch:-0}" "${epochs:-?}" "$( [ -n "$loss" ] && num "$loss")" >&2
    case "$status" in
      succeeded) printf '\n' >&2; printf '%s' "$j"; return 0 ;;
      failed|cancelled) printf '\n' >&2; die "$label job $status: $(printf '%s' "$j" | field failureReason)" ;;
    esac
    sleep 2
  done
}
EE="$(await_job "$EE_JOB" early-exit)"
LIN="$(await_job "$LIN_JOB" linear)"
EE_MODEL="$(printf '%s' "$EE" | field modelId)"; EE_RUN="$(printf '%s' "$EE" | field runId)"
LIN_MODEL="$(printf '%s' "$LIN" | field modelId)"; LIN_RUN="$(printf '%s' "$LIN" | field runId)"

metric() { # run key -> latest value
  call GET "$RESULTS/api/v1/runs/$1/metrics" | sed -nE "s/.*\\{\"key\":\"$2\",\"value\":([^,]*),.*/\\1/p" | head -n 1
}

# 3. Forecast: 16 states of the test split as context, 200 steps ahead, dynamic exit at the
#    threshold calibrated for at most 2 % more error than full depth.
say "[3/4] forecasting 200 steps with dynamic exit..."
CONTEXT=""
n=0
while IFS=, read -r _traj _step _time x0 x1 x2; do
  [ "$_traj" = trajectory ] && continue
  CONTEXT="$CONTEXT${CONTEXT:+,}[$x0,$x1,$x2]"
  n=$((n + 1))
  [ $n -ge 16 ] && break
done < <(call GET "$DATASET/api/v1/datasets/$DATASET_ID/data?split=test&format=csv")
F="$(call POST "$INFERENCE/api/v1/models/$EE_MODEL/forecast" "{\"context\":[$CONTEXT],\"horizon\":200,\"exit\":{\"policy\":\"dynamic\",\"tolerance\":0.02}}")"
SAVED="$(printf '%s' "$F" | field computeSaved)"
MEAN="$(printf '%s' "$F" | field meanDepth)"
FULL="$(printf '%s' "$F" | field fullDepth)"
LAT="$(printf '%s' "$F" | field latencyMs)"

# 4. Results.
say "[4/4] results on the test split (VPT: valid prediction time in Lyapunov times, median over forecast origins):"
for m in "early-exit:$EE_RUN" "linear:$LIN_RUN"; do
  printf '      %-11s VPT %-8s MSE %-9s sMAPE %s\n' "${m%%:*}" "$(num "$(metric "${m#*:}" test_vpt_median)")" \
    "$(num "$(metric "${m#*:}" test_mse)")" "$(num "$(metric "${m#*:}" test_smape)")"
done
say "      early-exit with dynamic exit on the test split: VPT $(num "$(metric "$EE_RUN" test_dynamic_vpt_median)"), compute saved $(pct "$(metric "$EE_RUN" test_dynamic_compute_saved)")"
say "      the 200-step forecast: mean depth $(num "$MEAN") of $FULL blocks, compute saved $(pct "$SAVED"), $(num "$LAT") ms"
say ""
say "Dashboard:      $RESULTS/"
say "  leaderboard:  $RESULTS/#/leaderboard?system=Lorenz"
say "  model:        $RESULTS/#/model/$EE_MODEL"
say "  forecast:     $RESULTS/#/forecast?model=$EE_MODEL"
say "  compare:      $RESULTS/#/compare/$EE_RUN,$LIN_RUN"
