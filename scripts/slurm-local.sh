#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for the tests of `coordsim slurm` (the Slurm end-to-end test and CI).
#
#   scripts/slurm-local.sh up       install (when missing), configure and start it; wait until the node is idle
#   scripts/slurm-local.sh down     stop it
#   scripts/slurm-local.sh status   print whether it is up (exit 0 when up, 1 when not)
#
# Run as root on a Debian-like machine (CI and the development container are Debian 12, 2 cores). `up` installs
# Debian's slurmctld, slurmd, slurm-client and munge with apt-get when they are missing (Debian 12 serves
# slurm-wlm 22.05), writes /etc/slurm/slurm.conf for one node on this machine, starts munged, slurmctld and slurmd
# directly (no systemd) and waits until `sinfo` shows the node idle: about 2 s here. When it does not come up within
# $SLURM_LOCAL_TIMEOUT seconds (default 60) it prints why with the tails of the daemons' logs and exits 1.
# `up` is idempotent: on a cluster that is already up it only checks it.
#
# What this container needed, found by trying (and why each line below is there):
# - No systemd: the daemons are started directly, in the background (they daemonise themselves), and stopped by
#   the process ids in their pid files.
# - munged needs /run/munge (its socket; /run is empty in a fresh container), /var/lib/munge and /var/log/munge,
#   all owned by the munge user, and a key owned by munge with mode 0400 or 0600; Debian's package makes the key
#   on install, and `mungekey` makes one when there is none. munged runs as the munge user (runuser).
# - No cgroups: proctrack/linuxproc and task/none (cgroup plugins need a mounted, writable cgroup hierarchy that a
#   container rarely has); no accounting (no slurmdbd): accounting_storage/none, jobacct_gather/none, so `sacct`
#   does not work and a finished job is seen with `scontrol show job` for MinJobAge seconds.
# - The node's name is this machine's short host name, because slurmd finds its own node by it; NodeAddr and
#   SlurmctldHost's address are 127.0.0.1, so no host name resolution is needed beyond that.
# - CPUs, sockets, cores and RealMemory come from `slurmd -C` (what slurmd itself will report; CPUs alone made
#   slurmd log "Node configuration differs from hardware"). A RealMemory above what slurmd
#   finds would drain the node ("Low RealMemory"); SlurmdParameters=config_overrides lets the configured values
#   stand anyway, which matters in containers that report memory oddly.
# - ReturnToService=2: a node that was down (a daemon killed by `down` or a crash) returns to service as soon as
#   slurmd registers again, instead of staying DOWN until an administrator resumes it.
# - SchedulerParameters=batch_sched_delay=0,sched_min_interval=0: a job is scheduled when it is submitted and a
#   dependent job as soon as its dependency is met, not at the next periodic scheduling pass (the 4-task array and
#   the merge after it of the end-to-end test start and finish in about 5 s of submitting).
# - MinJobAge=600: a finished job stays known to slurmctld (`scontrol show job`, with its state and exit code) for
#   10 minutes; without accounting that is the only place a failed array task's exit code can be read.
# - select/cons_tres with CR_Core_Memory: several array tasks share the node, each taking its --cpus-per-task
#   cores and its --mem, as on a real cluster.
# - SlurmUser=root: the daemons and jobs run as root here; the files under /var/spool are root's.
set -euo pipefail

readonly conf_dir=/etc/slurm
readonly conf="$conf_dir/slurm.conf"
readonly marker="# Written by coordsim scripts/slurm-local.sh"
readonly run_dir=/run/slurm
readonly log_dir=/var/log/slurm
readonly timeout="${SLURM_LOCAL_TIMEOUT:-60}"

die() {
  echo "slurm-local: $*" >&2
  exit 1
}

need_root() {
  [ "$(id -u)" -eq 0 ] || die "must run as root (it installs packages and starts the Slurm daemons)."
}

install_packages() {
  local missing=()
  command -v slurmctld >/dev/null 2>&1 || missing+=(slurmctld)
  command -v slurmd >/dev/null 2>&1 || missing+=(slurmd)
  command -v sinfo >/dev/null 2>&1 || missing+=(slurm-client)
  command -v munged >/dev/null 2>&1 || missing+=(munge)
  if [ "${#missing[@]}" -gt 0 ]; then
    command -v apt-get >/dev/null 2>&1 || die "${missing[*]} missing and there is no apt-get to install them with."
    echo "slurm-local: installing ${missing[*]} with apt-get"
    apt-get update -qq || die "apt-get update failed."
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge \
      >/dev/null || die "apt-get install slurmctld slurmd slurm-client munge failed."
  fi
}

