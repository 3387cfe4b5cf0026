#!/bin/sh
# Put the unpacked standalone facilitator in this user's application menu and on the PATH.
# No root needed; run it again after moving the folder. Undo with: ./install.sh --remove
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
APP_ID=org.facilitator.Facilitator
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
BIN=$HOME/.local/bin

if [ "${1:-}" = "--remove" ]; then
    rm -f "$DATA/applications/$APP_ID.desktop" "$DATA/metainfo/$APP_ID.metainfo.xml" "$BIN/facilitator"
    find "$DATA/icons/hicolor" -name "$APP_ID.*" -delete 2>/dev/null || true
    echo "facilitator removed from the menu (the folder $HERE is left as it is)"
    exit 0
fi

mkdir -p "$DATA/applications" "$DATA/metainfo" "$DATA/icons" "$BIN"
# The menu entry must name this folder's program: the desktop file says plain "facilitator".
sed "s|^Exec=facilitator |Exec=\"$HERE/facilitator\" |" \
    "$HERE/share/applications/$APP_ID.desktop" >"$DATA/applications/$APP_ID.desktop"
cp "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$DATA/metainfo/"
cp -R "$HERE/share/icons/hicolor" "$DATA/icons/"
ln -sf "$HERE/facilitator" "$BIN/facilitator"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$DATA/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true
echo "facilitator is in the application menu; from a terminal: $BIN/facilitator"
