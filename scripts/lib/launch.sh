# Sourced by scripts/quiz, scripts/quiz-bench and scripts/quiz-server: runs a module's self-contained jar, building it
# first (quietly, with a one-line notice) when it is missing or older than the sources it is made of.
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

# The Maven to build with: mvn when installed, else the checked-in wrapper (needs only a JDK).
tlsquiz_maven() {
    if command -v mvn >/dev/null 2>&1; then
        mvn "$@"
    else
        "$tlsquiz_repo/mvnw" "$@"
    fi
}

# Sets tlsquiz_jar to the module's self-contained jar; false when there is none.
tlsquiz_find_jar() {
    local module="$1" jar
    for jar in "$tlsquiz_repo/$module"/target/"$module"-*-all.jar; do
        [[ -f "$jar" ]] && { tlsquiz_jar="$jar"; return 0; }
    done
    return 1
}

# True when the jar is missing, or a pom or main source of the modules it contains is newer.
tlsquiz_needs_build() {
    local module="$1" jar="$2" sources=()
    [[ -z "$jar" ]] && return 0
    # The load generator's jar holds the client's code too.
    [[ "$module" == quiz-bench ]] && sources+=("$tlsquiz_repo/quiz-client-cli/src/main")
    [[ -n "$(find "$tlsquiz_repo/pom.xml" "$tlsquiz_repo"/*/pom.xml \
        "$tlsquiz_repo/codec/src/main" "$tlsquiz_repo/tls/src/main" "$tlsquiz_repo/bank/src/main" \
        "$tlsquiz_repo/$module/src/main" \
        ${sources[@]+"${sources[@]}"} -type f -newer "$jar" -print -quit 2>/dev/null)" ]]
}

# tlsquiz_exec NAME MODULE ARGS...: build if needed, then replace this shell with the program.
tlsquiz_exec() {
    local name="$1" module="$2" jar log
    shift 2
    jar=""
    tlsquiz_find_jar "$module" && jar="$tlsquiz_jar"
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
        tlsquiz_find_jar "$module" || {
            echo "$name: the build produced no $module/target/$module-*-all.jar" >&2
            exit 1
        }
        jar="$tlsquiz_jar"
    fi
    if [[ "$module" == quiz-client-cli ]]; then
        tlsquiz_client_exec "$jar" "$@"
    fi
    # The launchers' folder as the user typed it (scripts/ from a checkout): hints then name
    # scripts/quiz and scripts/quiz-server rather than the installed quiz and quiz-server.
    local invoked=()
    [[ "$0" == */* ]] && invoked=(-Dtlsquiz.scripts="${0%/*}")
    exec "${JAVA:-java}" ${invoked[@]+"${invoked[@]}"} ${TLSQUIZ_JAVA_OPTS:-} -jar "$jar" "$@"
}

# ---- the client's start-up ------------------------------------------------------------------------
# Most of a `quiz play` start is the JVM loading and verifying ~5,000 classes (picocli, logback,
# Netty, TLS, Jackson). A class-data sharing archive next to the jar (quiz-client-cli-*-all.jsa)
# holds them parsed and verified. The first successful `play` after a build records the classes it
# loads and then dumps the archive (a few seconds, after the session's output); later runs map it.
# TLSQUIZ_CDS=0 runs without it. A JVM that cannot use the archive (another JDK, a damaged file)
# ignores it silently, and it is made again when the jar or the java executable changes.

# tlsquiz_client_exec JAR ARGS...: replaces this shell with the client.
tlsquiz_client_exec() {
    local jar="$1"
    shift
    local java="${JAVA:-java}" archive="${jar%.jar}.jsa" java_path=""
    # A play session is short and mostly waits for the server: the C1 compiler alone and the serial
    # collector start faster (C2's compiler threads compete for the CPUs during the start). The load
    # generator, which needs the full JIT, is another program (scripts/quiz-bench).
    local flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
    tlsquiz_native_libs "$jar"
    [[ -n "$tlsquiz_native" ]] && flags+=(-Djava.library.path="$tlsquiz_native")
    if [[ "${TLSQUIZ_CDS:-1}" == 0 ]]; then
        exec "$java" "${flags[@]}" ${TLSQUIZ_JAVA_OPTS:-} -jar "$jar" "$@"
    fi
    # Silent: the JVM's CDS messages would go to stdout, which belongs to the program (JSON lines).
    # Relocation mode 0 maps the archive at its preferred address instead of a random one: this JDK
    # otherwise patches every pointer in it at start (~80 ms, measured with -Xlog:startuptime). The
    # trade is address-space randomisation for class metadata, as Java 17 GA and earlier did.
    flags+=(-Xshare:auto '-Xlog:cds*=off' -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0)
    # The archive belongs to the java it was made with: its resolved path is kept next to it, and
    # compared by file identity (-ef follows symlinks such as /usr/bin/java) without forking.
    local java_cmd="$java" made_with=""
    if [[ "$java" != */* ]] && hash "$java" 2>/dev/null; then
        java_cmd="${BASH_CMDS[$java]}"
    fi
    [[ -f "$archive.java" ]] && read -r made_with <"$archive.java" || true
    if [[ -f "$archive" && "$archive" -nt "$jar" && -n "$made_with" && "$java_cmd" -ef "$made_with" ]]; then
        exec "$java" "${flags[@]}" -XX:SharedArchiveFile="$archive" ${TLSQUIZ_JAVA_OPTS:-} -jar "$jar" "$@"
    fi
    java_path="$(readlink -f "$java_cmd" 2>/dev/null || true)"
    if tlsquiz_is_session "$@" && [[ -n "$java_path" && -x "$java_path" ]]; then
        tlsquiz_train_and_dump "$java" "$java_path" "$jar" "$archive" "${flags[@]}" -- "$@"
    fi
    exec "$java" "${flags[@]}" ${TLSQUIZ_JAVA_OPTS:-} -jar "$jar" "$@"
}

