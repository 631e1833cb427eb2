# Sourced by scripts/lib/launch.sh: one Maven run that builds every program the scripts start (the server, the
# client and the load generator), with a line of progress per module; a launcher that finds such a build running
# waits for it instead of starting a second one. Needs bash with `set -euo pipefail` in the caller.

# The modules whose self-contained jars the launchers run, and what every one of them contains.
tlsquiz_launcher_modules=(quiz-server quiz-client-cli quiz-bench)
tlsquiz_shared_modules=(text codec tls cli-support bank)

# The Maven to build with: mvn when installed, else the checked-in wrapper (needs only a JDK).
tlsquiz_maven() {
    if command -v mvn >/dev/null 2>&1; then
        mvn "$@"
    else
        "$tlsquiz_repo/mvnw" "$@"
    fi
}

# True when the jar is missing, or a pom or a main source or resource of the modules it contains is newer.
tlsquiz_needs_build() {
    local module="$1" jar="$2" dirs=() m
    [[ -z "$jar" ]] && return 0
    for m in "${tlsquiz_shared_modules[@]}" "$module"; do dirs+=("$tlsquiz_repo/$m/src/main"); done
    # The load generator's jar holds the client's code too.
    [[ "$module" == quiz-bench ]] && dirs+=("$tlsquiz_repo/quiz-client-cli/src/main")
    [[ -n "$(find "$tlsquiz_repo/pom.xml" "$tlsquiz_repo"/*/pom.xml "${dirs[@]}" \
        -type f -newer "$jar" -print -quit 2>/dev/null)" ]]
}

# tlsquiz_build NAME MODULE: makes MODULE's jar current, building all launcher modules in one Maven run unless
# another launcher's build, waited for, already did. Exits with a one-line reason when that fails.
tlsquiz_build() {
    local name="$1" module="$2" lock="$tlsquiz_repo/target/build.lock" lock_fd="" holder="" waited=0
    local wait_s="${TLSQUIZ_BUILD_WAIT:-900}"
    # flock (util-linux) serialises builds; without it (macOS) concurrent launchers may each build, as before.
    if command -v flock >/dev/null 2>&1 && mkdir -p "$tlsquiz_repo/target" 2>/dev/null \
        && exec {lock_fd}>>"$lock"; then
        if ! flock -n "$lock_fd"; then
            read -r holder <"$lock" 2>/dev/null || true
            echo "$name: waiting for the build started by PID ${holder:-unknown} (at most ${wait_s} s)..." >&2
            if ! flock -w "$wait_s" "$lock_fd"; then
                echo "$name: the build started by PID ${holder:-unknown} was still running after ${wait_s} s;" \
                    "run this again when it has finished (TLSQUIZ_BUILD_WAIT sets the wait in seconds)" >&2
                exit 1
            fi
            waited=1
        fi
        # The lock is released when the descriptor closes, so a killed build never leaves it held; the PID
        # only names the holder for a launcher that waits.
        printf '%s (%s)\n' "$$" "$name" >"$lock"
    fi
    local jar=""
    tlsquiz_find_jar "$module" && jar="$tlsquiz_jar"
    # After a wait, the other launcher's build has usually made this jar current too.
    if [[ $waited -eq 0 ]] || tlsquiz_needs_build "$module" "$jar"; then
        tlsquiz_run_build "$name"
    fi
    [[ -n "$lock_fd" ]] && exec {lock_fd}>&-
    tlsquiz_find_jar "$module" || {
        echo "$name: the build produced no $module/target/$module-*-all.jar" >&2
        exit 1
    }
}

# tlsquiz_run_build NAME: one Maven run for all launcher modules and what they need. Its output goes to a
# log, never to stdout (which belongs to the program: JSON lines, the listening line); stderr gets a line per
# module, and on failure the failing module's part of the log in full.
tlsquiz_run_build() {
    local name="$1" log status=0 modules
    log="$(mktemp "${TMPDIR:-/tmp}/tlsquiz-build.XXXXXX")"
    modules="$(IFS=,; echo "${tlsquiz_launcher_modules[*]}")"
    echo "$name: building tlsquiz (first run or sources changed; one Maven run for $modules)" >&2
    # Tests are neither compiled nor run (-Dmaven.test.skip: ~25% less CPU than -DskipTests); `mvn verify` is
    # where they run.
    (cd "$tlsquiz_repo" && tlsquiz_maven -B -Dmaven.test.skip=true -pl "$modules" -am package) 2>&1 \
        | tlsquiz_build_progress "$name" "$log" || status=$?
    if [[ $status -ne 0 ]]; then
        # From the last module's header on: its compiler or plugin errors and Maven's error summary, whole.
        awk '/^\[INFO\] -+< [^ ]+ >-+$/ { part = "" } { part = part $0 "\n" } END { printf "%s", part }' \
            "$log" >&2
        echo "$name: the build failed (output above; whole log in $log); fix it, or run" \
            "'mvn -B -Dmaven.test.skip=true package' in $tlsquiz_repo" >&2
        exit 1
    fi
    rm -f "$log"
}

# tlsquiz_build_progress NAME LOG: copies Maven's output (stdin) to LOG and writes "building MODULE... done (N s)"
# lines to stderr from its reactor lines ("--< group:artifact >--" then "Building ... [i/n]").
tlsquiz_build_progress() {
    local name="$1" log="$2" line artifact="" current="" start=0 log_fd
    exec {log_fd}>"$log"
    while IFS= read -r line; do
        printf '%s\n' "$line" >&"$log_fd"
        if [[ "$line" =~ ^\[INFO\]\ -+\<\ [^:]+:([^ ]+)\ \>-+$ ]]; then
            artifact="${BASH_REMATCH[1]}"
        elif [[ -n "$artifact" && "$line" =~ ^\[INFO\]\ Building\ .*\[([0-9]+/[0-9]+)\]$ ]]; then
            tlsquiz_progress_done "$current" "$start" done
            # The parent pom has nothing to build; not worth a line.
            current=""
            if [[ "$artifact" != tlsquiz-parent ]]; then
                current="$artifact"
                printf '%s:   building %-16s [%s]...' "$name" "$artifact" "${BASH_REMATCH[1]}" >&2
            fi
            start="${EPOCHREALTIME/./}"
            artifact=""
        elif [[ "$line" == "[INFO] BUILD SUCCESS" ]]; then
            tlsquiz_progress_done "$current" "$start" done
            current=""
        elif [[ "$line" == "[INFO] BUILD FAILURE" ]]; then
            tlsquiz_progress_done "$current" "$start" FAILED
            current=""
        fi
    done
    tlsquiz_progress_done "$current" "$start" stopped
    exec {log_fd}>&-
}

# tlsquiz_progress_done MODULE START WORD: ends MODULE's progress line with WORD and its time; no-op without one.
tlsquiz_progress_done() {
    [[ -n "$1" ]] || return 0
    local tenths=$(( (${EPOCHREALTIME/./} - $2) / 100000 ))
    printf ' %s (%d.%d s)\n' "$3" $((tenths / 10)) $((tenths % 10)) >&2
}
