#!/usr/bin/env bash
# Installs what Kaiku's tests need, skipping whatever is already present.
# Idempotent: a second run installs nothing and takes about a second.
#
#   Debian:  postgresql (15), chromium, chromium-driver, zbar-tools, wrk, curl, poppler-utils (pdftotext for the PDF test)
#   PyPI:    selenium, axe-selenium-python, axe-core-python, axe-playwright-python, schemathesis, aiosmtpd (pinned below)
#
# Runs as root (CI) or through sudo when it must install something.
# Set KAIKU_SKIP_SETUP=1 to skip it entirely (e.g. on a machine set up by hand).
set -euo pipefail

if [[ "${KAIKU_SKIP_SETUP:-}" == 1 ]]; then
  exit 0
fi

# Pinned PyPI versions: verified to install together on Python 3.11 from the
# registry this project reaches. (selenium 4.52.0 needs a certifi release the
# registry does not serve; axe-selenium-python 3.x needs Python >= 3.12.)
# axe-selenium-python 2.1.6 bundles axe-core 3.1.1 (2018), which does not know
# the tag wcag21a; the browser checks therefore inject the newest axe-core on
# PyPI: 4.12.1, the axe.min.js that axe-playwright-python ships. That package is
# installed without its dependencies (Playwright and its browsers are not used
# nor reachable); axe-core-python (4.4.3) stays as the fallback.
PY_NODEPS_PINS=(
  "axe-playwright-python==0.1.8"
)
PY_PINS=(
  "selenium==4.51.0"
  "axe-selenium-python==2.1.6"
  "axe-core-python==0.1.0"
  "schemathesis==4.32.5"
  "aiosmtpd==1.4.6"
  "georeport==0.3.1"
  "oidc-provider-mock==0.3.4"
)
APT_PKGS=(postgresql chromium chromium-driver zbar-tools wrk curl openssl poppler-utils)

log() { printf 'setup-test-deps: %s\n' "$*" >&2; }

SUDO=()
if [[ "$(id -u)" != 0 ]]; then
  SUDO=(sudo)
fi

# ---- Debian packages -------------------------------------------------------
apt_missing=()
for p in "${APT_PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    apt_missing+=("$p")
  fi
done

if ((${#apt_missing[@]})); then
  log "installing Debian packages: ${apt_missing[*]}"
  # Do not let postgresql's postinst create (and try to start) a default
  # cluster: the tests make throwaway clusters of their own.
  if [[ " ${apt_missing[*]} " == *" postgresql "* && ! -e /etc/postgresql-common/createcluster.conf ]]; then
    "${SUDO[@]}" mkdir -p /etc/postgresql-common
    echo 'create_main_cluster = false' | "${SUDO[@]}" tee /etc/postgresql-common/createcluster.conf >/dev/null
  fi
  export DEBIAN_FRONTEND=noninteractive
  t0=$SECONDS
  apt_log=$(mktemp "${TMPDIR:-/tmp}/kaiku-apt.XXXXXX")
  # Lock::Timeout: wait for another apt/dpkg run instead of failing at once.
  # Dpkg::Use-Pty=0 keeps dpkg's progress bars out of CI logs.
  apt_opts=(-o DPkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0)
  if ! "${SUDO[@]}" apt-get "${apt_opts[@]}" update -qq >"$apt_log" 2>&1; then
    tail -n 20 "$apt_log" >&2
    log "apt-get update failed"
    exit 1
  fi
  if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y -qq \
      --no-install-recommends "${apt_missing[@]}" >"$apt_log" 2>&1; then
    tail -n 40 "$apt_log" >&2
    log "apt-get install failed"
    exit 1
  fi
  rm -f "$apt_log"
  log "Debian packages installed in $((SECONDS - t0)) s"
fi

# Sanity: the binaries the scripts rely on.
for b in /usr/lib/postgresql/15/bin/initdb /usr/lib/postgresql/15/bin/pg_ctl \
         /usr/bin/chromium /usr/bin/chromedriver /usr/bin/wrk /usr/bin/zbarimg; do
  if [[ ! -x "$b" ]]; then
    log "missing $b after install"
    exit 1
  fi
done

# ---- PyPI packages ---------------------------------------------------------
PY=${PYTHON:-python3}
# One interpreter start for all pins: prints the pins that are not satisfied.
mapfile -t py_missing < <("$PY" - "${PY_PINS[@]}" "${PY_NODEPS_PINS[@]}" <<'EOF_PY' 2>/dev/null || printf '%s\n' "${PY_PINS[@]}" "${PY_NODEPS_PINS[@]}"
import sys, importlib.metadata as m
for pin in sys.argv[1:]:
    name, ver = pin.split("==")
    try:
        ok = m.version(name) == ver
    except m.PackageNotFoundError:
        ok = False
    if not ok:
        print(pin)
EOF_PY
)

if ((${#py_missing[@]})); then
  log "installing PyPI packages: ${py_missing[*]}"
  t0=$SECONDS
  # PIP_BREAK_SYSTEM_PACKAGES: harmless on a pyenv/venv Python, needed if
  # python3 is Debian's own (PEP 668 "externally managed").
  pip_log=$(mktemp "${TMPDIR:-/tmp}/kaiku-pip.XXXXXX")
  if ! PIP_BREAK_SYSTEM_PACKAGES=1 PIP_ROOT_USER_ACTION=ignore "$PY" -m pip install --quiet \
      --disable-pip-version-check --no-input "${PY_PINS[@]}" >"$pip_log" 2>&1; then
    tail -n 40 "$pip_log" >&2
    log "pip install failed"
    exit 1
  fi
  if ! PIP_BREAK_SYSTEM_PACKAGES=1 PIP_ROOT_USER_ACTION=ignore "$PY" -m pip install --quiet --no-deps \
      --disable-pip-version-check --no-input "${PY_NODEPS_PINS[@]}" >"$pip_log" 2>&1; then
    tail -n 40 "$pip_log" >&2
    log "pip install --no-deps failed"
    exit 1
  fi
  rm -f "$pip_log"
  # pyenv keeps console-script shims; make `schemathesis` visible right away.
  if command -v pyenv >/dev/null 2>&1; then pyenv rehash >/dev/null 2>&1 || true; fi
  log "PyPI packages installed in $((SECONDS - t0)) s"
fi

exit 0
