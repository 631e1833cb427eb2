package dev.tlsquiz.tls.pki;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The development PKI's folder does not allow what was asked: a file is missing, expired or from another
 * CA. The message states the fact and names the files; the {@link #problem} and its data let the
 * program that shows it say what to run next, in its own words.
 */
public final class DevPkiException extends PemException {

    /** What is wrong; {@link #file} is the file it is about. */
    public enum Problem {
        /** The CA ({@code ca.pem}, {@code ca.key}) is not there: no PKI to issue from yet. */
        NO_CA,
        /** A server starting on the folder misses one of its core files: an incomplete PKI. */
        CORE_FILE_MISSING,
        /** The CA certificate has expired; {@link #detail} is the day it ended. */
        CA_EXPIRED,
        /** {@code server.pem} was not issued by the CA in {@link #related}. */
        SERVER_NOT_FROM_CA,
        /** {@code server.key} is missing while {@code server.pem} ({@link #related}) is there. */
        SERVER_KEY_MISSING,
        /** {@code server.key} holds a key of type {@link #detail} that cannot be issued for again. */
        SERVER_KEY_NOT_REUSABLE,
        /** No client certificate {@code clients/NAME.pem} for player {@link #detail} to revoke. */
        CLIENT_NOT_FOUND
    }

    private final Problem problem;
    private final transient Path related;
    private final String detail;

    private DevPkiException(Problem problem, Path file, Path related, String detail, String message) {
        super(file, message);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.related = related;
        this.detail = detail;
    }

    static DevPkiException noCa(Path file) {
        return new DevPkiException(Problem.NO_CA, file, null, null, file + " not found");
    }

    static DevPkiException coreFileMissing(Path file) {
        return new DevPkiException(Problem.CORE_FILE_MISSING, file, null, null, file + " is missing");
    }

    static DevPkiException caExpired(Path caFile, String day) {
        return new DevPkiException(Problem.CA_EXPIRED, caFile, null, day, caFile + " expired " + day);
    }

    static DevPkiException serverNotFromCa(Path serverCert, Path caFile) {
        return new DevPkiException(Problem.SERVER_NOT_FROM_CA, serverCert, caFile, null,
                serverCert + " was not issued by " + caFile);
    }

    static DevPkiException serverKeyMissing(Path serverKey, Path serverCert) {
        return new DevPkiException(Problem.SERVER_KEY_MISSING, serverKey, serverCert, null, serverKey
                + " is missing, but " + serverCert + " is there: a new key would be refused by every client"
                + " that pinned the old one");
    }

    static DevPkiException serverKeyNotReusable(Path serverKey, String algorithm) {
        return new DevPkiException(Problem.SERVER_KEY_NOT_REUSABLE, serverKey, null, algorithm, serverKey
                + " holds a " + algorithm + " key, whose certificate cannot be issued again here");
    }

    static DevPkiException clientNotFound(Path certFile, String clientName) {
        return new DevPkiException(Problem.CLIENT_NOT_FOUND, certFile, null, clientName, certFile + " not found");
    }

    /** What is wrong. */
    public Problem problem() {
        return problem;
    }

    /** A second file the problem is about (the CA, the certificate beside a missing key), if any. */
    public Optional<Path> related() {
        return Optional.ofNullable(related);
    }

    /** The problem's datum: a day, a key algorithm, a player's name; see {@link Problem}. */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }
}
