package dev.tlsquiz.server;

/** Entry point of the {@code quiz-server} command. */
public final class QuizServerMain {

    private QuizServerMain() {
    }

    public static void main(String[] args) {
        System.exit(0);
    }
}
