#!/usr/bin/env bash
# Installs Debian's kubectl (package kubernetes-client, kubectl 1.20 with kustomize v2.0.3 built in),
# which KubernetesManifestsTests uses to render deploy/kubernetes (`kubectl kustomize`) without a
# cluster. Does nothing when kubectl is there already. Needs root or passwordless sudo (CI's .ci/run
# runs it first; without kubectl the test fails and names this script).
set -euo pipefail
if command -v kubectl >/dev/null 2>&1; then
	exit 0
fi
SUDO=()
if [[ "$(id -u)" -ne 0 ]]; then
	SUDO=(sudo -n)
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get install -y --no-install-recommends kubernetes-client \
	|| { "${SUDO[@]}" apt-get update && "${SUDO[@]}" apt-get install -y --no-install-recommends kubernetes-client; }
command -v kubectl
