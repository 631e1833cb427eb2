package dev.tlsquiz.server.results.store;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;
import java.util.function.IntUnaryOperator;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Rows for one table in PostgreSQL's binary {@code COPY} format, sent by {@link #copy}. Every value is
 * length-prefixed, so nothing a player typed is parsed by the server: no quoting, no escaping, no
 * array syntax. Text passes through {@link StoredText} here, so no caller can forget it.
 *
 * <p>The format (PostgreSQL's documentation, "COPY", binary format): a signature and two 32-bit
 * words, then per row a 16-bit field count and per field a 32-bit length (-1 for NULL) and the
 * value as the type's binary "send" function writes it (big-endian integers, UTF-8 text, arrays
 * with a header of dimensions, flags and element type), and a 16-bit -1 at the end.
 */
final class BinaryCopyRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final int INT4_OID = 23;
    private static final int INT8_OID = 20;
    private static final int TEXT_OID = 25;
    /** Where an array's has-null flag is, from its start: after its length and its dimension count. */
    private static final int HAS_NULL_OFFSET = 8;

    private final String copyStatement;
    private final int fields;
    private byte[] bytes = new byte[4096];
    private int length;
    private int rows;

    /**
     * @param table   the table the rows go into
     * @param columns its columns, in the order each row gives their values
     */
    BinaryCopyRows(String table, String... columns) {
        this.copyStatement = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT binary)";
        this.fields = columns.length;
        writeBytes(SIGNATURE);
        writeInt(0); // flags: no OIDs
        writeInt(0); // no header extension
    }

    /** Starts a row; exactly as many values as the table has columns must follow. */
    BinaryCopyRows row() {
        rows++;
        writeShort(fields);
        return this;
    }

    BinaryCopyRows int4(int value) {
        writeInt(4);
        writeInt(value);
        return this;
    }

    BinaryCopyRows int8(long value) {
        writeInt(8);
        writeLong(value);
        return this;
    }

    BinaryCopyRows bool(boolean value) {
        writeInt(1);
        writeByte(value ? 1 : 0);
        return this;
    }

    /** Text, or NULL when {@code value} is null. */
    BinaryCopyRows text(String value) {
        if (value == null) {
            writeInt(-1);
            return this;
        }
        byte[] utf8 = StoredText.of(value).getBytes(StandardCharsets.UTF_8);
        writeInt(utf8.length);
        writeBytes(utf8);
        return this;
    }

    /** An {@code integer[]} of {@code count} elements. */
    BinaryCopyRows int4Array(int count, IntUnaryOperator element) {
        int start = arrayHeader(count, INT4_OID);
        for (int i = 0; i < count; i++) {
            int4(element.applyAsInt(i));
        }
        return arrayEnd(start);
    }

    /** A {@code bigint[]} of {@code count} elements. */
    BinaryCopyRows int8Array(int count, IntToLongFunction element) {
        int start = arrayHeader(count, INT8_OID);
        for (int i = 0; i < count; i++) {
            int8(element.applyAsLong(i));
        }
        return arrayEnd(start);
    }

    /** A {@code text[]} of {@code count} elements, a null element stored as NULL. */
    BinaryCopyRows textArray(int count, IntFunction<String> element) {
        int start = arrayHeader(count, TEXT_OID);
        for (int i = 0; i < count; i++) {
            String text = element.apply(i);
            if (text == null) {
                putInt(start + HAS_NULL_OFFSET, 1);
            }
            text(text);
        }
        return arrayEnd(start);
    }

    /**
     * Writes the array's header after a length to be filled in by {@link #arrayEnd}, its has-null flag
     * clear; returns where it starts.
     */
    private int arrayHeader(int count, int elementOid) {
        int start = length;
        writeInt(0);
        // An empty array has no dimensions, as PostgreSQL writes it; any other is one-dimensional from 1.
        writeInt(count == 0 ? 0 : 1);
        writeInt(0);
        writeInt(elementOid);
        if (count > 0) {
            writeInt(count);
            writeInt(1);
        }
        return start;
    }

    private BinaryCopyRows arrayEnd(int start) {
        int size = length - start - 4;
        putInt(start, size);
        return this;
    }

    /** Sends the rows (nothing when there are none): one round trip, in the caller's transaction. */
    void copy(CopyManager copy) throws SQLException {
        if (rows == 0) {
            return;
        }
        writeShort(-1);
        CopyIn in = copy.copyIn(copyStatement);
        try {
            in.writeToCopy(bytes, 0, length);
            in.endCopy();
        } catch (SQLException | RuntimeException e) {
            // Leaves the connection usable for the rollback; the first failure is the one to report.
            if (in.isActive()) {
                try {
                    in.cancelCopy();
                } catch (SQLException cancel) {
                    e.addSuppressed(cancel);
                }
            }
            throw e;
        }
    }

    private void writeShort(int value) {
        ensure(2);
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
    }

    private void writeInt(int value) {
        ensure(4);
        putInt(length, value);
        length += 4;
    }

    private void putInt(int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }

    private void writeLong(long value) {
        writeInt((int) (value >>> 32));
        writeInt((int) value);
    }

    private void writeByte(int value) {
        ensure(1);
        bytes[length++] = (byte) value;
    }

    private void writeBytes(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, length, value.length);
        length += value.length;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
