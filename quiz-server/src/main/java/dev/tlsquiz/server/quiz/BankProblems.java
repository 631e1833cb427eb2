package dev.tlsquiz.server.quiz;

import dev.tlsquiz.bank.AnswerFormat;
import dev.tlsquiz.bank.Question;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;

/**
 * Hands every session a {@link ProblemSource} over the questions of the served banks. The questions
 * can be {@linkplain #replace replaced} while the server runs (a bank file was reloaded): a session
 * takes the questions in force when it starts and keeps them to its end, so a reload never changes a
 * game in progress. Thread-safe: the questions are one immutable snapshot behind a volatile field.
 */
public final class BankProblems implements ProblemSourceFactory {

    private final QuestionOrder order;
    private final boolean repeat;
    private final OptionalLong seed;
    private volatile Snapshot questions;

    /**
     * @param questions the questions, in file order; at least one
     * @param order     shuffled for each session, or in file order
     * @param repeat    whether a session may ask a question again once every one was asked
     * @param seed      the seed of every session's shuffle, or empty for a random order per session
     */
    public BankProblems(List<Question> questions, QuestionOrder order, boolean repeat, OptionalLong seed) {
        this.order = Objects.requireNonNull(order, "order");
        this.repeat = repeat;
        this.seed = Objects.requireNonNull(seed, "seed");
        this.questions = new Snapshot(questions);
    }

    /** Sessions started from now on get these questions; sessions in progress keep theirs. */
    public void replace(List<Question> newQuestions) {
        questions = new Snapshot(newQuestions);
    }

    /** How many questions are served now. */
    public int size() {
        return questions.list.size();
    }

    @Override
    public ProblemSource newSession() {
        Snapshot current = questions;
        // java.util.Random's algorithm is specified, so a seed means the same order on any JVM.
        Random random = seed.isPresent() ? new Random(seed.getAsLong()) : new Random();
        return new Source(current, order, repeat, random);
    }

    /** The questions at one moment, and what is known of them in advance. */
    private static final class Snapshot {
        final List<Question> list;
        final boolean severalChoices;

        Snapshot(List<Question> list) {
            if (list.isEmpty()) {
                throw new IllegalArgumentException("no questions to serve");
            }
            this.list = List.copyOf(list);
            this.severalChoices = this.list.stream().anyMatch(q -> q.format() == AnswerFormat.SEVERAL_CHOICES);
        }
    }

    /** One session's questions: each asked once per pass, a new pass (reshuffled) only with repeat. */
    private static final class Source implements ProblemSource {
        private final Snapshot snapshot;
        private final QuestionOrder order;
        private final boolean repeat;
        private final Random random;
        private final List<Question> pass;
        private int next;

        Source(Snapshot snapshot, QuestionOrder order, boolean repeat, Random random) {
            this.snapshot = snapshot;
            this.order = order;
            this.repeat = repeat;
            this.random = random;
            this.pass = new ArrayList<>(snapshot.list);
            arrange();
        }

        private void arrange() {
            if (order == QuestionOrder.SHUFFLE) {
                Collections.shuffle(pass, random);
            }
            next = 0;
        }

        @Override
        public Question next() {
            if (next == pass.size()) {
                if (!repeat) {
                    // The session asks at most available() questions; getting here is a bug of ours.
                    throw new IllegalStateException("every one of the " + pass.size() + " questions was asked");
                }
                arrange();
            }
            return pass.get(next++);
        }

        @Override
        public OptionalInt available() {
            return repeat ? OptionalInt.empty() : OptionalInt.of(pass.size());
        }

        @Override
        public boolean hasSeveralChoices() {
            return snapshot.severalChoices;
        }
    }
}
