#!/bin/bash
# Runs a test program with a small tmpfs of its own, in a private user+mount namespace (no real root
# needed): PM_TMPFS_DIR names the mount point. Usage: run_in_tmpfs.sh SIZE PROGRAM [ARGS...]
# Exits 77 (CTest: skipped) where the machine allows no mount namespace.
set -u
if [ "${PM_TMPFS_DIR:-}" = "" ]; then
  if ! unshare -rm true 2>/dev/null; then
    echo "SKIP: this machine allows no user+mount namespace (unshare -rm), so no tmpfs can be mounted"
    exit 77
  fi
  dir=$(mktemp -d)
  PM_TMPFS_DIR=$dir exec unshare -rm bash "$0" "$@"
fi
mount -t tmpfs -o "size=$1" tmpfs "$PM_TMPFS_DIR" || { echo "SKIP: cannot mount a tmpfs"; exit 77; }
shift
"$@"
rc=$?
umount "$PM_TMPFS_DIR" 2>/dev/null
rmdir "$PM_TMPFS_DIR" 2>/dev/null
exit $rc
