#!/bin/bash
# Builds the libFuzzer targets with Debian's clang 14 (ASan + UBSan) and runs each for SECONDS seconds on
# seed corpora from ../shared/interop and ../shared/golden plus fuzz/seeds; new inputs are kept in
# BUILD/corpus/<target>, crashes land in BUILD/findings/<target>. Exit 77 when clang-14 is missing.
#   fuzz/run.sh BUILD SECONDS [SHARED_DIR] [TARGET...]     e.g.  fuzz/run.sh build-fuzz 600 ../shared
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
BUILD=$1 SECONDS_EACH=$2 SHARED=${3:-$HERE/../../shared}
shift $(( $# >= 3 ? 3 : $# ))
TARGETS=${*:-labelme coco image_header manifest tokenizer}
command -v clang++-14 >/dev/null || { echo "SKIP: clang++-14 not installed (apt-get install clang-14 libclang-rt-14-dev)"; exit 77; }
LAUNCHER=()
command -v ccache >/dev/null && LAUNCHER=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$HERE" -B "$BUILD" -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo "${LAUNCHER[@]}" >"$BUILD.configure.log" 2>&1 \
  || { cat "$BUILD.configure.log"; exit 1; }
cmake --build "$BUILD" -j"${FUZZ_JOBS:-2}" >"$BUILD.build.log" 2>&1 || { tail -40 "$BUILD.build.log"; exit 1; }

seeds() {  # target -> seed folders
  local s="$BUILD/seeds/$1"
  mkdir -p "$s"
  case $1 in
    labelme) find "$SHARED/interop" -name "*.json" -path "*labelme*" -exec cp {} "$s" \; 2>/dev/null
             find "$SHARED/interop/xany_demo" -name "*.json" -exec cp {} "$s" \; 2>/dev/null ;;
    coco) for f in roboflow_carmask/test/_annotations.coco.json datumaro_fixture/instances_val.json \
                   panopticapi_det/panoptic_coco_detection_format.json derived/roboflow_carmask_bboxpoly.json; do
            [ -f "$SHARED/interop/$f" ] && cp "$SHARED/interop/$f" "$s/$(echo "$f" | tr / _)"; done ;;
    image_header) find "$SHARED/golden/images" -type f -exec cp {} "$s" \; 2>/dev/null ;;
    manifest) cp "$HERE/seeds/manifest/"* "$s" ;;
    tokenizer) [ -f "$SHARED/golden/tokenizer/cases.json" ] && cp "$SHARED/golden/tokenizer/cases.json" "$s" ;;
  esac
  cp "$HERE"/regressions/"$1"/* "$s" 2>/dev/null
  echo "$s"
}

export PROMPTMASK_SHARED_DIR=$SHARED
status=0
for t in $TARGETS; do
  mkdir -p "$BUILD/corpus/$t" "$BUILD/findings/$t"
  max_len=65536
  [ "$t" = image_header ] && max_len=4096
  [ "$t" = tokenizer ] && max_len=1024
  "$BUILD/fuzz_$t" "$BUILD/corpus/$t" "$(seeds "$t")" -max_total_time="$SECONDS_EACH" -max_len=$max_len \
    -rss_limit_mb=2048 -timeout=10 -artifact_prefix="$BUILD/findings/$t/" -print_final_stats=1 \
    >"$BUILD/$t.log" 2>&1
  rc=$?
  runs=$(grep -o "stat::number_of_executed_units: *[0-9]*" "$BUILD/$t.log" | grep -o "[0-9]*$")
  echo "fuzz_$t: exit $rc, ${runs:-?} executions in ${SECONDS_EACH}s, $(ls "$BUILD/findings/$t" | wc -l) findings"
  [ $rc -eq 77 ] && continue
  [ $rc -eq 0 ] || { tail -30 "$BUILD/$t.log"; status=1; }
done
exit $status