# True when ARGS run a quiz session (play, the default), the run worth recording.
tlsquiz_is_session() {
    case "${1:-}" in
        help|-h|--help|-V|--version) return 1 ;;
    esac
    local arg
    for arg in "$@"; do
        case "$arg" in
            -h|--help|-V|--version) return 1 ;;
        esac
    done
    return 0
}

# tlsquiz_train_and_dump JAVA JAVA_PATH JAR ARCHIVE FLAGS... -- ARGS...: runs the client once while
# recording the classes it loads, then (after a complete session only) builds the archive from that
# list and moves it into place atomically. Exits with the client's status; returns only when the
# recording cannot start, to run the client plainly.
tlsquiz_train_and_dump() {
    local java="$1" java_path="$2" jar="$3" archive="$4"
    shift 4
    local flags=()
    while [[ "$1" != -- ]]; do flags+=("$1"); shift; done
    shift
    local classlist tmp child status=0
    # In the jar's folder, so that the final mv is a rename; unique names let concurrent first runs
    # each build their own archive, and the last rename wins.
    classlist="$(mktemp "$archive.XXXXXX.classlist" 2>/dev/null)" || return 0
    tmp="${classlist%.classlist}.tmp"
    # Run as a child rather than exec'd, to build the archive after it. A subshell resets SIGINT
    # and SIGQUIT, which bash ignores in plain background commands; <&0 keeps the terminal's stdin.
    ( trap - INT QUIT; exec "$java" "${flags[@]}" -XX:DumpLoadedClassList="$classlist" ${TLSQUIZ_JAVA_OPTS:-} \
        -jar "$jar" "$@" ) <&0 &
    child=$!
    trap 'kill -TERM "$child" 2>/dev/null' TERM HUP
    trap 'kill -INT "$child" 2>/dev/null' INT
    wait "$child" || status=$?
    while kill -0 "$child" 2>/dev/null; do
        # wait was interrupted by a forwarded signal: wait for the client itself to end.
        status=0
        wait "$child" || status=$?
    done
    trap - TERM HUP INT
    if [[ $status -eq 0 ]]; then
        # A failure here only costs the speed-up (the next session tries again), so it stays quiet.
        "$java" -Xshare:dump '-Xlog:cds*=off' -XX:SharedClassListFile="$classlist" -XX:SharedArchiveFile="$tmp" \
            -cp "$jar" >/dev/null 2>&1 </dev/null \
            && printf '%s\n' "$java_path" >"$tmp.java" \
            && mv -f "$tmp.java" "$archive.java" && mv -f "$tmp" "$archive" || true
    fi
    rm -f "$classlist" "$tmp" "$tmp.java"
    exit "$status"
}

# ---- Netty's native libraries ---------------------------------------------------------------------
# Netty loads netty-tcnative (OpenSSL, 3 MB; every start) and the epoll transport
# with System.loadLibrary from java.library.path first, and only when that fails copies the library
# out of the jar into a new temporary file (and deletes it again): ~40 ms of every start. So the
# launcher unpacks this machine's two libraries once into target/native/ next to the jar (again
# whenever the jar is newer) and points java.library.path there. Without unzip, on another OS or
# CPU, or when unpacking fails, the client runs as before and Netty unpacks them itself; nothing is
# printed either way.

# tlsquiz_native_libs JAR: sets tlsquiz_native to the folder of unpacked libraries, "" when none.
tlsquiz_native_libs() {
    local jar="$1" arch dir lib tmp
    tlsquiz_native=""
    [[ "${OSTYPE:-}" == linux* ]] || return 0
    # Netty's names for the CPUs its jars carry both libraries for ($HOSTTYPE: no uname fork).
    case "${HOSTTYPE:-}" in
        x86_64) arch=x86_64 ;;
        aarch64) arch=aarch_64 ;;
        *) return 0 ;;
    esac
    dir="${jar%/*}/native"
    for lib in "libnetty_tcnative_linux_$arch.so" "libnetty_transport_native_epoll_$arch.so"; do
        [[ -f "$dir/$lib" && "$dir/$lib" -nt "$jar" ]] && continue
        command -v unzip >/dev/null 2>&1 || return 0
        mkdir -p "$dir" 2>/dev/null || return 0
        # unzip -p writes a new file (so it is newer than the jar); the rename makes it appear
        # whole, also to a concurrent start.
        tmp="$dir/.$lib.$$"
        if unzip -p "$jar" "META-INF/native/$lib" >"$tmp" 2>/dev/null && [[ -s "$tmp" ]] \
            && mv -f "$tmp" "$dir/$lib" 2>/dev/null; then
            continue
        fi
        rm -f "$tmp" 2>/dev/null
        return 0
    done
    tlsquiz_native="$dir"
}
