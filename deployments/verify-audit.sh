#!/usr/bin/env bash
# Verifies the hash chain of the audit trail of a running Huimin: exits 0 when intact, 1 when damaged.
#   HUIMIN_URL (default http://127.0.0.1:8080), HUIMIN_AUDIT_USER (an admin or supervisor), HUIMIN_AUDIT_PASSWORD
set -euo pipefail
url="${HUIMIN_URL:-http://127.0.0.1:8080}"
user="${HUIMIN_AUDIT_USER:-admin}"
pass="${HUIMIN_AUDIT_PASSWORD:?set HUIMIN_AUDIT_PASSWORD}"
answer=$(curl -fsS -u "$user:$pass" "$url/api/audit/verify")
echo "$answer"
case "$answer" in *'"intact":true'*) exit 0 ;; *) exit 1 ;; esac
