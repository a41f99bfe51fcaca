#!/usr/bin/env bash
# Installs the tools the deploy and e2e modules' tests use when they are present:
#   docker-compose  -> `docker-compose -f docker-compose.yml config -q` validates the compose files
#   kubectl         -> `kubectl kustomize` renders deploy/k8s (Debian: kubernetes-client)
#   chromium, chromedriver -> the e2e module's dashboard tests in a real headless browser
#                     (Debian: chromium, chromium-driver)
# Idempotent and quiet; never fails the build. Without the tools the tests still parse and check
# every file and skip only the validator/render steps, saying so.
set -u

missing=()
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
# A kubectl from another package (cloud SDK, upstream binary) is kept: installing Debian's over it
# fails on the shared /usr/bin/kubectl, and Debian's (1.20, kustomize v2) is the older one anyway.
command -v kubectl >/dev/null 2>&1 || missing+=(kubernetes-client)
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)

if [ "${#missing[@]}" -eq 0 ]; then
  echo "ci-prereqs: docker-compose, kubectl, chromium and chromedriver already installed"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ci-prereqs: no apt-get; not installing ${missing[*]} (deploy tests skip those steps; e2e browser tests skip without chromium)"
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
if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq >"$log" 2>&1; then
  echo "ci-prereqs: apt-get update failed (see $log); not installing ${missing[*]}"
  exit 0
fi
# One package at a time, so that one missing from the mirror does not keep the others out.
failed=()
for pkg in "${missing[@]}"; do
  if DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$pkg" >>"$log" 2>&1; then
    echo "ci-prereqs: installed $pkg"
  else
    failed+=("$pkg")
  fi
done
if [ "${#failed[@]}" -eq 0 ]; then
  rm -f "$log"
else
  echo "ci-prereqs: could not install ${failed[*]} (see $log); deploy tests skip those steps, e2e browser tests skip without chromium"
fi
exit 0
