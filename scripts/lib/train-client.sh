# Started detached by scripts/lib/client-start.sh (never by hand):
#   train-client.sh JAVA KIND JAR ARCHIVE CLIENT_FLAGS...
# Builds the client's start-up archive (KIND cds: a static class-data sharing archive; aot: a Java 25 AOT
# cache) from a training session: a private quiz server on 127.0.0.1 with its own throwaway PKI, one
# `play --auto` against it with the client's own flags, then the archive is dumped and renamed into place.
# Touches nothing of the user's (no server of theirs, no known_hosts, no certs/). One training per archive at a
# time (flock); every step is bounded; a failure leaves ARCHIVE.failed (the reason) so that starts do not retry
# until the jar changes.
set -uo pipefail

java="$1" kind="$2" jar="$3" archive="$4"
shift 4
flags=("$@")
repo="${BASH_SOURCE[0]%/scripts/lib/*}"

if command -v flock >/dev/null 2>&1; then
    exec {lock_fd}>>"$archive.lock" || exit 0
    flock -n "$lock_fd" || exit 0
fi
# Another training may have finished while this one was starting.
made_with=""
[[ -f "$archive.java" ]] && read -r made_with <"$archive.java"
[[ -f "$archive" && "$archive" -nt "$jar" && "$made_with" == "$java" ]] && exit 0

work="$(mktemp -d "${archive%/*}/.training.XXXXXX")" || exit 0
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]]; then
        kill -TERM "$server_pid" 2>/dev/null
        for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$server_pid" 2>/dev/null
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

fail() {
    { echo "training of $archive failed at $(date -u +%FT%TZ): $1"; tail -20 "$work/log" 2>/dev/null; } \
        >"$archive.failed"
    exit 1
}

server_jar=""
for candidate in "$repo"/quiz-server/target/quiz-server-*-all.jar; do
    [[ -f "$candidate" ]] && server_jar="$candidate"
done
[[ -n "$server_jar" ]] || fail "no quiz-server jar next to the client's"

mkfifo "$work/server.out" || fail "mkfifo"
"$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$server_jar" serve --bind 127.0.0.1 --port 0 \
    --certs-dir "$work/certs" --rounds 3 --time-limit 20s --shutdown-grace 1s \
    >"$work/server.out" 2>>"$work/log" &
server_pid=$!
exec 3<"$work/server.out"
port=""
while IFS= read -r -t 60 line <&3; do
    if [[ "$line" =~ ^listening\ on\ [^:]+:([0-9]+) ]]; then
        port="${BASH_REMATCH[1]}"
        break
    fi
done
[[ -n "$port" ]] || fail "the training server did not start"
cat <&3 >/dev/null &

# Two sessions' worth of classes: the text a person reads and the JSON lines scripts read (Jackson's generator,
# ~60 classes, which scripts/bench-startup measures). An AOT cache is recorded from one run only: the JSON one,
# the larger set; the text renderer's few classes then load from the jar.
session=(play --auto --host localhost --port "$port" --cafile "$work/certs/ca.pem" --name training --rounds 3)
if [[ "$kind" == aot ]]; then
    timeout 120 "$java" "${flags[@]}" -XX:AOTMode=record -XX:AOTConfiguration="$work/aotconf" \
        -jar "$jar" "${session[@]}" --output json >/dev/null 2>>"$work/log" || fail "the training session"
    timeout 300 "$java" "${flags[@]}" -XX:AOTMode=create -XX:AOTConfiguration="$work/aotconf" \
        -XX:AOTCache="$work/archive" -jar "$jar" >>"$work/log" 2>&1 || fail "creating the AOT cache"
else
    for output in text json; do
        timeout 120 "$java" "${flags[@]}" -XX:DumpLoadedClassList="$work/classlist.$output" \
            -jar "$jar" "${session[@]}" --output "$output" >/dev/null 2>>"$work/log" || fail "the training session"
    done
    # One list, each line once, in first-seen order (a line only needs what came before it in its own list).
    awk '!seen[$0]++' "$work/classlist.text" "$work/classlist.json" >"$work/classlist" || fail "merging the class lists"
    timeout 300 "$java" -Xshare:dump '-Xlog:cds*=off' -XX:SharedClassListFile="$work/classlist" \
        -XX:SharedArchiveFile="$work/archive" -cp "$jar" >>"$work/log" 2>&1 || fail "dumping the CDS archive"
fi
# The rename makes the archive appear whole, also to a client starting at this moment; the java it belongs to
# is written first.
printf '%s\n' "$java" >"$work/archive.java" && mv -f "$work/archive.java" "$archive.java" \
    && mv -f "$work/archive" "$archive" || fail "moving the archive into place"
rm -f "$archive.failed"
