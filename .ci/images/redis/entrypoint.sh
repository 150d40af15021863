#!/bin/bash
# Like the official redis image: flags go to redis-server, which runs as the redis user in /data and,
# without a config file, has protected mode off (Debian's default config would bind 127.0.0.1 only).
set -euo pipefail

if [ "${1:0:1}" = '-' ] || [ "${1%.conf}" != "$1" ]; then set -- redis-server "$@"; fi
if [ "$1" != 'redis-server' ]; then exec "$@"; fi
shift
case " $* " in
  *.conf*) ;;
  *) set -- --protected-mode no "$@" ;;
esac
chown -R redis:redis /data 2>/dev/null || true
exec setpriv --reuid=redis --regid=redis --init-groups redis-server "$@"
