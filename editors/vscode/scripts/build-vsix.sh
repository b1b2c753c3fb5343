#!/usr/bin/env bash
# Builds editors/vscode into cxr-<version>.vsix: installs the locked npm packages, copies the grammar in, checks
# the highlighting of the sample reports with VS Code's TextMate engine, and packages with @vscode/vsce.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
npm test
npx --no-install vsce package --no-git-tag-version --allow-missing-repository --skip-license -o "cxr-$(node -p 'require("./package.json").version').vsix"