# The pid in a pid file when that process is alive, else nothing.
alive_pid() {
  local file="$1" pid
  [ -s "$file" ] || return 1
  pid="$(cat "$file")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

start_munge() {
  install -d -o munge -g munge -m 0755 /run/munge
  install -d -o munge -g munge -m 0700 /var/lib/munge /var/log/munge
  install -d -o munge -g munge -m 0700 /etc/munge
  if [ ! -s /etc/munge/munge.key ]; then
    mungekey --create --keyfile /etc/munge/munge.key
  fi
  chown munge:munge /etc/munge/munge.key
  chmod 0400 /etc/munge/munge.key
  if alive_pid /run/munge/munged.pid >/dev/null; then
    return
  fi
  runuser -u munge -- munged --pid-file=/run/munge/munged.pid || not_up "munged did not start (exit code $?)."
}

write_conf() {
  local host hardware
  host="$(hostname -s)"
  [ -n "$host" ] || die "this machine has no host name; slurmd needs one to find its node."
  # "CPUs=2 Boards=1 SocketsPerBoard=1 CoresPerSocket=2 ThreadsPerCore=1 RealMemory=24105": the node as slurmd sees it.
  hardware="$(slurmd -C | head -n 1 | grep -o 'CPUs=.*RealMemory=[0-9]*' || true)"
  [ -n "$hardware" ] || die "slurmd -C did not report CPUs and RealMemory: $(slurmd -C 2>&1 | head -n 3)"
  if [ -e "$conf" ] && ! grep -qF "$marker" "$conf"; then
    die "$conf exists and was not written by this script; it is left alone (this script is for a throw-away test machine)."
  fi
  install -d -m 0755 "$conf_dir" "$run_dir" "$log_dir" /var/spool/slurmctld /var/spool/slurmd
  local next="$conf.new"
  cat >"$next" <<EOF
$marker: a one-node cluster for tests.
ClusterName=coordsim-local
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
SlurmdParameters=config_overrides
ReturnToService=2
MinJobAge=600
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=$run_dir/slurmctld.pid
SlurmdPidFile=$run_dir/slurmd.pid
SlurmctldLogFile=$log_dir/slurmctld.log
SlurmdLogFile=$log_dir/slurmd.log
NodeName=$host NodeAddr=127.0.0.1 $hardware State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
  if [ -e "$conf" ] && cmp -s "$next" "$conf"; then
    rm -f "$next"
  else
    mv "$next" "$conf"
  fi
}

node_state() {
  sinfo --noheader --nodes="$(hostname -s)" --format=%T 2>/dev/null | head -n 1
}

is_up() {
  alive_pid "$run_dir/slurmctld.pid" >/dev/null && alive_pid "$run_dir/slurmd.pid" >/dev/null \
    && [[ "$(node_state)" =~ ^(idle|mixed|allocated|completing) ]]
}

log_tails() {
  local log
  for log in "$log_dir/slurmctld.log" "$log_dir/slurmd.log" /var/log/munge/munged.log; do
    if [ -s "$log" ]; then
      echo "--- last lines of $log" >&2
      tail -n 15 "$log" >&2
    fi
  done
}

up() {
  need_root
  install_packages
  write_conf
  start_munge
  if ! alive_pid "$run_dir/slurmctld.pid" >/dev/null; then
    slurmctld || not_up "slurmctld did not start (exit code $?)."
  fi
  if ! alive_pid "$run_dir/slurmd.pid" >/dev/null; then
    slurmd -N "$(hostname -s)" || not_up "slurmd did not start (exit code $?)."
  fi
  local waited=0 state
  while [ "$waited" -lt "$((timeout * 2))" ]; do
    if is_up; then
      echo "slurm-local: up: node $(hostname -s) $(node_state) in partition local ($(sinfo --noheader --format='%c CPUs, %m MB'))"
      return 0
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
  not_up "the cluster did not come up within ${timeout} s."
}

# Says why the cluster is not up, with the daemons' states and the tails of their logs, and exits 1.
not_up() {
  local state
  state="$(node_state || true)"
  echo "slurm-local: $1 Node state: ${state:-unknown};" \
    "slurmctld $(alive_pid "$run_dir/slurmctld.pid" >/dev/null && echo running || echo 'not running')," \
    "slurmd $(alive_pid "$run_dir/slurmd.pid" >/dev/null && echo running || echo 'not running')." >&2
  log_tails
  exit 1
}

stop() {
  local name="$1" file="$2" pid waited=0
  if pid="$(alive_pid "$file")"; then
    kill "$pid"
    while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 20 ]; do
      sleep 0.5
      waited=$((waited + 1))
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid"
    fi
    echo "slurm-local: stopped $name ($pid)"
  fi
}

down() {
  need_root
  stop slurmd "$run_dir/slurmd.pid"
  stop slurmctld "$run_dir/slurmctld.pid"
  stop munged /run/munge/munged.pid
}

status() {
  if command -v sinfo >/dev/null 2>&1 && is_up; then
    echo "slurm-local: up: node $(hostname -s) $(node_state)"
    return 0
  fi
  echo "slurm-local: down"
  return 1
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *)
    echo "usage: $0 up|down|status" >&2
    exit 2
    ;;
esac
