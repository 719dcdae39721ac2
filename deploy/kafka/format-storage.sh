#!/usr/bin/env bash
# One-shot, before the broker's first start: formats the KRaft storage with the SCRAM credential of
# the broker's own user (admin), which must exist before the broker can authenticate to itself on
# its SASL listener. On later starts the storage is already formatted and this does nothing.
set -euo pipefail
: "${CLUSTER_ID:?}" "${SCRAM_ADMIN_PASSWORD:?}"
# Only what formatting reads; the broker's own configuration comes from its environment.
cat > /tmp/format.properties <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:9093
controller.listener.names=CONTROLLER
listeners=CLIENTS://:9092,CONTROLLER://localhost:9093
listener.security.protocol.map=CONTROLLER:PLAINTEXT,CLIENTS:SASL_PLAINTEXT
inter.broker.listener.name=CLIENTS
log.dirs=/var/lib/kafka/data
PROPERTIES
/opt/kafka/bin/kafka-storage.sh format --ignore-formatted --cluster-id "$CLUSTER_ID" \
	--config /tmp/format.properties \
	--add-scram "SCRAM-SHA-512=[name=admin,password=$SCRAM_ADMIN_PASSWORD]"
