package dev.tlsquiz.bank;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the time to load a generated GIFT bank and the heap it retains (not a test: a figure for the
 * notes). Run from the repository root after {@code mvn -o -q -pl bank test-compile}:
 * <pre>
 * java -cp bank/target/classes:bank/target/test-classes:$HOME/.m2/repository/org/apache/commons/commons-csv/1.14.1/commons-csv-1.14.1.jar \
 *     dev.tlsquiz.bank.BankLoadFigures 10000
 * </pre>
 * The bank mixes the five kinds a file can hold, each question with a title, feedback and a realistic
 * text length (about 60-90 characters).
 */
public final class BankLoadFigures {

    private BankLoadFigures() {
    }

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path file = Files.createTempFile("bank-figures", ".gift");
        try {
            Files.writeString(file, generate(count), StandardCharsets.UTF_8);
            BankReader reader = new BankReader(BankLimits.defaults());
            List<Long> millis = new ArrayList<>();
            List<Long> cpuMillis = new ArrayList<>();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int run = 0; run < 7; run++) {
                long start = System.nanoTime();
                long cpuStart = threads.getCurrentThreadCpuTime();
                ParsedBank bank = reader.read(file, BankFormat.GIFT);
                cpuMillis.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000);
                millis.add((System.nanoTime() - start) / 1_000_000);
                if (!bank.valid() || bank.questions().size() != count) {
                    throw new IllegalStateException("generated bank did not load: " + bank.diagnostics());
                }
            }
            long before = usedAfterGc();
            ParsedBank kept = reader.read(file, BankFormat.GIFT);
            long after = usedAfterGc();
            System.out.printf("file: %d questions, %d bytes%n", kept.questions().size(), Files.size(file));
            // CPU time of the reading thread as well as wall time: on a shared machine the wall time mostly
            // measures the other processes.
            System.out.printf("load (wall): first %d ms, then %s ms%n", millis.get(0), millis.subList(1, millis.size()));
            System.out.printf("load (CPU of the reading thread): first %d ms, then %s ms%n", cpuMillis.get(0),
                    cpuMillis.subList(1, cpuMillis.size()));
            System.out.printf("retained heap: %.1f MiB (%d bytes per question)%n",
                    (after - before) / (1024.0 * 1024.0), (after - before) / kept.questions().size());
            System.out.println(kept.questions().size()); // keeps the bank reachable until after the measurement
        } finally {
            Files.delete(file);
        }
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    static String generate(int count) {
        StringBuilder gift = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i % 1000 == 0) {
                gift.append("$CATEGORY: generated/part").append(i / 1000).append("\n\n");
            }
            gift.append("::Question ").append(i).append("::");
            switch (i % 5) {
                case 0 -> gift.append("Which city is the capital of country number ").append(i)
                        .append(" in the list? {=City ").append(i).append(" # right ~Town ").append(i)
                        .append(" # no ~Village ").append(i).append(" ~Hamlet ").append(i).append("}");
                case 1 -> gift.append("Which of these numbers are divisors of ").append(i * 6L)
                        .append("? {~%50%2 # yes ~%50%3 # yes ~%-100%").append(i * 6L + 1).append(" # no}");
                case 2 -> gift.append("Statement ").append(i).append(": the quick brown fox jumps over the lazy dog. ")
                        .append("{T#It is true.#Right.}");
                case 3 -> gift.append("Name the colour of sample number ").append(i)
                        .append(". {=red # right =crimson # also right =%50%pink # close}");
                default -> gift.append("What is ").append(i).append(" divided by 7, to two decimals? {#")
                        .append(new java.math.BigDecimal(i).divide(java.math.BigDecimal.valueOf(7), 2,
                                java.math.RoundingMode.HALF_UP).toPlainString()).append(":0.01}");
            }
            gift.append("\n\n");
        }
        return gift.toString();
    }
}
