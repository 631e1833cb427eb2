package dev.tlsquiz.client.room;

import dev.tlsquiz.client.ClientFailure;
import dev.tlsquiz.client.ExitCodes;
import dev.tlsquiz.client.Failures;
import dev.tlsquiz.client.net.ClientConnection;
import dev.tlsquiz.client.net.ClientConnector;
import dev.tlsquiz.client.net.ClientTimeouts;
import dev.tlsquiz.client.net.HandshakeOutcome;
import dev.tlsquiz.client.play.LineReader;
import dev.tlsquiz.client.render.RoomView;
import dev.tlsquiz.client.session.ClientEvent;
import dev.tlsquiz.client.session.EventQueue;
import dev.tlsquiz.codec.BankPart;
import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.HostCommand;
import dev.tlsquiz.codec.Lobby;
import dev.tlsquiz.codec.Notice;
import dev.tlsquiz.codec.Progress;
import dev.tlsquiz.codec.Protocol;
import dev.tlsquiz.codec.QuizMessage;
import dev.tlsquiz.codec.Room;
import dev.tlsquiz.codec.RoomCloseReason;
import dev.tlsquiz.codec.RoomClosed;
import dev.tlsquiz.codec.RoomState;
import dev.tlsquiz.codec.Standings;
import dev.tlsquiz.codec.Welcome;
import dev.tlsquiz.tls.ClientTls;
import dev.tlsquiz.tls.UnknownServerKeyException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One {@code quiz host} run on the calling thread: connect, open (or reclaim) the room, send the bank,
 * then show the room and pass the host's commands on until the room closes.
 *
 * <p>As in {@code quiz play}, the Netty handler and the input reader only put events into one queue,
 * and this loop alone acts on them; {@code --start-after} is the loop's own deadline.
 */
final class HostSession {

    private final HostSettings settings;
    private final InputStream commands;
    private final RoomView view;
    private final Supplier<ClientTls> tlsFactory;
    private final ClientTimeouts timeouts;
    private final EventQueue events = new EventQueue();

    private ClientConnection connection;
    private Welcome welcome;
    private Room room;
    private RoomState state = RoomState.LOBBY;
    private boolean startSent;
    private long startAtNanos;
    private RoomClosed closed;
    private Lobby lastLobby;
    /** Commands read before the room opened. */
    private final List<HostCommand> early = new ArrayList<>();

