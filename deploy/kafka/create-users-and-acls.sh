#!/usr/bin/env bash
# One-shot, after the broker is up and before the services start: each service's SCRAM user (its
# password from SCRAM_PASSWORD_<SERVICE>, set again at every start so a changed password takes
# effect) and the ACLs: a service creates and writes its own topics (its event topic and its consumer
# groups' dead-letter topics, which it declares itself when it starts: platform-data's
# TopicDeclarations; the broker creates none on its own), reads the topics it consumes, with consumer
# groups named after itself, and nothing else (issue 10, finding 6). Anyone else who reaches the
# broker cannot authenticate; the broker refuses what no ACL allows.
set -euo pipefail
: "${SCRAM_ADMIN_PASSWORD:?}"

# service               writes                reads (comma-separated, - for none)
ACCESS='
identity-service        identity.events.v1    identity.events.v1,payment.events.v1,residence.events.v1
residence-service       residence.events.v1   payment.events.v1,residence.events.v1
passport-service        passport.events.v1    payment.events.v1,passport.events.v1
seal-service            seal.events.v1        payment.events.v1,seal.events.v1
fine-payment-service    payment.events.v1     payment.events.v1
'

# The dead-letter topic of each consumer group, <topic>.<group>.dlt (platform-data's ConsumerDeadLetters;
# the national portal sync's too), declared and written only by the group's service.
# service               topic read            consumer group
DEAD_LETTERS='
identity-service        payment.events.v1     identity-service.fee-paid
identity-service        identity.events.v1    identity-service.dossier-follow-up
identity-service        identity.events.v1    identity-service.national-portal-sync
identity-service        residence.events.v1   identity-service.residence
residence-service       payment.events.v1     residence-service.fee-paid
residence-service       residence.events.v1   residence-service.dossier-follow-up
residence-service       residence.events.v1   residence-service.national-portal-sync
passport-service        payment.events.v1     passport-service.fee-paid
passport-service        passport.events.v1    passport-service.dossier-follow-up
passport-service        passport.events.v1    passport-service.national-portal-sync
seal-service            payment.events.v1     seal-service.fee-paid
seal-service            seal.events.v1        seal-service.dossier-follow-up
seal-service            seal.events.v1        seal-service.national-portal-sync
fine-payment-service    payment.events.v1     fine-payment-service.receipts
fine-payment-service    payment.events.v1     fine-payment-service.fine-paid
'

cat > /tmp/admin.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$SCRAM_ADMIN_PASSWORD";
PROPERTIES
BROKER=(--bootstrap-server "${KAFKA_BOOTSTRAP:-kafka:9092}" --command-config /tmp/admin.properties)
BIN=/opt/kafka/bin

while read -r service writes reads; do
	[[ -z "$service" ]] && continue
	variable="SCRAM_PASSWORD_$(tr 'a-z-' 'A-Z_' <<<"$service")"
	password="${!variable:?$variable is not set}"
	"$BIN/kafka-configs.sh" "${BROKER[@]}" --alter --entity-type users --entity-name "$service" \
		--add-config "SCRAM-SHA-512=[password=$password]"
	# Create (the service declares it) and Alter (partitions added up to the declared number).
	"$BIN/kafka-acls.sh" "${BROKER[@]}" --add --allow-principal "User:$service" \
		--operation Create --operation Alter --operation Write --operation Describe --topic "$writes"
	if [[ "$reads" != "-" ]]; then
		for topic in ${reads//,/ }; do
			"$BIN/kafka-acls.sh" "${BROKER[@]}" --add --allow-principal "User:$service" \
				--operation Read --operation Describe --topic "$topic"
		done
	fi
	# Consumer groups: identity-service, passport-service.fee-paid, ... (spring.kafka.consumer.group-id
	# and each @KafkaListener's groupId start with the service's name).
	"$BIN/kafka-acls.sh" "${BROKER[@]}" --add --allow-principal "User:$service" \
		--operation Read --operation Describe --group "$service" --resource-pattern-type prefixed
done <<<"$ACCESS"
while read -r service topic group; do
	[[ -z "$service" ]] && continue
	"$BIN/kafka-acls.sh" "${BROKER[@]}" --add --allow-principal "User:$service" \
		--operation Create --operation Alter --operation Write --operation Describe --topic "$topic.$group.dlt"
done <<<"$DEAD_LETTERS"
echo "Kafka users and ACLs are in place"
