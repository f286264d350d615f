#!/usr/bin/env bash
# Submit postal-ingest to a Flink cluster through Beam's FlinkRunner.
#
#   deploy/flink/submit.sh [--streaming] [more pipeline or Beam flags]
#
# By default the launcher runs in the `submit` service of docker-compose.yml (same image as
# the workers) against that file's cluster. LAUNCHER=local runs it with the `python` on PATH
# instead, which must have postal-ingest and apache-beam 2.77.0 on Python 3.11.
#
# Environment (defaults in brackets):
#   POSTAL_INGEST_DATA    data directory, same path on host and containers [/tmp/postal-ingest]
#   INPUT, OUTPUT         input pattern and output directory [$POSTAL_INGEST_DATA/in/*, .../out]
#   FLINK_MASTER          Flink REST endpoint [jobmanager:8081 in compose, localhost:8081 local]
#   FLINK_VERSION         must match the cluster: 1.19, 1.20, 2.0, 2.1 or 2.2 [1.20]
#   WORKER_POOL           SDK worker pool address as the TaskManager sees it [localhost:50000]
#   PARALLELISM           [2]
#   CHECKPOINT_MS         streaming only: checkpoint interval in milliseconds [30000]
#   FLINK_JOB_SERVER_JAR  a local beam-runners-flink-$FLINK_VERSION-job-server-2.77.0.jar;
#                         without it Beam downloads that jar from Maven Central
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
launcher=${LAUNCHER:-compose}
data=${POSTAL_INGEST_DATA:-/tmp/postal-ingest}
input=${INPUT:-$data/in/*}
output=${OUTPUT:-$data/out}
flink_version=${FLINK_VERSION:-1.20}
if [[ $launcher == compose ]]; then
    flink_master=${FLINK_MASTER:-jobmanager:8081}
else
    flink_master=${FLINK_MASTER:-localhost:8081}
fi

beam_flags=(
    --runner=FlinkRunner
    --flink_master="$flink_master"
    --flink_version="$flink_version"
    # Packs the pipeline and its artifacts into one jar posted to the Flink REST API: nothing
    # needs to share a filesystem with the JobManager.
    --flink_submit_uber_jar
    --environment_type=EXTERNAL
    --environment_config="${WORKER_POOL:-localhost:50000}"
    --parallelism="${PARALLELISM:-2}"
)
for arg in "$@"; do
    if [[ $arg == --streaming ]]; then
        # Checkpoints hold the watch's PeriodicImpulse position; see README.md.
        beam_flags+=(--checkpointing_interval="${CHECKPOINT_MS:-30000}")
    fi
done

compose_mounts=()
if [[ -n ${FLINK_JOB_SERVER_JAR:-} ]]; then
    if [[ $launcher == compose ]]; then
        compose_mounts=(-v "$FLINK_JOB_SERVER_JAR:/opt/beam-jars/job-server.jar:ro")
        beam_flags+=(--flink_job_server_jar=/opt/beam-jars/job-server.jar)
    else
        beam_flags+=(--flink_job_server_jar="$FLINK_JOB_SERVER_JAR")
    fi
fi

[[ $output == *://* ]] || mkdir -p "$output"
if [[ $launcher == compose ]]; then
    export POSTAL_INGEST_DATA=$data
    exec docker compose -f "$here/docker-compose.yml" --profile submit run --rm "${compose_mounts[@]}" submit \
        run --input "$input" --output "$output" "${beam_flags[@]}" "$@"
fi
exec "${PYTHON:-python}" -m pipeline run --input "$input" --output "$output" "${beam_flags[@]}" "$@"
