# Shared by scripts/run, scripts/test and scripts/bench: find Python >= 3.11, make .venv.
VENV=${VENV:-.venv}

find_python() {
    for candidate in ${PYTHON:-} python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    echo "facilitator needs Python 3.11 or newer (set PYTHON=/path/to/python3.11)" >&2
    return 1
}

ensure_venv() {
    if [ ! -x "$VENV/bin/python" ]; then
        local python
        python=$(find_python)
        "$python" -m venv "$VENV"
    fi
}

# Install facilitator (editable) with the given extras, e.g. `install_facilitator` or
# `install_facilitator test`, only when pyproject.toml or the extras changed since the last
# install: an editable install already follows every source change, and skipping pip makes a
# relaunch as quick as the installed command and works with no package index (a venue
# laptop offline). If pip fails but an earlier install is there, say so and go on with it.
install_facilitator() {
    local extras=${1:-}
    local spec="."
    [ -n "$extras" ] && spec=".[$extras]"
    local stamp="$VENV/.facilitator-installed${extras:+-$extras}"
    local want
    # The venv's Python version (pyvenv.cfg, no interpreter start) and pyproject.toml.
    want="$(grep -s '^version' "$VENV/pyvenv.cfg") $(cksum < pyproject.toml)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$VENV/bin/facilitator" ]; then
        return 0
    fi
    if "$VENV/bin/python" -m pip install --disable-pip-version-check -q -e "$spec"; then
        printf '%s' "$want" > "$stamp"
    elif [ -x "$VENV/bin/facilitator" ]; then
        echo "facilitator: could not update the installation (offline?); using the one installed" >&2
    else
        return 1
    fi
}
