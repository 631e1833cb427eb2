package dev.tlsquiz.server.rooms;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What room sessions share: the rooms' context, who may host, the join-attempt limit, where a
 * room's questions come from, and the bounded executor that parses banks hosts send.
 *
 * @param context   what every room shares with the server (its registry among them)
 * @param hostGate  who may open a room
 * @param attempts  failed joins per address and minute
 * @param questions builds a room's questions from HOST
 * @param bankWork  bounded: parses a host's bank off the event loops; refuses work when full
 */
public record RoomServices(RoomContext context, HostGate hostGate, JoinAttempts attempts, RoomQuestions questions,
                           Executor bankWork) {
    public RoomServices {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(hostGate, "hostGate");
        Objects.requireNonNull(attempts, "attempts");
        Objects.requireNonNull(questions, "questions");
        Objects.requireNonNull(bankWork, "bankWork");
    }

    /** The open rooms. */
    public RoomRegistry registry() {
        return context.registry();
    }
}
