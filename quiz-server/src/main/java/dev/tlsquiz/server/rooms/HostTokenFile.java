package dev.tlsquiz.server.rooms;

import dev.tlsquiz.server.room.Secrets;
import dev.tlsquiz.tls.pki.SecureFiles;
import dev.tlsquiz.tls.pki.WriteMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The server's host token under {@code --room-hosts token}: 256 random bits, base64url, in the file
 * {@code host-token} of the certs folder, mode 0600. Created on the first start and reused on every
 * later one, like a key: it never changes unless its owner deletes the file. A file that group or
 * others may read is refused, as a private key would be.
 */
public final class HostTokenFile {

    /** The file's name in the certs folder. */
    public static final String FILE_NAME = "host-token";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,256}");

    /**
     * The token, and whether this call created it.
     *
     * @param file    where it is
     * @param token   the secret: never log it
     * @param created true when the file did not exist and was written now
     */
    public record Loaded(Path file, String token, boolean created) {
        @Override
        public String toString() {
            // A record's default toString would print the secret.
            return "HostTokenFile.Loaded[file=" + file + ", created=" + created + "]";
        }
    }

    private HostTokenFile() {
    }

    /**
     * Reads the token in {@code certsDir}, creating it first when there is none.
     *
     * @throws dev.tlsquiz.tls.pki.InsecureKeyFileException when group or others may read the file
     * @throws IOException when it cannot be read or written, or holds no token
     */
    public static Loaded loadOrCreate(Path certsDir, SecureRandom random) throws IOException {
        Path file = certsDir.resolve(FILE_NAME);
        boolean created = false;
        if (!Files.exists(file)) {
            String token = Secrets.random(random, Secrets.HOST_TOKEN_BITS);
            try {
                SecureFiles.writeSecret(file, (token + "\n").getBytes(StandardCharsets.US_ASCII), WriteMode.CREATE_NEW);
                created = true;
            } catch (dev.tlsquiz.tls.pki.ExistingFileException e) {
                // Another server started at the same moment and wrote it: use theirs.
            }
        }
        return new Loaded(file, read(file), created);
    }

    /**
     * Reads a token file (the server's, or the client's {@code --token-file}).
     *
     * @throws dev.tlsquiz.tls.pki.InsecureKeyFileException when group or others may read the file
     * @throws IOException when it cannot be read, or holds no token
     */
    public static String read(Path file) throws IOException {
        SecureFiles.requireOwnerOnly(file);
        if (Files.size(file) > 1024) {
            throw new IOException(file + " is not a host token (larger than 1 KiB)");
        }
        String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (!TOKEN.matcher(token).matches()) {
            throw new IOException(file + " holds no host token (expected: one line of base64url);"
                    + " delete it and start the server again to make a new one");
        }
        return token;
    }
}
