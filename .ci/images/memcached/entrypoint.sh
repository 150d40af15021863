#!/bin/bash
# Like the official memcached image: flags go to memcached, which runs as an unprivileged user
# (memcached refuses to run as root).
set -euo pipefail

if [ "${1:0:1}" = '-' ]; then set -- memcached "$@"; fi
if [ "$1" != 'memcached' ]; then exec "$@"; fi
shift
exec setpriv --reuid=memcache --regid=memcache --init-groups memcached "$@"
