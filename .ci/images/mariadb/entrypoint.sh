#!/bin/bash
# The environment contract of the official mariadb image (MARIADB_* and the older MYSQL_* names):
# ROOT_PASSWORD or ALLOW_EMPTY_ROOT_PASSWORD, DATABASE, USER, PASSWORD. First start: install the
# system tables, run a temporary server without TCP to apply them, then the real server.
set -euo pipefail

if [ "${1:0:1}" = '-' ]; then set -- mariadbd "$@"; fi
case "$1" in mariadbd|mysqld) ;; *) exec "$@" ;; esac

env_of() { # env_of NAME: MARIADB_NAME, else MYSQL_NAME
  local m="MARIADB_$1" y="MYSQL_$1"
  printf '%s' "${!m:-${!y:-}}"
}
root_password="$(env_of ROOT_PASSWORD)"
allow_empty="$(env_of ALLOW_EMPTY_ROOT_PASSWORD)"; allow_empty="${allow_empty:-${MYSQL_ALLOW_EMPTY_PASSWORD:-}}"
database="$(env_of DATABASE)"; user="$(env_of USER)"; password="$(env_of PASSWORD)"
datadir=/var/lib/mysql socket=/run/mysqld/mysqld.sock

mkdir -p "$datadir" /run/mysqld
chown mysql:mysql "$datadir" /run/mysqld

sql_quote() { local q="'"; printf "'%s'" "${1//$q/$q$q}"; }

init_sql() {
  echo "SET @@SESSION.SQL_LOG_BIN=0;"
  echo "DELETE FROM mysql.global_priv WHERE User='' OR (User='root' AND Host<>'localhost');"
  echo "DELETE FROM mysql.proxies_priv WHERE Host<>'localhost';"
  echo "FLUSH PRIVILEGES;"
  echo "ALTER USER 'root'@'localhost' IDENTIFIED BY $(sql_quote "$root_password");"
  echo "CREATE USER 'root'@'%' IDENTIFIED BY $(sql_quote "$root_password");"
  echo "GRANT ALL ON *.* TO 'root'@'%' WITH GRANT OPTION;"
  if [ -n "$database" ]; then echo "CREATE DATABASE IF NOT EXISTS \`$database\`;"; fi
  if [ -n "$user" ] && [ "$user" != root ]; then
    echo "CREATE USER $(sql_quote "$user")@'%' IDENTIFIED BY $(sql_quote "$password");"
    if [ -n "$database" ]; then echo "GRANT ALL ON \`$database\`.* TO $(sql_quote "$user")@'%';"; fi
  fi
  echo "FLUSH PRIVILEGES;"
}

if [ ! -d "$datadir/mysql" ]; then
  if [ -z "$root_password" ] && [ -z "$allow_empty" ]; then
    echo "Error: database is uninitialized and no root password option is specified: set" \
      "MARIADB_ROOT_PASSWORD (or MYSQL_ROOT_PASSWORD) or MARIADB_ALLOW_EMPTY_ROOT_PASSWORD" >&2
    exit 1
  fi
  echo "Initializing database files"
  mariadb-install-db --user=mysql --datadir="$datadir" --skip-test-db \
    --auth-root-authentication-method=normal >/dev/null
  "$@" --user=mysql --skip-networking --socket="$socket" &
  pid=$!
  for _ in $(seq 1 300); do
    mariadb --protocol=socket --socket="$socket" -uroot -e 'SELECT 1' >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { echo "Error: temporary server failed to start" >&2; exit 1; }
    sleep 0.1
  done
  init_sql | mariadb --protocol=socket --socket="$socket" -uroot
  kill "$pid"; wait "$pid" || true
  echo "MariaDB init process done. Ready for start up."
fi

exec "$@" --user=mysql
