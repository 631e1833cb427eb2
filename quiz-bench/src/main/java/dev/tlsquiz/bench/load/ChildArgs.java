package dev.tlsquiz.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The command line of one child process of a {@code --processes} run: the parent's own arguments,
 * minus the options that differ per child, plus that child's share.
 */
public final class ChildArgs {

    /** Options the parent sets per child; the user's values for them are dropped. */
    static final Set<String> PER_CHILD = Set.of("--processes", "--connections", "--rate", "--output",
            "--first-connection", "--child");
    /** Of those, the ones that take no value. */
    private static final Set<String> FLAGS = Set.of("--child");

    private ChildArgs() {
    }

    /**
     * @param parentArgs the {@code bench} arguments as the user gave them (without {@code bench})
     * @param share      this child's share
     */
    public static List<String> forChild(List<String> parentArgs, Shares.Share share) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < parentArgs.size(); i++) {
            String arg = parentArgs.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (PER_CHILD.contains(name)) {
                if (!arg.contains("=") && !FLAGS.contains(name)) {
                    i++; // its value
                }
                continue;
            }
            args.add(arg);
        }
        args.addAll(List.of("--child", "--processes", "1", "--output", "json",
                "--connections", Integer.toString(share.connections()),
                "--first-connection", Integer.toString(share.firstConnection()),
                "--rate", String.format(Locale.ROOT, "%.3f", share.rate())));
        return args;
    }
}
