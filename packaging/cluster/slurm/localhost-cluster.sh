#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for trying the array job and for the `cluster` test.
#
#   localhost-cluster.sh start STATE_DIR   writes a munge key and slurm.conf into STATE_DIR, starts
#                                          munged, slurmctld and slurmd, waits until the node is idle
#   localhost-cluster.sh stop STATE_DIR    stops all three (safe to call twice, or after a failed start)
#
# After `start`, point the Slurm clients at the cluster:  export SLURM_CONF=STATE_DIR/slurm.conf
#
# Needs root (slurmd starts jobs as the submitting user) and Debian's `slurm-wlm` and `munge` packages
# (packaging/install-deps.sh). Everything lives in STATE_DIR: the system's /etc/slurm, /etc/munge and
# the munge daemon of the machine, if any, are left alone. Ports 16817/16818 avoid a real cluster's.
set -euo pipefail

cmd=${1:?usage: localhost-cluster.sh start|stop STATE_DIR}
state=$(realpath -m "${2:?usage: localhost-cluster.sh start|stop STATE_DIR}")

stop() {
  if [ -f "$state/slurm.conf" ]; then
    SLURM_CONF="$state/slurm.conf" scontrol shutdown >/dev/null 2>&1 || true
  fi
  # scontrol shutdown asks nicely; the pid files make sure, also after a half-done start.
  for daemon in slurmd slurmctld munged; do
    pidfile="$state/$daemon.pid"
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$pidfile"
  done
}

start() {
  [ "$(id -u)" -eq 0 ] || { echo "localhost-cluster.sh: needs root (slurmd runs jobs as their user)" >&2; exit 77; }
  for tool in munged mungekey slurmctld slurmd sbatch scontrol sinfo; do
    command -v "$tool" >/dev/null || { echo "localhost-cluster.sh: $tool missing (apt-get install slurm-wlm munge)" >&2; exit 77; }
  done
  mkdir -p "$state"/{spool,ctld,log}
  chmod 700 "$state"

  # 1. Munge: a fresh key, a daemon of our own on a socket of our own.
  rm -f "$state/munge.key"
  mungekey --create --keyfile="$state/munge.key"
  chmod 600 "$state/munge.key"
  munged --key-file="$state/munge.key" --socket="$state/munge.socket" --pid-file="$state/munged.pid" \
         --log-file="$state/log/munged.log" --seed-file="$state/munge.seed" --force

  # 2. slurm.conf for this host: one node with this machine's CPUs and memory, one partition.
  host=$(hostname -s)
  cpus=$(nproc)
  mem_mb=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 512 ))
  cat > "$state/slurm.conf" <<CONF
ClusterName=promptmask-local
SlurmctldHost=$host
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$state/munge.socket
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/spool
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/log/slurmctld.log
SlurmdLogFile=$state/log/slurmd.log
# No cgroups: plain process tracking works in containers and on any kernel.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SlurmdTimeout=60
InactiveLimit=0
KillWait=5
MaxArraySize=10001
NodeName=$host CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=FORCE:4
CONF
  export SLURM_CONF="$state/slurm.conf"

  # 3. The controller and the node daemon (both daemonize; -c starts from a clean state).
  slurmctld -c -f "$SLURM_CONF"
  slurmd -c -f "$SLURM_CONF"

  # 4. Ready when the node reports idle.
  for _ in $(seq 100); do
    if [ "$(sinfo -h -N -o %t 2>/dev/null | head -1)" = idle ]; then
      echo "localhost-cluster.sh: node $host idle; export SLURM_CONF=$SLURM_CONF"
      return 0
    fi
    sleep 0.3
  done
  echo "localhost-cluster.sh: the node did not come up; logs in $state/log" >&2
  tail -n 20 "$state/log/"*.log >&2 || true
  return 1
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: localhost-cluster.sh start|stop STATE_DIR" >&2; exit 2 ;;
esac
