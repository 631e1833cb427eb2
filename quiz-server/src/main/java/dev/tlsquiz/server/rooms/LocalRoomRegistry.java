package dev.tlsquiz.server.rooms;

import dev.tlsquiz.server.room.RoomCodes;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** One server's rooms, in memory, with at most {@code maxRooms} open at once ({@code --max-rooms}). */
public final class LocalRoomRegistry implements RoomRegistry {

    private final int maxRooms;
    private final RoomCodes codes;
    private final ConcurrentHashMap<String, LiveRoom> rooms = new ConcurrentHashMap<>();
    /** Open and opening rooms: reserved before a code is drawn, so two hosts never pass the limit together. */
    private final AtomicInteger count = new AtomicInteger();

    public LocalRoomRegistry(int maxRooms, RoomCodes codes) {
        this.maxRooms = maxRooms;
        this.codes = codes;
    }

    @Override
    public Optional<LiveRoom> open(Function<String, LiveRoom> factory) {
        if (count.incrementAndGet() > maxRooms) {
            count.decrementAndGet();
            return Optional.empty();
        }
        while (true) {
            String code = codes.next();
            LiveRoom[] opened = new LiveRoom[1];
            rooms.computeIfAbsent(code, key -> opened[0] = factory.apply(key));
            if (opened[0] != null) {
                return Optional.of(opened[0]);
            }
            // Taken (one chance in hundreds of thousands): draw again.
        }
    }

    @Override
    public Optional<LiveRoom> find(String code) {
        return Optional.ofNullable(rooms.get(code));
    }

    @Override
    public void closed(LiveRoom room) {
        if (rooms.remove(room.code(), room)) {
            count.decrementAndGet();
        }
    }

    @Override
    public int size() {
        return rooms.size();
    }
}
