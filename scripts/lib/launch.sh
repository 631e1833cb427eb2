# Sourced by scripts/quiz, scripts/quiz-bench and scripts/quiz-server: runs a module's self-contained jar, building it
# first when it is missing or older than the sources it is made of (scripts/lib/build.sh: one Maven run for all
# three programs, a line per module). The client's start-up tuning is in scripts/lib/client-start.sh.
# Needs bash with `set -euo pipefail` in the caller.

# The repository, worked out without forking (each fork costs milliseconds of the client's start):
# this file is always sourced as .../scripts/lib/launch.sh.
tlsquiz_repo="${BASH_SOURCE[0]%/*}"
[[ "$tlsquiz_repo" == /* ]] || tlsquiz_repo="$PWD/$tlsquiz_repo"
tlsquiz_repo="${tlsquiz_repo//\/.\//\/}"
if [[ "$tlsquiz_repo" == */scripts/lib ]]; then
    tlsquiz_repo="${tlsquiz_repo%/scripts/lib}"
else
    tlsquiz_repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
fi

source "$tlsquiz_repo/scripts/lib/build.sh"

# Sets tlsquiz_jar to the module's self-contained jar; false when there is none.
tlsquiz_find_jar() {
    local module="$1" jar
    for jar in "$tlsquiz_repo/$module"/target/"$module"-*-all.jar; do
        [[ -f "$jar" ]] && { tlsquiz_jar="$jar"; return 0; }
    done
    return 1
}

# tlsquiz_exec NAME MODULE ARGS...: build if needed, then replace this shell with the program.
tlsquiz_exec() {
    local name="$1" module="$2" jar=""
    shift 2
    tlsquiz_find_jar "$module" && jar="$tlsquiz_jar"
    if tlsquiz_needs_build "$module" "$jar"; then
        tlsquiz_build "$name" "$module"
        jar="$tlsquiz_jar"
    fi
    if [[ "$module" == quiz-client-cli ]]; then
        source "$tlsquiz_repo/scripts/lib/client-start.sh"
        tlsquiz_client_exec "$jar" "$@"
    fi
    # The launchers' folder as the user typed it (scripts/ from a checkout): hints then name
    # scripts/quiz and scripts/quiz-server rather than the installed quiz and quiz-server.
    local invoked=()
    [[ "$0" == */* ]] && invoked=(-Dtlsquiz.scripts="${0%/*}")
    exec "${JAVA:-java}" ${invoked[@]+"${invoked[@]}"} ${TLSQUIZ_JAVA_OPTS:-} -jar "$jar" "$@"
}
