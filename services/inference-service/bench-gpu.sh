#!/usr/bin/env bash
# Runs the inference serving benchmark (io.chaoscast.inference.bench.ServingBenchmark) on a CUDA
# machine, with the service and the in-process baseline both on the GPU.
#
# DJL 0.36 ships PyTorch 2.7.1; its CUDA build is the "cu128" flavor (pytorch-native-cu128). The
# build puts the CPU libtorch on the classpath, so the CUDA one is given to DJL by path:
#   PYTORCH_LIBRARY_PATH  directory holding libtorch*.so of a CUDA 12.8 build of PyTorch 2.7.1
#                         (default: the lib/ folder of `python3 -c 'import torch'` if that is a CUDA build)
#   PYTORCH_VERSION       2.7.1 (must match the libtorch above)
#   PYTORCH_FLAVOR        cu128 (selects the matching JNI library)
# Without network, the JNI library for cu128 must already be in ~/.djl.ai (run once online), and
# Maven must have every dependency in ~/.m2 (run `mvn -B -q -pl services/inference-service -am
# test-compile` once online).
#
# Usage: services/inference-service/bench-gpu.sh [extra benchmark args, e.g. --train-seconds=120]
set -euo pipefail
cd "$(dirname "$0")/../.."

export PYTORCH_VERSION="${PYTORCH_VERSION:-2.7.1}"
export PYTORCH_FLAVOR="${PYTORCH_FLAVOR:-cu128}"
if [ -z "${PYTORCH_LIBRARY_PATH:-}" ]; then
    if python3 -c 'import torch, sys; sys.exit(0 if torch.version.cuda else 1)' 2>/dev/null; then
        PYTORCH_LIBRARY_PATH="$(python3 -c 'import os, torch; print(os.path.join(os.path.dirname(torch.__file__), "lib"))')"
        export PYTORCH_LIBRARY_PATH
        echo "using libtorch from pip: $PYTORCH_LIBRARY_PATH ($(python3 -c 'import torch; print(torch.__version__)'))"
    else
        echo "set PYTORCH_LIBRARY_PATH to a CUDA build of libtorch $PYTORCH_VERSION, or install one:" >&2
        echo "  pip install torch==$PYTORCH_VERSION --index-url https://download.pytorch.org/whl/$PYTORCH_FLAVOR" >&2
        exit 2
    fi
fi
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader

# gpu (not auto): start-up fails loudly instead of silently benchmarking the CPU.
export CHAOSCAST_INFERENCE_DEVICE=gpu
OFFLINE=true
[ -d "$HOME/.djl.ai/pytorch" ] || OFFLINE=false
mvn -B -q -pl services/inference-service -am -Pinference-bench verify -DskipTests \
    -Dbench.offline="$OFFLINE" \
    -Dbench.args="--device=gpu --phase-seconds=8 $*"
