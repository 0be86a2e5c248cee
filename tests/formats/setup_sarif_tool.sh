#!/bin/sh
# Install Microsoft's SARIF Multitool (npm @microsoft/sarif-multitool, which
# ships a self-contained binary) into DIR for check_validate_formats.py.
# Without npm or a registry the check still runs, against the SARIF schema
# only; so this step never fails the tests.
dir=$1
exe=$dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
[ -x "$exe" ] && exit 0
if ! command -v npm >/dev/null 2>&1; then
	echo "sarif tool: npm not found; SARIF is checked against its JSON schema only"
	exit 0
fi
mkdir -p "$dir"
if ! npm install --prefix "$dir" --no-audit --no-fund --no-save --loglevel=error \
	@microsoft/sarif-multitool@5 >"$dir/npm.log" 2>&1; then
	echo "sarif tool: npm install failed (see $dir/npm.log); SARIF is checked against its JSON schema only"
	exit 0
fi
# npm may not run the package's postinstall step (chmod u+x).
[ -f "$exe" ] && chmod u+x "$exe"
exit 0
