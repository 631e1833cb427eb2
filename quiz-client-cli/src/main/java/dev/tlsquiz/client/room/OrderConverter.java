package dev.tlsquiz.client.room;

import dev.tlsquiz.cli.EnumOption;
import dev.tlsquiz.codec.RequestedOrder;

/** Reads and lists {@code quiz host --order}: {@code server-default}, {@code in-order} or {@code shuffled}. */
public final class OrderConverter extends EnumOption<RequestedOrder> {

    public OrderConverter() {
        super(RequestedOrder.class);
    }
}
