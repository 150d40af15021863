#!/bin/bash
# The official rabbitmq image's contract: RABBITMQ_DEFAULT_USER / _PASS / _VHOST (defaults guest, guest,
# /) name the user created at first start; the server runs as the rabbitmq user, logging to stdout.
set -euo pipefail

if [ "${1:0:1}" = '-' ]; then set -- rabbitmq-server "$@"; fi
if [ "$1" != 'rabbitmq-server' ]; then exec "$@"; fi
shift

{
  echo "default_user = ${RABBITMQ_DEFAULT_USER:-guest}"
  echo "default_pass = ${RABBITMQ_DEFAULT_PASS:-guest}"
  echo "default_vhost = ${RABBITMQ_DEFAULT_VHOST:-/}"
} >/etc/rabbitmq/conf.d/20-environment.conf
mkdir -p /var/lib/rabbitmq /var/log/rabbitmq
chown -R rabbitmq:rabbitmq /var/lib/rabbitmq /var/log/rabbitmq /etc/rabbitmq
exec setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups /usr/lib/rabbitmq/bin/rabbitmq-server "$@"
