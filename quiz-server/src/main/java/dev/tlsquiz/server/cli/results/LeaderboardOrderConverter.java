package dev.tlsquiz.server.cli.results;

import dev.tlsquiz.cli.EnumOption;
import dev.tlsquiz.server.results.query.LeaderboardOrder;

/** Reads and lists {@code results top --by}: {@code score} or {@code accuracy}. */
public final class LeaderboardOrderConverter extends EnumOption<LeaderboardOrder> {

    public LeaderboardOrderConverter() {
        super(LeaderboardOrder.class);
    }
}
