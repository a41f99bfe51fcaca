#!/usr/bin/env bash
# Builds the four service images (and with --gpu the CUDA variant of inference-service) from the
# one Dockerfile, using the build arguments docker-compose.yml carries for each service.
#   deploy/docker/build-images.sh [--gpu] [--skip-maven]
# Needs a Docker engine with BuildKit (Docker 23+ uses it by default).
set -euo pipefail
cd "$(dirname "$0")/../.."

gpu=false
maven=true
for arg in "$@"; do
  case "$arg" in
    --gpu) gpu=true ;;
    --skip-maven) maven=false ;;
    *) echo "usage: $0 [--gpu] [--skip-maven]" >&2; exit 2 ;;
  esac
done

if $maven; then
  mvn -B -q package -DskipTests
fi

if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
else
  compose=(docker-compose)
  export DOCKER_BUILDKIT=1 COMPOSE_DOCKER_CLI_BUILD=1
fi

"${compose[@]}" -f docker-compose.yml build
if $gpu; then
  "${compose[@]}" -f docker-compose.yml -f deploy/docker/docker-compose.gpu.yml build inference-service
fi
docker image ls 'chaoscast/*'
