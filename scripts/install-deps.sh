#!/usr/bin/env bash
# Installs what Pantau needs on Debian 12 (bookworm), only what is missing.
# Used by `make run` and `make test`; safe to run again.
set -euo pipefail

PACKAGES=(
  # build
  g++ cmake ninja-build pkg-config ccache make
  # libraries
  libboost-dev libsqlite3-dev libpq-dev libsodium-dev libssl-dev rapidjson-dev libspdlog-dev libfmt-dev
  libcli11-dev libtomlplusplus-dev libhpdf-dev libpng-dev libxlsxwriter-dev libyaml-cpp-dev zlib1g-dev libstemmer-dev
  libminizip-dev libexpat1-dev
  libqrencode-dev
  # the allocator the binaries link (CMakeLists.txt, PANTAU_JEMALLOC)
  libjemalloc-dev
  fonts-dejavu-core
  # web UI
  nodejs npm
)
TEST_PACKAGES=(
  libgtest-dev postgresql-15 clang libclang-rt-14-dev chromium poppler-utils wrk sqlite3 curl python3
  # CSV exports are checked by opening them in LibreOffice; the PostgreSQL test cluster uses en_US.UTF-8
  libreoffice-calc-nogui locales
  # deployment tests (tests/deploy): nginx in front of two instances
  nginx
)

want=("${PACKAGES[@]}")
if [[ "${1:-}" == "--test" ]]; then want+=("${TEST_PACKAGES[@]}"); fi

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then missing+=("$p"); fi
done
# nodejs may come from elsewhere (e.g. a preinstalled Node); accept any node >= 18 with npm.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
filtered=()
for p in "${missing[@]}"; do [[ -n "$p" ]] && filtered+=("$p"); done

if (( ${#filtered[@]} > 0 )); then
  echo "Memasang paket / installing packages: ${filtered[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${filtered[@]}" >/dev/null
fi

# The PostgreSQL test cluster (scripts/pg-cluster.sh) runs with a non-C locale.
if [[ "${1:-}" == "--test" ]] && ! locale -a 2>/dev/null | grep -qix 'en_US.utf-\?8'; then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO localedef -i en_US -c -f UTF-8 en_US.UTF-8 || echo "could not generate the en_US.UTF-8 locale" >&2
fi
