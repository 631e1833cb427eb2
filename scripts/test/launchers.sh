#!/usr/bin/env bash
# Tests of the launchers' own logic (scripts/lib: one build, progress lines, waiting for a running build,
# staleness, build errors, the client archive's detached training) on a scratch copy of scripts/ with a fake
# Maven and a fake java on PATH, so that it runs in seconds; the real Maven and JVM path is what scripts/demo
# runs (CI runs both). Usage: scripts/test/launchers.sh   (exit 0 when every check passed)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
t="$(mktemp -d "${TMPDIR:-/tmp}/tlsquiz-launchers.XXXXXX")"
trap 'rm -rf "$t"' EXIT
failures=0
pass() { printf 'ok    %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; failures=$((failures + 1)); }
# wait_for SECONDS COMMAND...: polls COMMAND every 50 ms until it succeeds; false after SECONDS.
wait_for() {
    local until=$((SECONDS + $1))
    shift
    until "$@"; do
        ((SECONDS < until)) || return 1
        sleep 0.05
    done
}

repo="$t/repo"
mkdir -p "$repo" "$t/bin"
cp -r "$here/scripts" "$repo/"
touch -d '-1 hour' "$repo/pom.xml"
for m in text codec tls cli-support quiz-server quiz-client-cli quiz-bench; do
    mkdir -p "$repo/$m/src/main/java"
    touch -d '-1 hour' "$repo/$m/pom.xml" "$repo/$m/src/main/java/A.java"
done

# A Maven that prints reactor lines like Maven 3.8, counts its runs, and makes the three jars.
cat >"$t/bin/mvn" <<'MVN'
#!/usr/bin/env bash
echo "$$" >>"$FAKE/mvn.runs"
echo "[INFO] Scanning for projects..."
i=0
for m in tlsquiz-parent text codec tls cli-support quiz-server quiz-client-cli quiz-bench; do
    i=$((i + 1))
    echo "[INFO] ----------------------< dev.tlsquiz:$m >-----------------------"
    echo "[INFO] Building tlsquiz $m 0.1.0                                    [$i/8]"
    echo "[INFO] --------------------------------[ jar ]---------------------------------"
    if [[ -n "${FAKE_MVN_FAIL:-}" && $m == tls ]]; then
        echo "[ERROR] COMPILATION ERROR :"
        echo "[ERROR] /repo/tls/src/main/java/A.java:[3,5] cannot find symbol"
        echo "[INFO] BUILD FAILURE"
        echo "[ERROR] Failed to execute goal maven-compiler-plugin:compile on project tls"
        exit 1
    fi
    [[ $m == codec && -n "${FAKE_MVN_SLEEP:-}" ]] && { touch "$FAKE/mvn.started"; sleep "$FAKE_MVN_SLEEP"; }
done
for m in quiz-server quiz-client-cli quiz-bench; do
    mkdir -p "$m/target" && echo jar >"$m/target/$m-0.1.0-all.jar"
done
echo "[INFO] BUILD SUCCESS"
MVN
# A java that plays every part the launchers give it: the server, the client, the archive's dump.
mkdir -p "$t/jdk/bin"
cat >"$t/jdk/bin/java" <<'JAVA'
#!/usr/bin/env bash
args=" $* "
case "$args" in
    *" serve "*) echo "listening on 127.0.0.1:4433 (fake)"; exec sleep 60 ;;
    *" -Xshare:dump "*)
        echo "$$" >>"$FAKE/dump.runs"; sleep "${FAKE_DUMP_SLEEP:-0}"
        for a in "$@"; do [[ $a == -XX:SharedArchiveFile=* ]] && echo archive >"${a#*=}"; done
        exit 0 ;;
    *" -XX:AOTMode=record "*)
        for a in "$@"; do [[ $a == -XX:AOTConfiguration=* ]] && echo config >"${a#*=}"; done
        echo "$$" >>"$FAKE/training.runs"; exit 0 ;;
    *" -XX:AOTMode=create "*)
        for a in "$@"; do [[ $a == -XX:AOTCache=* ]] && echo cache >"${a#*=}"; done
        exit 0 ;;
    *" -XX:DumpLoadedClassList="*)
        for a in "$@"; do [[ $a == -XX:DumpLoadedClassList=* ]] && echo classes >"${a#*=}"; done
        echo "$$" >>"$FAKE/training.runs"; exit 0 ;;
    *) echo "java $*"; echo "Summary" ;;
esac
JAVA
chmod +x "$t/bin/mvn" "$t/jdk/bin/java"
export PATH="$t/bin:$PATH" FAKE="$t" JAVA="$t/jdk/bin/java" TLSQUIZ_BUILD_WAIT=30
runs() { [[ -f "$t/$1" ]] && wc -l <"$t/$1" || echo 0; }

# 1. A fresh checkout: one Maven run for all three programs, a line per module, nothing on stdout but the program's.
"$repo/scripts/quiz-server" --version >"$t/out" 2>"$t/err" || true
if [[ "$(runs mvn.runs)" -eq 1 ]] && grep -q 'building codec .*done (' "$t/err" \
    && grep -q 'building quiz-bench .*done (' "$t/err" && ! grep -q 'tlsquiz-parent' "$t/err" \
    && [[ "$(grep -c '^java ' "$t/out")" -eq 1 ]] && ! grep -q INFO "$t/out"; then
    pass "first run: one build, progress per module on stderr"
else
    fail "first run: $(runs mvn.runs) builds; stderr: $(cat "$t/err"); stdout: $(cat "$t/out")"
fi
for m in quiz-client-cli quiz-bench; do
    "$repo/scripts/${m/quiz-client-cli/quiz}" --version >/dev/null 2>&1 || true
