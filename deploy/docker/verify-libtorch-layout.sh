#!/usr/bin/env bash
# Checks, without Docker, that the libtorch layout the Dockerfile builds (CPU flavour) is one DJL
# loads: libtorch in PYTORCH_LIBRARY_PATH, the JNI library pre-placed under ENGINE_CACHE_DIR,
# pytorch-native-cpu removed from the classpath, -Dai.djl.offline=true, an unprivileged user
# (nobody, when run as root) that cannot write to /opt/djl. Uses the DJL jars in the local Maven repository
# (run `mvn -B -q -pl shared-lib/models -am package -DskipTests` first). Prints the engine line.
set -euo pipefail
cd "$(dirname "$0")/../.."

pytorch="$(sed -n 's/^ARG PYTORCH_VERSION=//p' deploy/docker/Dockerfile)"
djl="$(sed -n 's/^ARG DJL_VERSION=//p' deploy/docker/Dockerfile)"
m2="${MAVEN_REPOSITORY:-$HOME/.m2/repository}"
native="$m2/ai/djl/pytorch/pytorch-native-cpu/$pytorch/pytorch-native-cpu-$pytorch-linux-x86_64.jar"
jni="$m2/ai/djl/pytorch/pytorch-jni/$pytorch-$djl/pytorch-jni-$pytorch-$djl.jar"

work="$(mktemp -d -t chaoscast-libtorch.XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/opt/djl/libtorch" "$work/unpacked" "$work/lib" "$work/home" "$work/classes"

# The same two steps as the Dockerfile's libtorch-cpu and libtorch stages.
(cd "$work/unpacked" && jar xf "$native" pytorch/cpu/linux-x86_64 \
   && mv pytorch/cpu/linux-x86_64/* "$work/opt/djl/libtorch/")
target="$work/opt/djl/engines/pytorch/$pytorch-cpu-linux-x86_64"
mkdir -p "$target"
(cd "$work/unpacked" && jar xf "$jni" jnilib/linux-x86_64/cpu/libdjl_torch.so \
   && mv jnilib/linux-x86_64/cpu/libdjl_torch.so "$target/$djl-libdjl_torch.so")

for jar in "ai/djl/api/$djl/api-$djl.jar" \
           "ai/djl/pytorch/pytorch-engine/$djl/pytorch-engine-$djl.jar" \
           "ai/djl/pytorch/pytorch-jni/$pytorch-$djl/pytorch-jni-$pytorch-$djl.jar"; do
  cp "$m2/$jar" "$work/lib/"
done
for dep in com/google/code/gson/gson org/slf4j/slf4j-api net/java/dev/jna/jna; do
  cp "$(find "$m2/$dep" -name '*.jar' ! -name '*sources*' | sort -V | tail -1)" "$work/lib/"
done

cat > "$work/classes/Probe.java" <<'JAVA'
public class Probe {
    public static void main(String[] args) {
        ai.djl.engine.Engine engine = ai.djl.engine.Engine.getEngine("PyTorch");
        try (ai.djl.ndarray.NDManager manager = engine.newBaseManager()) {
            float sum = manager.create(new float[] {1, 2, 3}).sum().getFloat();
            System.out.println("engine=" + engine.getEngineName() + " version=" + engine.getVersion()
                    + " sum(1,2,3)=" + sum);
        }
    }
}
JAVA
javac -cp "$work/lib/*" -d "$work/classes" "$work/classes/Probe.java"
chmod -R a+rX "$work"
chmod -R a-w "$work/opt"
run_as=()
if [ "$(id -u)" -eq 0 ]; then
  # root ignores file modes: run as nobody so a write to /opt/djl would really fail.
  chown 65534:65534 "$work/home"
  run_as=(setpriv --reuid 65534 --regid 65534 --clear-groups)
fi

"${run_as[@]}" env -i PATH="$PATH" HOME="$work/home" OMP_WAIT_POLICY=PASSIVE \
    PYTORCH_LIBRARY_PATH="$work/opt/djl/libtorch" PYTORCH_VERSION="$pytorch" PYTORCH_FLAVOR=cpu \
    ENGINE_CACHE_DIR="$work/opt/djl/engines" DJL_CACHE_DIR="$work/home/djl.ai" \
  java -Dai.djl.offline=true -cp "$work/classes:$work/lib/*" Probe 2>/dev/null
if [ -n "$(ls -A "$work/home")" ]; then
  echo "unexpected writes under the user's home: $(ls -A "$work/home")" >&2
  exit 1
fi
chmod -R u+w "$work"
