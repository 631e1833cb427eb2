package dev.tlsquiz.tls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The known-hosts file as another program uses it: a separate JVM started by {@link KnownHostsTest}.
 *
 * <ul>
 *   <li>{@code remember FILE PREFIX COUNT}: waits for one line on stdin (the go signal, so that every
 *       process writes at the same time), remembers {@code PREFIX-0:1} .. {@code PREFIX-(COUNT-1):1},
 *       then prints {@code done};</li>
 *   <li>{@code default-path}: prints {@link KnownHosts#defaultPath()}.</li>
 * </ul>
 */
public final class KnownHostsProcess {

    static final String PIN = "SHA256:" + "ab".repeat(32);

    private KnownHostsProcess() {
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("default-path")) {
            System.out.println(KnownHosts.defaultPath());
            return;
        }
        KnownHosts hosts = KnownHosts.at(Path.of(args[1]));
        String prefix = args[2];
        int count = Integer.parseInt(args[3]);
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        for (int i = 0; i < count; i++) {
            hosts.remember(prefix + "-" + i, 1, PIN);
        }
        System.out.println("done");
    }

    /** The command line that runs this class in a new JVM with the test class path. */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KnownHostsProcess.class.getName()));
        command.addAll(List.of(args));
        return command;
    }
}
