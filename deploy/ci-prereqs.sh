#!/usr/bin/env bash
# Installs the two tools the deploy module's tests use when they are present:
#   docker-compose  -> `docker-compose -f docker-compose.yml config -q` validates the compose files
#   kubectl         -> `kubectl kustomize` renders deploy/k8s (Debian: kubernetes-client)
# Idempotent and quiet; never fails the build. Without the tools the tests still parse and check
# every file and skip only the validator/render steps, saying so.
set -u

missing=()
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
# A kubectl from another package (cloud SDK, upstream binary) is kept: installing Debian's over it
# fails on the shared /usr/bin/kubectl, and Debian's (1.20, kustomize v2) is the older one anyway.
command -v kubectl >/dev/null 2>&1 || missing+=(kubernetes-client)

if [ "${#missing[@]}" -eq 0 ]; then
  echo "ci-prereqs: docker-compose and kubectl already installed"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ci-prereqs: no apt-get; not installing ${missing[*]} (deploy tests will skip those steps)"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
  else
    echo "ci-prereqs: not root and no passwordless sudo; not installing ${missing[*]}"
    exit 0
  fi
fi

log="$(mktemp -t chaoscast-ci-prereqs.XXXXXX)"
if DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq >"$log" 2>&1 \
  && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
       "${missing[@]}" >>"$log" 2>&1; then
  echo "ci-prereqs: installed ${missing[*]}"
  rm -f "$log"
else
  echo "ci-prereqs: could not install ${missing[*]} (see $log); deploy tests will skip those steps"
fi
exit 0
