#!/usr/bin/env bash
# Rebuilds the committed GOV.UK / MOJ Frontend assets. Needs Node 20+ and the npm registry.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
npm run build
