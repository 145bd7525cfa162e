#!/usr/bin/env bash
# Installs every build, test and model-tool dependency of PromptMask from Debian 12 packages.
# Idempotent: packages already present are skipped by apt; safe to run before every build.
set -euo pipefail

packages=(
  # toolchain
  cmake g++ make pkg-config ninja-build git clang-format
  # libraries
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6svg6
  libtorch-dev libopencv-dev libsentencepiece-dev nlohmann-json3-dev libicu-dev zlib1g-dev
  # OpenSSL libcrypto: SHA-256 of model bundles (5x faster than a hand-written one)
  libssl-dev
  # fast BLAS: without it LibTorch falls back to the reference BLAS (20-30x slower matmul)
  libopenblas0-pthread
  # model tools (export, demo training) and the SentencePiece trainer
  python3 python3-torch python3-numpy python3-pil python3-opencv python3-sentencepiece sentencepiece
  # a real labelme client for the annotation round-trip tests
  labelme
  # headless GUI tests, screenshots, fonts
  xvfb xauth imagemagick fonts-dejavu-core
  # real-window tests (label x11): a window manager, keys and mouse into the app's X window, xprop
  openbox xdotool x11-utils
  # packaging: shlibdeps, man pages from --help, the package checker; the install smoke test drives
  # the installed GUI's window, reads man pages, and Qt's own strings (dialog buttons) are translated
  dpkg-dev file
  help2man lintian
  man-db
  qt6-translations-l10n
  # a CJK font: without one the Japanese and Chinese interfaces draw boxes
  fonts-wqy-microhei
  # libFuzzer targets over the file parsers (fuzz/, CTest label fuzz); prlimit for the memory-limit tests
  clang-14 libclang-rt-14-dev util-linux
  # a one-node Slurm cluster on localhost for the sharded-labelling test (tests/cluster, label `cluster`)
  slurm-wlm munge
)

# kubectl, client only, to validate packaging/cluster/k8s offline (Debian's kubernetes-client; a kubectl
# already installed from elsewhere owns the same file, so it is kept)
command -v kubectl >/dev/null || packages+=(kubernetes-client)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
echo "install-deps: all ${#packages[@]} packages present"
