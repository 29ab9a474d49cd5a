#!/usr/bin/env bash
# Installs what newsgraph needs (Debian 12 packages, only those missing),
# then configures and builds it with Ninja.
#   scripts/setup.sh [--sanitize] [--build-dir DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=build
cmake_args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
while [ $# -gt 0 ]; do
  case "$1" in
    # One clang build serves the sanitizer tests and the fuzz targets.
    --sanitize) build_dir=build-asan
                # -O1 and line tables only: what ASan's authors recommend, and
                # the build is most of CI's time on two cores.
                cmake_args=(-DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo
                            "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -DNDEBUG"
                            -DNEWSGRAPH_SANITIZE=ON -DNEWSGRAPH_FUZZ=ON -DNEWSGRAPH_BUILD_BENCH=OFF) ;;
    --build-dir) build_dir="$2"; shift ;;
    *) echo "setup.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

packages=(build-essential cmake ninja-build pkg-config ccache clang libclang-rt-14-dev librocksdb-dev libboost-graph-dev
  nlohmann-json3-dev libicu-dev libantlr4-runtime-dev antlr4 libgtest-dev libgmock-dev
  libbenchmark-dev libreadline-dev iso-codes sqlite3 graphviz python3)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd=sudo
  $sudo_cmd apt-get update -qq || { sleep 5; $sudo_cmd apt-get update -qq; }
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

jobs=2
cmake -S . -B "$build_dir" -G Ninja "${cmake_args[@]}" >/dev/null
ninja -C "$build_dir" -j"$jobs"
