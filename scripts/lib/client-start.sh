# Sourced by scripts/lib/launch.sh for the client only: how `quiz` starts fast.
#
# Most of a `quiz play` start is the JVM loading and verifying ~5,000 classes (picocli, logback, Netty, TLS,
# Jackson). An archive next to the jar holds them already parsed and verified (linked, on Java 25):
#   * Java 25 or newer, given as JAVA=HOME/bin/java: an AOT cache (JEP 483/514), quiz-client-cli-*-all.aot;
#   * otherwise (Java 17 on; java from PATH, whose version is not known without running it): a static
#     class-data sharing archive, quiz-client-cli-*-all.jsa.
# The archive is made where nobody waits: when it is missing (after a build, or for another java), the
# launcher starts scripts/lib/train-client.sh detached, which plays a training session against a private
# server on loopback and builds the archive from what it loaded; this run and every run until it is ready
# start without it. A session never records anything and its exit is never delayed. TLSQUIZ_CDS=0 runs
# without an archive (and makes none). A JVM that cannot use the archive ignores it silently; it is made again
# when the jar or the java executable changes.
#
# Which java: $JAVA when set (JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java gets the AOT cache), else java
# from PATH. Not a search for the newest JDK: on the 2-vCPU machine this was measured on, Java 25 with its AOT
# cache took more CPU per start than Java 17 with its archive (BENCHMARKS.md, start-up), so it stays a choice.

# tlsquiz_client_exec JAR ARGS...: replaces this shell with the client.
tlsquiz_client_exec() {
    local jar="$1"
    shift
    tlsquiz_client_java
    local java="$tlsquiz_java" feature="$tlsquiz_java_feature"
    # A play session is short and mostly waits for the server: the C1 compiler alone and the serial
    # collector start faster (C2's compiler threads compete for the CPUs during the start). The load
    # generator, which needs the full JIT, is another program (scripts/quiz-bench).
    local flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
    tlsquiz_native_libs "$jar"
    [[ -n "$tlsquiz_native" ]] && flags+=(-Djava.library.path="$tlsquiz_native")
    if [[ "${TLSQUIZ_CDS:-1}" == 0 ]]; then
        exec "$java" "${flags[@]}" ${TLSQUIZ_JAVA_OPTS:-} -jar "$jar" "$@"
    fi
    # Silent: the JVM's archive messages would go to stdout, which belongs to the program (JSON lines).
    # Relocation mode 0 maps the archive at its preferred address instead of a random one: Java 17 otherwise
    # patches every pointer in it at start (~80 ms, measured with -Xlog:startuptime). The trade is
    # address-space randomisation for class metadata, as Java 17 GA and earlier did.
    flags+=('-Xlog:cds*=off' -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0)
    local archive kind=cds
    if ((feature >= 25)); then
        kind=aot
        archive="${jar%.jar}.aot"
        flags+=('-Xlog:aot*=off')
    else
        archive="${jar%.jar}.jsa"
        flags+=(-Xshare:auto)
    fi
    # The archive belongs to the java it was made with: its resolved path is kept next to it, and
    # compared by file identity (-ef follows symlinks such as /usr/bin/java) without forking.
    local java_cmd="$java" made_with=""
    if [[ "$java" != */* ]] && hash "$java" 2>/dev/null; then
        java_cmd="${BASH_CMDS[$java]}"
    fi
    [[ -f "$archive.java" ]] && read -r made_with <"$archive.java" || true
    if [[ -f "$archive" && "$archive" -nt "$jar" && -n "$made_with" && "$java_cmd" -ef "$made_with" ]]; then
        if [[ $kind == aot ]]; then
            exec "$java" "${flags[@]}" -XX:AOTCache="$archive" ${TLSQUIZ_JAVA_OPTS:-} -jar "$jar" "$@"
        fi
        exec "$java" "${flags[@]}" -XX:SharedArchiveFile="$archive" ${TLSQUIZ_JAVA_OPTS:-} -jar "$jar" "$@"
    fi
    tlsquiz_start_training "$java_cmd" "$kind" "$jar" "$archive" "${flags[@]}"
    exec "$java" "${flags[@]}" ${TLSQUIZ_JAVA_OPTS:-} -jar "$jar" "$@"
}

# tlsquiz_start_training JAVA KIND JAR ARCHIVE FLAGS...: starts the archive's training detached (its own session,
# no terminal, output discarded) unless a training for this jar failed already: a failure costs only the
# speed-up, and is not retried on every start until the jar changes. Never waits for it.
tlsquiz_start_training() {
    local java_path
    [[ -f "$4.failed" && "$4.failed" -nt "$3" ]] && return 0
    java_path="$(readlink -f "$1" 2>/dev/null || true)"
    [[ -n "$java_path" && -x "$java_path" ]] || return 0
    local trainer=("${BASH:-bash}" "$tlsquiz_repo/scripts/lib/train-client.sh" "$java_path" "$2" "$3" "$4" "${@:5}")
    if command -v setsid >/dev/null 2>&1; then
        setsid -f "${trainer[@]}" </dev/null >/dev/null 2>&1 || true
    else
        ("${trainer[@]}" </dev/null >/dev/null 2>&1 &) || true
    fi
}

# tlsquiz_client_java: sets tlsquiz_java (the command: $JAVA, else java from PATH) and tlsquiz_java_feature (its
# major version when $JAVA is a path to HOME/bin/java; 0 when not known without running it, which gets the
# class-data sharing archive, which every Java from 17 on can use).
tlsquiz_client_java() {
    tlsquiz_java="${JAVA:-java}"
    tlsquiz_java_feature=0
    if [[ "$tlsquiz_java" == */bin/java ]]; then
        tlsquiz_release_feature "${tlsquiz_java%/bin/java}"
        tlsquiz_java_feature="$tlsquiz_feature"
    fi
}

# tlsquiz_release_feature HOME: sets tlsquiz_feature to the major version in HOME/release (JAVA_VERSION="25.0.3"),
# 0 when unknown. Read with bash alone: no fork, no JVM.
tlsquiz_release_feature() {
    local line
    tlsquiz_feature=0
    if [[ -r "$1/release" ]]; then
        while IFS= read -r line; do
            if [[ "$line" =~ ^JAVA_VERSION=\"([0-9]+) ]]; then
                tlsquiz_feature="${BASH_REMATCH[1]}"
                break
            fi
        done <"$1/release"
    fi
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