    HostSession(HostSettings settings, InputStream commands, RoomView view, Supplier<ClientTls> tlsFactory,
                ClientTimeouts timeouts) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.view = Objects.requireNonNull(view, "view");
        this.tlsFactory = Objects.requireNonNull(tlsFactory, "tlsFactory");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
    }

    /**
     * Hosts the room.
     *
     * @return {@link ExitCodes#OK} once the room closed at the game's end or the host's {@code end}
     * @throws ClientFailure for everything else that ends the run
     */
    int run() {
        try (ClientConnector connector = new ClientConnector(timeouts)) {
            connection = connect(connector);
            try {
                connection.send(settings.opening());
                settings.bankText().ifPresent(text -> BankUpload.pieces(text).forEach(this::sendPart));
                LineReader.start(commands, events::put);
                return loop();
            } finally {
                connection.detach();
                connection.close();
            }
        }
    }

    private void sendPart(BankPart part) {
        connection.send(part);
    }

    private ClientConnection connect(ClientConnector connector) {
        ClientTls tls = tlsFactory.get();
        try {
            HandshakeOutcome outcome = HandshakeOutcome.await(connector.connect(tls, settings.host(), settings.port(),
                    settings.connectTimeout(), events), settings.connectTimeout());
            if (outcome.succeeded()) {
                return outcome.connection();
            }
            Optional<UnknownServerKeyException> unknown = outcome.unknownServerKey(settings.host(), settings.port());
            if (unknown.isPresent() && settings.knownHosts() != null) {
                // A host opens a room for others: trust is decided beforehand (--pin, --cafile, or quiz play once).
                throw Failures.unknownServerRefused(unknown.get(), settings.knownHosts(), false);
            }
            throw Failures.tlsFailed(outcome.cause(), settings.host(), settings.port());
        } finally {
            tls.close();
        }
    }

    private int loop() {
        while (true) {
            ClientEvent event = next();
            if (event == null) {
                // --start-after: the time has come.
                startAtNanos = 0;
                if (state == RoomState.LOBBY && !startSent) {
                    view.note("--start-after: starting the game");
                    send(HostCommand.of(HostCommand.Action.START));
                }
                continue;
            }
            if (event instanceof ClientEvent.MessageReceived received) {
                onMessage(received.message());
            } else if (event instanceof ClientEvent.LineRead line) {
                onLine(line.line());
            } else if (event instanceof ClientEvent.ConnectionClosed) {
                return closedExit();
            } else if (event instanceof ClientEvent.ConnectionFailed failed) {
                if (closed != null) {
                    return closedExit();
                }
                throw Failures.sessionFailed(failed.cause(), settings.host(), settings.port(), when());
            } else if (event instanceof ClientEvent.ServerSilent silent) {
                throw Failures.serverSilent(silent.silentMillis(), when());
            }
            // InputEnded: the game goes on (a script may give its commands and close stdin); Interrupted
            // only comes from a line editor, which the host does not use.
        }
    }

    /** The next event, or {@code null} when {@code --start-after} is due first. */
    private ClientEvent next() {
        try {
            if (startAtNanos == 0) {
                return events.take();
            }
            return events.poll(startAtNanos - System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientFailure(ExitCodes.INTERNAL_ERROR, "INTERRUPTED", "interrupted while hosting", e);
        }
    }

    private void onMessage(QuizMessage message) {
        switch (message.type()) {
            case WELCOME -> welcome = (Welcome) message;
            case ROOM -> onRoom((Room) message);
            case LOBBY -> {
                Lobby lobby = (Lobby) message;
                state = lobby.state();
                if (!lobby.equals(lastLobby)) {
                    view.lobby(lobby, false);
                }
                lastLobby = lobby;
                startWhenEnough(lobby.players());
            }
            case PROGRESS -> view.progress((Progress) message, false);
            case STANDINGS -> {
                Standings standings = (Standings) message;
                if (state == RoomState.LOBBY) {
                    state = standings.finalStandings() ? RoomState.FINISHED : RoomState.PLAYING;
                }
                view.standings(standings, null);
            }
            case NOTICE -> view.notice((Notice) message);
            case ROOM_CLOSED -> {
                closed = (RoomClosed) message;
                state = RoomState.FINISHED;
                view.closed(closed);
            }
            case PROBLEM -> state = RoomState.PLAYING;
            case ERROR -> throw refusal((ErrorMessage) message);
            // The handler answers PINGs; a host gets no VERDICT or SUMMARY, and ignores them if sent.
            default -> {
            }
        }
    }

    private void onRoom(Room opened) {
        room = opened;
        state = opened.state();
        Welcome shown = welcome != null ? welcome
                : new Welcome(Protocol.VERSION, 0, 0, 0, settings.opening().hostName(), "");
        view.opened(opened, shown, joinCommand(opened.code()));
        settings.startAfter().ifPresent(delay -> {
            // From the room's opening, not the process's start: a slow bank upload does not eat the time.
            startAtNanos = System.nanoTime() + Math.max(1, delay.toNanos());
        });
        startWhenEnough(opened.players());
        early.forEach(this::send);
        early.clear();
    }

    private void startWhenEnough(long players) {
        if (settings.startWhen().isPresent() && !startSent && state == RoomState.LOBBY
                && players >= settings.startWhen().getAsInt()) {
            view.note("--start-when: " + players + " players are in; starting the game");
            send(HostCommand.of(HostCommand.Action.START));
        }
    }

    /** {@code scripts/quiz join K7Q-2MF --host ... --pin SHA256:...}: what players type, trust included. */
    private String joinCommand(String code) {
        List<String> words = new ArrayList<>(List.of("scripts/quiz", "join", RoomCode.parse(code).orElse(code)));
        words.addAll(settings.serverOptions(Protocol.DEFAULT_PORT));
        // The key this connection verified: a player on another machine trusts exactly this server with it.
        connection.serverKeyPin().ifPresent(pin -> {
            words.add("--pin");
            words.add(pin);
        });
        if (connection.presentedCertificate()) {
            words.addAll(List.of("--cert", "YOUR-CERT.pem", "--key", "YOUR-KEY.pem"));
        }
        return String.join(" ", words);
    }

    private void onLine(String line) {
        HostInput input = HostInput.parse(line);
        if (input instanceof HostInput.Send send) {
            if (room == null) {
                // A script's commands may come before the room is open: they go out, in order, once it is.
                early.add(send.command());
                return;
            }
            send(withKickTarget(send.command()));
        } else if (input instanceof HostInput.Help) {
            view.help(HostInput.HELP);
        } else if (input instanceof HostInput.Invalid invalid) {
            view.note(invalid.reason());
        }
    }

    /** A kick for the name the host typed as the lobby shows it goes to the player's own name. */
    private HostCommand withKickTarget(HostCommand command) {
        if (command.action() != HostCommand.Action.KICK || lastLobby == null) {
            return command;
        }
        return new HostCommand(command.action(), KickTarget.resolve(command.argument(), lastLobby.names()));
    }

    private void send(HostCommand command) {
        if (closed != null) {
            return;
        }
        if (command.action() == HostCommand.Action.START) {
            startSent = true;
        }
        connection.send(command);
    }

    private ClientFailure refusal(ErrorMessage error) {
        ErrorCode code = error.errorCode().orElse(null);
        if (code == null) {
            return Failures.serverError(error);
        }
        String said = " (" + code.name() + ": " + error.message() + ")";
        return switch (code) {
            case HOST_REFUSED -> new ClientFailure(ExitCodes.ROOM_REFUSED, code.name(), error.code(),
                    "the server does not let you host" + said + " — give the server's host token with --token-file,"
                            + " or a host certificate with --cert and --key; ask its operator", null);
            case TOO_MANY_ROOMS -> new ClientFailure(ExitCodes.ROOM_REFUSED, code.name(), error.code(),
                    "the server has as many rooms open as it allows" + said + " — try again later", null);
            case ROOM_NOT_FOUND -> new ClientFailure(ExitCodes.ROOM_NOT_FOUND, code.name(), error.code(),
                    "no open room has the code " + settings.opening().code() + said
                            + " — its game may be over; open a new room", null);
            case INVALID_FIELD -> new ClientFailure(ExitCodes.PROTOCOL_ERROR, code.name(), error.code(),
                    "the server refused the room" + said + " — fix what it names and try again", null);
            default -> Failures.serverError(error);
        };
    }

    /** The exit once the connection closed: fine after the room closed at the game's end or the host's end. */
    private int closedExit() {
        if (closed == null) {
            throw Failures.closedEarly(when());
        }
        if (closed.reason() == RoomCloseReason.GAME_OVER || closed.reason() == RoomCloseReason.HOST_ENDED) {
            return ExitCodes.OK;
        }
        throw new ClientFailure(ExitCodes.PROTOCOL_ERROR, "ROOM_CLOSED", "the room closed: "
                + closed.reason().name().toLowerCase(java.util.Locale.ROOT) + " (" + closed.message() + ")", null);
    }

    private String when() {
        if (room == null) {
            return "before the room opened";
        }
        return "while hosting room " + room.code();
    }
}
