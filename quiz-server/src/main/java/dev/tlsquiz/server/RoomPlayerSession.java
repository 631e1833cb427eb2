package dev.tlsquiz.server;

import dev.tlsquiz.codec.Answer;
import dev.tlsquiz.codec.ErrorCode;
import dev.tlsquiz.codec.ErrorMessage;
import dev.tlsquiz.codec.HostCommand;
import dev.tlsquiz.codec.Join;
import dev.tlsquiz.server.room.RoomCodes;
import dev.tlsquiz.server.rooms.LiveRoom;
import dev.tlsquiz.server.services.PlayerRecord;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * A player's connection to a room: JOIN (a first join or a rejoin), then ANSWERs and perhaps BYE,
 * each handed to the room's loop. The room answers everything else.
 *
 * <pre>
 * (router: JOIN) --room found--> IN_ROOM (the room seats the player or refuses with ERROR) --BYE / close--> gone
 *        |
 *        +-- unknown code, bad name, too many failed joins: ERROR + close
 * </pre>
 */
final class RoomPlayerSession extends RoomSession {

    RoomPlayerSession(SessionEnvironment env) {
        super(env);
    }

    @Override
    Optional<ErrorMessage> onJoin(Join join) {
        if (room != null) {
            return super.onJoin(join);
        }
        Optional<ErrorMessage> refused = admissible(join.version(), "JOIN");
        if (refused.isPresent()) {
            return refused;
        }
        InetAddress address = inetAddress();
        if (address != null && !rooms.attempts().allowed(address, now())) {
            return violation(ErrorCode.RATE_LIMITED, "too many failed room joins from your address; wait a minute"
                    + " and check the code with the host");
        }
        PlayerIdentity player;
        try {
            player = PlayerIdentity.admit(env.clientAuth(), clientCertificate(), join.playerName());
        } catch (IllegalArgumentException e) {
            return violation(ErrorCode.INVALID_FIELD, e.getMessage());
        }
        Optional<LiveRoom> found = RoomCodes.canonical(join.code()).flatMap(code -> rooms.registry().find(code));
        if (found.isEmpty()) {
            failed(address);
            return violation(ErrorCode.ROOM_NOT_FOUND, "no open room has the code you gave; check it with the host"
                    + " (codes look like K7Q-2MF)");
        }
        LiveRoom joined = found.get();
        sessionId = env.sessionIds().next();
        String fingerprint = player.verified() ? clientCertificate().map(PlayerRecord::fingerprintOf).orElse(null) : null;
        room = joined;
        joined.execute(() -> joined.join(this, player.name(), player.verified(), join.seatToken(), fingerprint,
                error -> {
                    if (error.errorCode().filter(code -> code == ErrorCode.NAME_TAKEN).isPresent()) {
                        failed(address);
                    }
                    finish(List.of(error));
                }));
        return Optional.empty();
    }

    @Override
    Optional<ErrorMessage> onAnswer(Answer answer) {
        LiveRoom current = room;
        current.execute(() -> current.answer(this, answer.problemId(), answer.text()));
        return Optional.empty();
    }

    @Override
    Optional<ErrorMessage> onCommand(HostCommand command) {
        return violation(ErrorCode.UNEXPECTED_MESSAGE,
                "HOST_COMMAND comes from the room's host; a player's connection cannot steer the room");
    }

    @Override
    Optional<ErrorMessage> onBye() {
        LiveRoom current = room;
        current.execute(() -> current.bye(this));
        return Optional.empty();
    }

    @Override
    void gone(LiveRoom current) {
        current.execute(() -> current.left(this));
    }

    private void failed(InetAddress address) {
        if (address != null) {
            rooms.attempts().failed(address, now());
        }
    }
}
