#!/usr/bin/env bash
# Run postal-ingest on Google Cloud Dataflow.
#
#   deploy/dataflow/submit.sh run [--streaming] [flags]       launch from this machine (DataflowRunner)
#   deploy/dataflow/submit.sh build-template                  build and push the image, write the Flex Template spec
#   deploy/dataflow/submit.sh run-template [--streaming]      launch the Flex Template
#
# Environment (defaults in brackets):
#   PROJECT, REGION       Google Cloud project and region (required)
#   BUCKET                gs://bucket[/prefix] for data, temp and staging files (required)
#   INPUT, OUTPUT         [$BUCKET/in/*, $BUCKET/out]
#   TEMP_LOCATION         [$BUCKET/temp]     STAGING_LOCATION [$BUCKET/staging]
#   IMAGE                 worker and launcher image [$REGION-docker.pkg.dev/$PROJECT/postal-ingest/postal-ingest:0.1.0]
#   TEMPLATE              Flex Template spec file [$BUCKET/templates/postal-ingest.json]
#   STOP_AFTER            streaming: stop after this many seconds [run until cancelled or drained]
#
# `run` needs Python 3.11 with the project and apache-beam[gcp]==2.77.0 installed, as in the
# image: the pickled pipeline must match the workers' Python and Beam.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
command=${1:-run}
shift || true

: "${PROJECT:?set PROJECT}" "${REGION:?set REGION}" "${BUCKET:?set BUCKET (gs://...)}"
input=${INPUT:-$BUCKET/in/*}
output=${OUTPUT:-$BUCKET/out}
temp_location=${TEMP_LOCATION:-$BUCKET/temp}
staging_location=${STAGING_LOCATION:-$BUCKET/staging}
image=${IMAGE:-$REGION-docker.pkg.dev/$PROJECT/postal-ingest/postal-ingest:0.1.0}
template=${TEMPLATE:-$BUCKET/templates/postal-ingest.json}

streaming=false
for arg in "$@"; do
    [[ $arg == --streaming ]] && streaming=true
done

case $command in
run)
    stop=()
    [[ -n ${STOP_AFTER:-} ]] && stop=(--stop-after "$STOP_AFTER")
    exec "${PYTHON:-python}" -m pipeline run \
        --input "$input" --output "$output" "${stop[@]}" \
        --runner=DataflowRunner \
        --project="$PROJECT" --region="$REGION" \
        --temp_location="$temp_location" --staging_location="$staging_location" \
        --sdk_container_image="$image" \
        --job_name="postal-ingest-$(date -u +%Y%m%d-%H%M%S)" \
        "$@"
    ;;
build-template)
    docker build -f "$here/Dockerfile" -t "$image" "$root"
    docker push "$image"
    exec gcloud dataflow flex-template build "$template" \
        --project="$PROJECT" \
        --image="$image" \
        --sdk-language=PYTHON \
        --metadata-file="$here/metadata.json"
    ;;
run-template)
    parameters="input=$input,output=$output,streaming=$streaming,sdk_container_image=$image"
    [[ -n ${STOP_AFTER:-} ]] && parameters+=",stop_after=$STOP_AFTER"
    exec gcloud dataflow flex-template run "postal-ingest-$(date -u +%Y%m%d-%H%M%S)" \
        --project="$PROJECT" --region="$REGION" \
        --template-file-gcs-location="$template" \
        --temp-location="$temp_location" --staging-location="$staging_location" \
        --parameters="$parameters"
    ;;
*)
    echo "usage: $0 run|build-template|run-template [--streaming] [flags]" >&2
    exit 2
    ;;
esac