done
if [[ "$(runs mvn.runs)" -eq 1 ]]; then pass "the client and the load generator reuse that build"
else fail "the other launchers built again ($(runs mvn.runs) builds)"; fi

# 2. Staleness: a source newer than the jar rebuilds; an untouched tree does not.
touch "$repo/text/src/main/java/A.java"
"$repo/scripts/quiz" --version >/dev/null 2>"$t/err" || true
if [[ "$(runs mvn.runs)" -eq 2 ]]; then pass "a changed source in a shared module (text) rebuilds"
else fail "no rebuild after a source change ($(runs mvn.runs) builds)"; fi

# 3. A second launcher waits for the build in progress instead of starting another.
touch "$repo/codec/src/main/java/A.java"
rm -f "$t/mvn.started"
FAKE_MVN_SLEEP=2 "$repo/scripts/quiz-server" --version >/dev/null 2>"$t/err1" &
first=$!
wait_for 20 test -f "$t/mvn.started" || fail "the first build did not start"
"$repo/scripts/quiz" --version >"$t/out2" 2>"$t/err2" || true
wait "$first" || true
if [[ "$(runs mvn.runs)" -eq 3 ]] && grep -q "waiting for the build started by PID $first (quiz-server)" "$t/err2" \
    && grep -q '^java ' "$t/out2"; then
    pass "a second launcher waits for the running build (PID named), then runs"
else
    fail "concurrent launchers: $(runs mvn.runs) builds; second said: $(cat "$t/err2")"
fi

# 4. A failed build: the failing module's output in full, one line of what to do, exit 1, nothing on stdout.
touch "$repo/tls/src/main/java/A.java"
status=0
FAKE_MVN_FAIL=1 "$repo/scripts/quiz" --version >"$t/out" 2>"$t/err" || status=$?
if [[ $status -eq 1 && ! -s "$t/out" ]] && grep -q 'A.java:\[3,5\] cannot find symbol' "$t/err" \
    && grep -q 'building tls .*FAILED' "$t/err" && grep -q 'the build failed' "$t/err"; then
    pass "a failed build shows the errors in full and exits 1"
else
    fail "failed build: status $status; stderr: $(cat "$t/err")"
fi
touch -d '-1 hour' "$repo/tls/src/main/java/A.java"

# 5. The client's archive is trained detached: the session exits at once although the dump takes 6 s, and a
#    later start uses the archive.
"$repo/scripts/quiz-server" --version >/dev/null 2>&1 || true
archive="$repo/quiz-client-cli/target/quiz-client-cli-0.1.0-all.jsa"
# Trainings started by the runs above (each start without an archive starts one) end first.
wait_for 30 eval '! compgen -G "$repo/quiz-client-cli/target/.training.*" >/dev/null' || true
rm -f "$archive" "$archive".* "$t/dump.runs" "$t/training.runs"
start=${EPOCHREALTIME/./}
FAKE_DUMP_SLEEP=6 "$repo/scripts/quiz" play --auto >"$t/out" 2>&1 || true
elapsed_ms=$(( (${EPOCHREALTIME/./} - start) / 1000 ))
if grep -q Summary "$t/out" && ((elapsed_ms < 4000)); then
    pass "the first session after a build exits without waiting for the archive (${elapsed_ms} ms; the dump takes 6 s)"
else
    fail "first session took ${elapsed_ms} ms: $(cat "$t/out")"
fi
# One training: one dump, from the class lists of two sessions (text and JSON output).
if wait_for 30 test -f "$archive" && [[ "$(runs dump.runs)" -eq 1 && "$(runs training.runs)" -eq 2 ]]; then
    "$repo/scripts/quiz" play --auto >"$t/out" 2>&1 || true
    if grep -q -- "-XX:SharedArchiveFile=$archive" "$t/out"; then pass "the next start maps the trained archive"
    else fail "the archive is not used: $(cat "$t/out")"; fi
else
    fail "no archive after 30 s (dumps $(runs dump.runs), trainings $(runs training.runs)); $(cat "$archive.failed" 2>/dev/null)"
fi
if ! compgen -G "$repo/quiz-client-cli/target/.training.*" >/dev/null; then pass "the training cleaned up after itself"
else fail "the training left $(ls -d "$repo"/quiz-client-cli/target/.training.*)"; fi

# 6. A Java 25 or newer named by JAVA (its release file says so) gets an AOT cache, trained the same way.
mkdir -p "$t/jdk25/bin"
cp "$t/jdk/bin/java" "$t/jdk25/bin/java"
echo 'JAVA_VERSION="25.0.3"' >"$t/jdk25/release"
JAVA="$t/jdk25/bin/java" "$repo/scripts/quiz" play --auto >/dev/null 2>&1 || true
cache="$repo/quiz-client-cli/target/quiz-client-cli-0.1.0-all.aot"
if wait_for 30 test -f "$cache"; then
    JAVA="$t/jdk25/bin/java" "$repo/scripts/quiz" play --auto >"$t/out" 2>&1 || true
    if grep -q -- "-XX:AOTCache=$cache" "$t/out" && ! grep -q -- "-XX:SharedArchiveFile" "$t/out"; then
        pass "Java 25: the trained AOT cache is used"
    else
        fail "Java 25: the AOT cache is not used: $(cat "$t/out")"
    fi
else
    fail "Java 25: no AOT cache after 30 s; $(cat "$cache.failed" 2>/dev/null)"
fi

echo
if [[ $failures -eq 0 ]]; then echo "launchers: all checks passed"; else echo "launchers: $failures check(s) FAILED"; exit 1; fi
