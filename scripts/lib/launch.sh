# Sourced by scripts/quiz and scripts/quiz-server: runs a module's self-contained jar, building it
# first (quietly, with a one-line notice) when it is missing or older than the sources it is made of.
# Needs bash with `set -euo pipefail` in the caller.

tlsquiz_repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# The Maven to build with: mvn when installed, else the checked-in wrapper (needs only a JDK).
tlsquiz_maven() {
    if command -v mvn >/dev/null 2>&1; then
        mvn "$@"
    else
        "$tlsquiz_repo/mvnw" "$@"
    fi
}

tlsquiz_find_jar() {
    local module="$1" jar
    for jar in "$tlsquiz_repo/$module"/target/"$module"-*-all.jar; do
        [[ -f "$jar" ]] && { printf '%s\n' "$jar"; return 0; }
    done
    return 1
}

# True when the jar is missing, or a pom or main source of the modules it contains is newer.
tlsquiz_needs_build() {
    local module="$1" jar="$2"
    [[ -z "$jar" ]] && return 0
    [[ -n "$(find "$tlsquiz_repo/pom.xml" "$tlsquiz_repo"/*/pom.xml \
        "$tlsquiz_repo/codec/src/main" "$tlsquiz_repo/tls/src/main" "$tlsquiz_repo/$module/src/main" \
        -type f -newer "$jar" -print -quit 2>/dev/null)" ]]
}

# tlsquiz_exec NAME MODULE ARGS...: build if needed, then replace this shell with the program.
tlsquiz_exec() {
    local name="$1" module="$2" jar log
    shift 2
    jar="$(tlsquiz_find_jar "$module" || true)"
    if tlsquiz_needs_build "$module" "$jar"; then
        echo "$name: building tlsquiz (first run or sources changed)..." >&2
        # Quiet: Maven's output is shown only when the build fails, and never on stdout, which
        # belongs to the program (JSON lines, the listening line).
        log="$(mktemp "${TMPDIR:-/tmp}/tlsquiz-build.XXXXXX")"
        if ! (cd "$tlsquiz_repo" && tlsquiz_maven -B -q -DskipTests -pl "$module" -am package) >"$log" 2>&1; then
            cat "$log" >&2
            rm -f "$log"
            echo "$name: the build failed (output above); fix it or run 'mvn -B -DskipTests package' in $tlsquiz_repo" >&2
            exit 1
        fi
        rm -f "$log"
        jar="$(tlsquiz_find_jar "$module")" || {
            echo "$name: the build produced no $module/target/$module-*-all.jar" >&2
            exit 1
        }
    fi
    exec "${JAVA:-java}" ${TLSQUIZ_JAVA_OPTS:-} -jar "$jar" "$@"
}
