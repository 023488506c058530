#!/usr/bin/env bash
# Installs a built glute with its bundled resources: BUILD_DIR/glute and BUILD_DIR/*.resources go to
# PREFIX/lib/glutecoach, and PREFIX/bin/glute links to it. The binary finds its resources next to
# itself, so the installed glute keeps working after 'make clean'.
#   scripts/install.sh BUILD_DIR PREFIX
set -euo pipefail
build=${1:?usage: scripts/install.sh BUILD_DIR PREFIX}
prefix=${2:?usage: scripts/install.sh BUILD_DIR PREFIX}
install -d "$prefix/lib/glutecoach" "$prefix/bin"
rm -rf "$prefix/lib/glutecoach/"*.resources "$prefix/lib/glutecoach/glute"
cp "$build/glute" "$prefix/lib/glutecoach/glute"
for bundle in "$build"/*.resources; do
  [ -e "$bundle" ] && cp -R "$bundle" "$prefix/lib/glutecoach/"
done
ln -sfn ../lib/glutecoach/glute "$prefix/bin/glute"
echo "Installed $prefix/bin/glute."
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "To run it as 'glute', add its folder to your PATH: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
