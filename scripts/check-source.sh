#!/usr/bin/env bash
# Source rules that a compiler does not check (docs/DEVELOPING.md), run first by `make test`:
#  1. No JSON built by fmt::format or string concatenation in src/: user text would break or
#     forge the document (a hotspot named `X","stage":"RESOLVED` once added a field to an audit
#     entry). JSON is written with the writer (json::Out, json::object, json::with_member).
#  2. Module borders: a file under src/modules/<a>/ includes from another module only
#     src/modules/<b>/public.h, never its store, routes, rules or model.
#  3. One store style: a module's store files (store*.cpp, store*.h) return typed records and do
#     not include the JSON writer; the module's json.cpp turns records into JSON.
# Prints each offending line as file:line: text, and exits 1 when there is any.
set -uo pipefail
cd "$(dirname "$0")/.."

failed=0
report() {  # report TITLE HITS
  local hits=$2
  if [[ -n "$hits" ]]; then
    echo "check-source: $1" >&2
    echo "$hits" | sed 's/^/  /' >&2
    failed=1
  fi
}

sources=$(find src -name '*.cpp' -o -name '*.h' | sort)

# 1a. A format string that holds a JSON key: fmt::format(R"({{"name":"{}"}})", ...) or
#     fmt::format("{{\"name\":{}}}", ...).
report "JSON built by fmt::format (write it with json::Out / json::object)" \
  "$(grep -nE 'fmt::format\((R"\(|")[^;]*(\\"|")[A-Za-z_][A-Za-z0-9_]*(\\"|"):' $sources)"

# 1b. A literal holding a JSON key joined to other text with + or +=, or a fragment that ends
#     right after a key (to be continued by hand): out += "{\"items\":[";  body + ",\"report\":" + x.
report "JSON built by string concatenation (write it with json::Out / json::with_member)" \
  "$(grep -nE '(\+=?[[:space:]]*"[^"]*\\"[A-Za-z_][A-Za-z0-9_]*\\":|\\"[A-Za-z_][A-Za-z0-9_]*\\":[^"]*"[[:space:]]*\+|\\"[A-Za-z_][A-Za-z0-9_]*\\":[[{]?")' $sources)"

# 2. Module borders.
borders=$(for f in $(find src/modules -name '*.cpp' -o -name '*.h' | sort); do
  own=$(echo "$f" | cut -d/ -f3)
  grep -nE '^#include "modules/[^/]+/[^"]+"' "$f" | while IFS= read -r line; do
    inc=$(echo "$line" | sed -E 's/.*#include "modules\/([^"]+)".*/\1/')
    mod=${inc%%/*}
    file=${inc#*/}
    if [[ "$mod" != "$own" && "$file" != "public.h" ]]; then echo "$f:$line"; fi
  done
done)
report "a module includes another module's files other than its public.h" "$borders"

# 3. Stores without the JSON writer.
report "a store includes the JSON writer (return records; write JSON in the module's json.cpp)" \
  "$(grep -nE '^#include "http/json(_page)?\.h"' $(find src/modules -name 'store*.cpp' -o -name 'store*.h' | sort) /dev/null)"

if [[ $failed -eq 0 ]]; then echo "check-source: ok"; fi
exit $failed
