#!/usr/bin/env bash
# Installs Debian's Chromium, which the system tests use to render the public pages (a document's
# verification page) as a phone's browser would. Does nothing when it is there already. Needs root
# or passwordless sudo (CI's .ci/run runs it first; the tests run it when Chromium is missing).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
	exit 0
fi
SUDO=()
if [[ "$(id -u)" -ne 0 ]]; then
	SUDO=(sudo -n)
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get install -y --no-install-recommends chromium \
	|| { "${SUDO[@]}" apt-get update && "${SUDO[@]}" apt-get install -y --no-install-recommends chromium; }
command -v chromium
