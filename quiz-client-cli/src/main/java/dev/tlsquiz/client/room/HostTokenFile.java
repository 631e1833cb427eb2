package dev.tlsquiz.client.room;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Reads the host token ({@code quiz host --token-file}), the secret the server printed beside its
 * certificates. A file that others can read is refused, as ssh refuses such a key: the token lets
 * anyone open rooms on the server. The token itself never appears in a message.
 */
public final class HostTokenFile {

    /** A host token is 43 characters (256 bits, base64url); anything far longer is not one. */
    static final int MAX_TOKEN_CHARS = 1024;

    private HostTokenFile() {
    }

    /**
     * The token in {@code file}.
     *
     * @throws IllegalArgumentException with a message for the user: no such file, readable by others,
     *                                  empty, or not a token
     */
    public static String read(Path file) {
        String shown = file.toString();
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                throw new IllegalArgumentException("--token-file: " + shown + " can be read by other users;"
                        + " the host token is a secret: run chmod 600 " + shown + " and try again");
            }
            if (Files.size(file) > MAX_TOKEN_CHARS) {
                throw new IllegalArgumentException("--token-file: " + shown + " is not a host token (longer than "
                        + MAX_TOKEN_CHARS + " bytes) — give the host-token file from the server's certs folder");
            }
            String token = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (token.isEmpty() || token.lines().count() > 1) {
                throw new IllegalArgumentException("--token-file: " + shown + " holds no host token (expected one"
                        + " line) — give the host-token file from the server's certs folder");
            }
            return token;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--token-file: no such file: " + shown);
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException("--token-file: cannot check who may read " + shown
                    + " on this file system; keep the token on a POSIX file system");
        } catch (IOException e) {
            throw new IllegalArgumentException("--token-file: cannot read " + shown + ": " + e.getMessage());
        }
    }
}
