#!/usr/bin/env bash
# Build the standalone Linux program with PyInstaller (packaging/README.md says why):
#   packaging/dist/facilitator/            the program folder: ./facilitator, install.sh, share/
#   packaging/dist/facilitator-VERSION-linux-ARCH.tar.gz   the same folder, to hand around
# It uses its own virtual environment (packaging/build/venv), installs facilitator there from
# this tree as a normal (non-editable) package plus PyInstaller, freezes it, adds the desktop
# file, AppStream metainfo and icons, and checks that the result starts. Safe to run again.
# Set FACILITATOR_NO_TARBALL=1 to skip the tarball.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/packaging/build
DIST=$ROOT/packaging/dist
APP_ID=org.facilitator.Facilitator
export VENV=$WORK/venv
source scripts/venv.sh
started=$(date +%s)

echo "== build environment ($VENV)"
ensure_venv
PIP=("$VENV/bin/python" -m pip install --disable-pip-version-check -q)
# The wheel is built from a clean copy of the sources: setuptools builds in place, and a
# stale build/ or egg-info in the work tree could slip removed modules into it.
rm -rf "$WORK/wheel" "$WORK/source"
mkdir -p "$WORK/source"
tar -c --exclude=__pycache__ --exclude='*.egg-info' \
    pyproject.toml src resources $(ls README* LICENSE* 2>/dev/null || true) \
    | tar -x -C "$WORK/source"
"$VENV/bin/python" -m pip wheel --disable-pip-version-check -q --no-deps \
    -w "$WORK/wheel" "$WORK/source"
WHEEL=$(ls "$WORK"/wheel/facilitator-*.whl)
"${PIP[@]}" "$WHEEL[standalone]"
# Same version number as last time: make sure this tree's code is what gets frozen.
"${PIP[@]}" --force-reinstall --no-deps "$WHEEL"
VERSION=$("$VENV/bin/python" -c "import facilitator; print(facilitator.__version__)")

echo "== system libraries to bundle"
# Qt's X11 plugin needs these; PyInstaller bundles them only if the build machine has them,
# and a borrowed laptop may not. (Every other library it needs comes inside the wheels.)
XCB_PACKAGES="libxcb-icccm4 libxcb-keysyms1"
if ! ldconfig -p | grep -q libxcb-icccm.so.4 || ! ldconfig -p | grep -q libxcb-keysyms.so.1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        apt-get install -y -qq --no-install-recommends $XCB_PACKAGES >/dev/null
    else
        echo "warning: install $XCB_PACKAGES (or your distribution's equivalent) so the" \
             "build carries them; without them it runs only where they are installed" >&2
    fi
fi

echo "== icons"
QT_QPA_PLATFORM=offscreen "$VENV/bin/python" packaging/render_icons.py

echo "== freeze facilitator $VERSION"
# onedir, not onefile: onefile unpacks ~200 MB into /tmp at every start (seconds on a slow
# laptop). Modules are imported lazily by the command line, so collect them all explicitly;
# collect-data brings facilitator.resources (icons, fonts, web pages, samples, help, i18n).
# uvicorn, reportlab and pypdfium2 are covered by pyinstaller-hooks-contrib. zoneinfo finds
# the tzdata package only at run time (where the system has no zone database): collect it.
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --onedir --name facilitator \
    --distpath "$DIST" --workpath "$WORK/pyinstaller" --specpath "$WORK" \
    --collect-submodules facilitator --collect-data facilitator \
    --collect-data tzdata --hidden-import tzdata \
    --exclude-module tkinter \
    packaging/launcher.py

APPDIR=$DIST/facilitator
echo "== desktop integration files"
install -D -m 644 packaging/$APP_ID.desktop "$APPDIR/share/applications/$APP_ID.desktop"
install -D -m 644 packaging/$APP_ID.metainfo.xml "$APPDIR/share/metainfo/$APP_ID.metainfo.xml"
rm -rf "$APPDIR/share/icons"
mkdir -p "$APPDIR/share/icons"
cp -R packaging/icons/hicolor "$APPDIR/share/icons/"
install -m 755 packaging/install.sh "$APPDIR/install.sh"
install -m 644 LICENSE "$APPDIR/LICENSE"

echo "== check the program starts"
"$APPDIR/facilitator" --version
check=$(mktemp -d)
trap 'rm -rf "$check"' EXIT
(cd "$check" && "$APPDIR/facilitator" new check.db >/dev/null \
    && "$APPDIR/facilitator" export check.db --format json | grep -q '"guiding_questions"')
echo "new and export work"

if [ -z "${FACILITATOR_NO_TARBALL:-}" ]; then
    echo "== tarball"
    TARBALL=$DIST/facilitator-$VERSION-linux-$(uname -m).tar.gz
    tar -C "$DIST" -czf "$TARBALL" facilitator
    echo "$TARBALL: $(du -h "$TARBALL" | cut -f1)"
fi
echo "$APPDIR: $(du -sh "$APPDIR" | cut -f1), built in $(( $(date +%s) - started )) s"
