package dev.tlsquiz.client.play;

import dev.tlsquiz.client.ClientFailure;
import dev.tlsquiz.client.ExitCodes;
import dev.tlsquiz.client.Failures;
import dev.tlsquiz.client.Terminal;
import dev.tlsquiz.client.net.ClientConnection;
import dev.tlsquiz.client.net.ClientConnector;
import dev.tlsquiz.client.net.ClientTimeouts;
import dev.tlsquiz.client.net.HandshakeOutcome;
import dev.tlsquiz.client.render.PromptText;
import dev.tlsquiz.client.render.SessionRenderer;
import dev.tlsquiz.client.session.ClientEvent;
import dev.tlsquiz.client.session.EventQueue;
import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.Bye;
import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.Hello;
import dev.tlsquiz.codec.MessageType;
import dev.tlsquiz.codec.Problem;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.Summary;
import dev.tlsquiz.codec.Verdict;
import dev.tlsquiz.codec.Welcome;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.UnknownServerKeyException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One {@code quiz play} run on the calling (main) thread: connect, settle trust, say HELLO, then
 * answer problems until the SUMMARY arrives.
 *
 * <p>The Netty handler and the {@link LineReader} thread only put {@link ClientEvent}s into one
 * queue; this loop is the only place that acts on them, so a player thinking at the prompt never
 * blocks the event loop, and a TIMEOUT verdict that arrives while they type is shown at once.
 * All session state below is confined to the thread that calls {@link #run()}.
 */
public final class PlaySession {

    /** What a re-prompt adds to the reason an input was not an answer. */
    private static final String OR_QUIT = ", or 'quit' to stop";

    /** Marks a command word typed as an answer ({@code \quit} answers "quit"); see {@link PromptText#HELP}. */
    private static final String LITERAL = "\\";

    private final PlaySettings settings;
    private final Terminal terminal;
    private final SessionRenderer renderer;
    private final Supplier<ClientTls> tlsFactory;
    private final ClientTimeouts timeouts;
    private final boolean verbose;
    private final EventQueue events = new EventQueue();
    private final ProgressDeadline progress;
    private final LineEditor editor;
    private final SessionTally tally = new SessionTally();
    /** The room this session is a seat in ({@code quiz join}), or {@code null} for solo play. */
    private final RoomSeat room;

    private ClientTls tls;
    private ClientConnection connection;
    private Welcome welcome;
    private Problem openProblem;
    private String sentAnswer;
    private int lastRound;
    private final Deque<String> pendingLines = new ArrayDeque<>();
    /** The number of script lines taken so far, to name a line in a warning. */
    private int scriptLine;
    private boolean inputEnded;
    /** {@code --auto} said it cannot answer the open problem, which is left to time out. */
    private boolean autoSkipped;
    private boolean byeSent;
    /** The editor was asked for a line that has not come yet. */
    private boolean lineAsked;
    /** Lines the editor delivered for a problem that closed before they were seen: dropped. */
    private int staleLines;
    /** When the open problem's time runs out, by the client's clock (the server's verdict decides). */
    private long problemDeadlineNanos;

    /**
     * @param tlsFactory builds the TLS factory for each connection attempt (again after a
     *                   trust-on-first-use decision changed the known-hosts file)
     */
    public PlaySession(PlaySettings settings, Terminal terminal, SessionRenderer renderer,
                       Supplier<ClientTls> tlsFactory, ClientTimeouts timeouts, boolean verbose) {
        this(settings, terminal, renderer, tlsFactory, timeouts, verbose, null);
    }

    /**
     * @param editor the line editor that reads the player's answers at a real terminal, or
     *               {@code null} to read {@link PlaySettings#answers()} line by line; the session closes it
     */
    PlaySession(PlaySettings settings, Terminal terminal, SessionRenderer renderer,
                Supplier<ClientTls> tlsFactory, ClientTimeouts timeouts, boolean verbose, LineEditor editor) {
        this(settings, terminal, renderer, tlsFactory, timeouts, verbose, editor, null);
    }

    /**
     * A seat in a room: the same play, opened by {@code room}'s message, with the room's messages
     * handed to it.
     *
     * @param editor as above
     * @param room   the seat, or {@code null} for solo play
     */
    public PlaySession(PlaySettings settings, Terminal terminal, SessionRenderer renderer,
                       Supplier<ClientTls> tlsFactory, ClientTimeouts timeouts, boolean verbose, LineEditor editor,
                       RoomSeat room) {
        this.room = room;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.tlsFactory = Objects.requireNonNull(tlsFactory, "tlsFactory");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.verbose = verbose;
        this.progress = new ProgressDeadline(timeouts, room != null);
        this.editor = editor;
    }

    /**
     * Plays the session.
     *
     * @return {@link ExitCodes#OK} once the SUMMARY arrived
     * @throws ClientFailure for everything that ends the run otherwise
     */
    public int run() {
        try {
            return connectAndPlay();
        } finally {
            if (editor != null) {
                // The terminal as it was, before the failure line (if any) is printed.
                editor.close();
            }
        }
    }

    private int connectAndPlay() {
        if (editor != null) {
            // From here on keys are read only when an answer is asked for; the rest is discarded.
            editor.start(events);
        } else if (settings.answers() != null) {
            LineReader.start(settings.answers(), events::put);
        }
        try (ClientConnector connector = new ClientConnector(timeouts)) {
            try {
                connection = connectTrusted(connector);
            } finally {
                // Handlers already made keep working without their context.
                closeTls();
            }
            try {
                if (verbose) {
                    renderer.notice("connected to " + address() + " (" + connection.describeTls() + ")");
                }
                connection.send(room != null ? room.opening()
                        : new Hello(Protocol.VERSION, settings.playerName(), settings.requestedRounds()));
                progress.expectReply("WELCOME", System.nanoTime());
                return play();
            } finally {
                connection.detach();
                connection.close();
            }
        }
    }

    private ClientConnection connectTrusted(ClientConnector connector) {
        boolean trustDecided = false;
        while (true) {
            closeTls();
            tls = tlsFactory.get();
            HandshakeOutcome outcome = HandshakeOutcome.await(connector.connect(tls, settings.host(), settings.port(),
                    settings.connectTimeout(), events), settings.connectTimeout());
            if (outcome.succeeded()) {
                return outcome.connection();
            }
            Optional<UnknownServerKeyException> unknown = outcome.unknownServerKey(settings.host(), settings.port());
            if (unknown.isEmpty() || settings.knownHosts() == null || trustDecided) {
                throw Failures.tlsFailed(outcome.cause(), settings.host(), settings.port());
            }
            if (!terminal.interactive()) {
                throw Failures.unknownServerRefused(unknown.get(), settings.knownHosts(), false);
            }
            if (!new TrustPrompt(terminal, this::readTrustReply).ask(unknown.get(), settings.knownHosts())) {
                throw Failures.unknownServerRefused(unknown.get(), settings.knownHosts(), true);
            }
            trustDecided = true;
        }
    }

    private void closeTls() {
        if (tls != null) {
            tls.close();
            tls = null;
        }
    }

    /** The player's reply to the trust question, or empty at end of input. */
    private Optional<String> readTrustReply() {
        if (editor != null) {
            return editor.readCooked(() -> TrustPrompt.readLine(terminal.in()));
        }
        if (!settings.answersFromTerminal()) {
            return TrustPrompt.readLine(terminal.in());
        }
        // The terminal's reader thread is already running: its next line is the reply.
        while (true) {
            ClientEvent event = take();
            if (event instanceof ClientEvent.LineRead line) {
                return Optional.of(line.line());
            }
            if (event instanceof ClientEvent.InputEnded ended) {
                // Keep the end of input for the session loop, which must end politely too.
                inputEnded = true;
                return Optional.empty();
            }
        }
    }

    private int play() {
        while (true) {
            ClientEvent event = takeBefore(progress);
            if (event instanceof ClientEvent.MessageReceived received) {
                if (onMessage(received.message())) {
                    return ExitCodes.OK;
                }
            } else if (event instanceof ClientEvent.LineRead line) {
                if (lineIsCurrent()) {
                    onLine(line.line());
                }
            } else if (event instanceof ClientEvent.InputEnded) {
                lineAsked = false;
                inputEnded = true;
                offerAnswers();
            } else if (event instanceof ClientEvent.Interrupted) {
                // Ctrl-C: end politely, as 'quit' does; a second one exits at once (see the editor).
                freeTerminal();
                if (!byeSent) {
                    renderer.notice("ending the session (Ctrl-C again leaves at once)");
                }
                sendBye();
            } else if (event instanceof ClientEvent.ConnectionFailed failed) {
                freeTerminal();
                throw Failures.sessionFailed(failed.cause(), settings.host(), settings.port(), when());
            } else if (event instanceof ClientEvent.ServerSilent silent) {
                freeTerminal();
                throw Failures.serverSilent(silent.silentMillis(), when());
            } else if (event instanceof ClientEvent.ConnectionClosed) {
                freeTerminal();
                if (room != null) {
                    room.closedByServer().ifPresent(failure -> {
                        throw failure;
                    });
                }
                throw Failures.closedEarly(when());
            }
            requireOutputOpen();
        }
    }

    /**
     * Ends the session once its output cannot be written (the program reading stdout has gone): the
     * PrintStream swallows the broken pipe, and going on would only read the server to print nothing.
     */
    private void requireOutputOpen() {
        if (terminal.out().checkError()) {
            throw Failures.outputClosed();
        }
    }

    /** Acts on one server message; returns whether it ended the session (the SUMMARY arrived). */
    private boolean onMessage(QuizMessage message) {
        return switch (message.type()) {
            case WELCOME -> {
                welcome = (Welcome) message;
                tally.started(System.nanoTime());
                if (editor != null) {
                    editor.sessionStarted();
                }
                progress.expectReply("first problem", System.nanoTime());
                // The server asks for a certificate only when it names players after them, and refuses
                // the handshake when it does not accept ours: a WELCOME after we sent one is in its name.
                if (room != null) {
                    // The room's line (after ROOM) says who and where the player is.
                    room.onMessage(welcome, false);
                } else {
                    renderer.welcome(welcome, connection.presentedCertificate());
                }
                yield false;
            }
            case PROBLEM -> {
                openProblem = (Problem) message;
                progress.expectVerdict(openProblem, System.nanoTime());
                sentAnswer = null;
                autoSkipped = false;
                lastRound = openProblem.round();
                long now = System.nanoTime();
                tally.problemShown(now);
                problemDeadlineNanos = now + openProblem.timeLimitMillis() * 1_000_000;
                if (!byeSent) {
                    freeTerminal();
                    renderer.problem(openProblem);
                    if (editor != null && settings.mode() == AnswerMode.INTERACTIVE) {
                        askLine(PromptText.problemLine(openProblem), true);
                    }
                    offerAnswers();
                }
                yield false;
            }
            case VERDICT -> {
                Verdict verdict = (Verdict) message;
                progress.expectReply("next problem or summary", System.nanoTime());
                boolean ours = openProblem != null && openProblem.problemId() == verdict.problemId();
                tally.judged(verdict, ours);
                // A TIMEOUT while the player types ends their line unsent.
                freeTerminal();
                renderer.verdict(verdict, ours ? openProblem : null, ours ? sentAnswer : null);
                if (ours) {
                    openProblem = null;
                    sentAnswer = null;
                }
                yield false;
            }
            case SUMMARY -> {
                freeTerminal();
                if (room != null) {
                    room.summary(tally.complete((Summary) message));
                } else {
                    renderer.summary(tally.complete((Summary) message));
                }
                yield true;
            }
            case ERROR -> {
                ErrorMessage error = (ErrorMessage) message;
                freeTerminal();
                if (welcome != null && error.errorCode().orElse(null) == ErrorCode.SERVER_SHUTTING_DOWN) {
                    // No SUMMARY will come: show what we counted before saying why the session ended.
                    renderer.summary(tally.partial(System.nanoTime()));
                }
                throw room != null ? room.serverError(error) : Failures.serverError(error);
            }
            case ROOM, LOBBY, PROGRESS, STANDINGS, NOTICE, ROOM_CLOSED -> {
                if (room != null) {
                    // Lobby and progress lines wait while the player types; anything else is worth the redraw.
                    boolean answering = editor != null && lineAsked && openProblem != null && sentAnswer == null;
                    boolean waits = message.type() == MessageType.LOBBY || message.type() == MessageType.PROGRESS;
                    boolean interrupts = answering && !waits;
                    if (!(answering && waits)) {
                        freeTerminal();
                    }
                    room.onMessage(message, answering && waits);
                    if (interrupts) {
                        // The line the player was typing was ended for this one: ask for the answer again.
                        askAgain();
                    }
                }
                // Solo play: a room message is not for us; like a PONG it changes nothing.
                yield false;
            }
            // The handler answers PINGs and swallows PONGs; the decoder refuses client-only types.
            case PING, PONG, HELLO, ANSWER, BYE, HOST, BANK_PART, JOIN, HOST_COMMAND -> false;
        };
    }

    private void onLine(String line) {
        if (settings.mode() == AnswerMode.INTERACTIVE) {
            renderer.lineTyped();
            if (isQuit(line)) {
                sendBye();
                return;
            }
            if (isHelp(line)) {
                renderer.help();
                askAgain();
                return;
            }
        }
        pendingLines.add(line);
        offerAnswers();
    }

    /** Answers the open problem from what is available, or ends the session when nothing will be. */
    private void offerAnswers() {
        if (byeSent) {
            return;
        }
        if (settings.mode() == AnswerMode.AUTO) {
            if (openProblem != null && sentAnswer == null && !autoSkipped) {
                Optional<String> solution = AutoAnswer.solve(openProblem);
                if (solution.isPresent()) {
                    sendAnswer(solution.get(), false);
                } else {
                    // Nothing rather than nonsense: the problem times out and the session goes on,
                    // which suits a bank that mixes arithmetic with other questions.
                    autoSkipped = true;
                    renderer.cannotAnswer(openProblem, AutoAnswer.whyNot(openProblem));
                }
            }
            return;
        }
        while (openProblem != null && sentAnswer == null && !pendingLines.isEmpty()) {
            String line = pendingLines.poll();
            if (settings.mode() == AnswerMode.SCRIPTED) {
                scriptLine++;
                // Sent as written all the same: the server judges a malformed answer wrong, and the
                // script goes on with the next problem rather than stopping on one line.
                AnswerCheck.problem(openProblem, line).ifPresent(reason -> renderer.notice(
                        "answers line " + scriptLine + ": " + reason + " (sent as written; the server judges it)"));
                sendAnswer(line, false);
            } else {
                String reason = invalidReason(openProblem, line);
                if (reason != null) {
                    renderer.reprompt(openProblem, reason);
                    askAgain();
                } else {
                    sendAnswer(literal(line.strip()), true);
                }
            }
        }
        if (inputEnded && pendingLines.isEmpty()) {
            // Interactive: end of input means the player left. Scripted: the answers ran out.
            boolean waitingForAnswer = openProblem != null && sentAnswer == null;
            if (settings.mode() == AnswerMode.INTERACTIVE || waitingForAnswer) {
                sendBye();
            }
        }
    }

    /** Why an interactive line is not an answer to send, or {@code null} when it is one. */
    static String invalidReason(Problem problem, String line) {
        return AnswerCheck.problem(problem, literal(line.strip())).map(reason -> reason + OR_QUIT).orElse(null);
    }

    /**
     * The answer a person meant: {@code \quit} (a command word after a backslash) is the word itself,
     * for a text question whose answer is "quit" or "help"; anything else is as typed.
     */
    static String literal(String answer) {
        if (answer.startsWith(LITERAL)) {
            String word = answer.substring(LITERAL.length());
            if (isQuit(word) || isHelp(word)) {
                return word;
            }
        }
        return answer;
    }

    private static boolean isQuit(String line) {
        String word = line.strip().toLowerCase(Locale.ROOT);
        return word.equals("quit") || word.equals("exit") || word.equals("q");
    }

    private static boolean isHelp(String line) {
        String word = line.strip().toLowerCase(Locale.ROOT);
        return word.equals("help") || word.equals("?");
    }

    /** After input that was not an answer: the editor reads on under a short prompt, keeping keys typed since. */
    private void askAgain() {
        if (editor != null && openProblem != null && sentAnswer == null && !byeSent) {
            askLine(PromptText.SHORT.strip() + " ", false);
        }
    }

    private void askLine(String prompt, boolean newProblem) {
        editor.ask(prompt, problemDeadlineNanos, newProblem);
        lineAsked = true;
    }

    /** Whether a line from the input is one to act on: the editor delivers late lines of closed problems. */
    private boolean lineIsCurrent() {
        if (editor == null) {
            return true;
        }
        if (staleLines > 0) {
            staleLines--;
            return false;
        }
        lineAsked = false;
        return true;
    }

    /** Ends the line the editor is reading, if any, so that the terminal is ours to print on. */
    private void freeTerminal() {
        if (editor != null && lineAsked) {
            if (editor.cancel()) {
                staleLines++;
            }
            lineAsked = false;
        }
    }

    private void sendAnswer(String answer, boolean typed) {
        sentAnswer = answer;
        tally.answerSent(System.nanoTime());
        connection.send(new Answer(openProblem.problemId(), answer));
        progress.expectReplySooner("verdict on problem " + openProblem.round() + "/" + openProblem.rounds(),
                System.nanoTime());
        renderer.answerSent(openProblem, answer, typed);
        if (room != null) {
            room.answerSent(openProblem);
        }
    }

    private void sendBye() {
        if (!byeSent) {
            byeSent = true;
            connection.send(new Bye());
            progress.expectReplySooner("summary", System.nanoTime());
        }
    }

    /** Where in the session we are, for messages about an abnormal end. */
    private String when() {
        if (welcome == null) {
            return "before the session started";
        }
        if (byeSent) {
            return "after we said BYE, before the summary";
        }
        if (lastRound == 0) {
            return "before the first problem";
        }
        return "during round " + lastRound + "/" + welcome.rounds();
    }

    private String address() {
        return Failures.address(settings.host(), settings.port());
    }

    private ClientEvent take() {
        try {
            return events.take();
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    /** The next event, or the failure that ends the session when the server misses {@code deadline}. */
    private ClientEvent takeBefore(ProgressDeadline deadline) {
        try {
            ClientEvent event = events.poll(deadline.remainingNanos(System.nanoTime()));
            if (event == null) {
                throw deadline.missed(when());
            }
            return event;
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private static ClientFailure interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new ClientFailure(ExitCodes.INTERNAL_ERROR, "INTERRUPTED", "interrupted while waiting for the server", e);
    }
}
