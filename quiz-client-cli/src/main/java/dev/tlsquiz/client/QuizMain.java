package dev.tlsquiz.client;

/** Entry point of the {@code quiz} command. */
public final class QuizMain {

    private QuizMain() {
    }

    public static void main(String[] args) {
        System.exit(0);
    }
}
