#!/usr/bin/env bash
# Lints processes/*.bpmn with bpmnlint's recommended rules (.bpmnlintrc). Installs bpmnlint from npm under target/.
set -euo pipefail
cd "$(dirname "$0")/.."
LINT=target/bpmnlint
if [ ! -x "$LINT/node_modules/.bin/bpmnlint" ]; then
  mkdir -p "$LINT"
  (cd "$LINT" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent bpmnlint@11 >/dev/null)
fi
"$LINT/node_modules/.bin/bpmnlint" processes/*.bpmn
echo "bpmnlint: processes/*.bpmn clean"
