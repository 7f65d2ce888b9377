#!/usr/bin/env bash
# Browser tests need Debian's Chromium and the Playwright Python package.
# We never run `playwright install`: its browser download is not reachable
# from CI; the tests launch /usr/bin/chromium through executable_path.
set -euo pipefail

if ! command -v chromium >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null
fi

if ! python -c "import playwright" >/dev/null 2>&1; then
  python -m pip install -q playwright
fi

echo "ci: browser ready: $(chromium --version 2>/dev/null || echo 'chromium missing')"
