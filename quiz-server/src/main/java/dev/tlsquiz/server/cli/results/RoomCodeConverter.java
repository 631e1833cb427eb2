package dev.tlsquiz.server.cli.results;

import dev.tlsquiz.server.room.RoomCodes;
import picocli.CommandLine.ITypeConverter;

/**
 * {@code --room CODE} as the store keeps room codes ({@code K7Q-2MF}) however it was typed: any case,
 * with or without the dash. Text that cannot be a code is kept as typed (it then matches no game).
 */
final class RoomCodeConverter implements ITypeConverter<String> {

    @Override
    public String convert(String typed) {
        return RoomCodes.canonical(typed).map(RoomCodes::display).orElse(typed);
    }
}
