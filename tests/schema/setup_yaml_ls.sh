#!/bin/sh
# Install yaml-language-server (npm) into DIR for check_editor.py. Without
# npm or a registry the editor check is skipped; this step never fails.
dir=$1
[ -x "$dir/node_modules/.bin/yaml-language-server" ] && exit 0
if ! command -v npm >/dev/null 2>&1; then
	echo "yaml-language-server: npm not found; the editor check is skipped"
	exit 0
fi
mkdir -p "$dir"
if ! npm install --prefix "$dir" --no-audit --no-fund --no-save --loglevel=error \
	yaml-language-server@1 >"$dir/npm.log" 2>&1; then
	echo "yaml-language-server: npm install failed (see $dir/npm.log); the editor check is skipped"
fi
exit 0
