package dev.tlsquiz.tls.pki;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemGenerationException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads and writes certificates, private keys and CRLs in PEM, the format openssl and most servers use.
 *
 * <p>Keys are written as PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}); read are PKCS#8 and the SEC1
 * ({@code EC PRIVATE KEY}) and PKCS#1 ({@code RSA PRIVATE KEY}) forms openssl produces. Encrypted keys
 * are refused with a message that says how to decrypt them. Every write goes through {@link SecureFiles}:
 * keys 0600, atomically, and an existing file is only replaced with {@link WriteMode#REPLACE}.
 *
 * <p>Every read failure is a {@link PemException} whose message names the file and what to do.
 */
public final class Pem {

    /** PEM files worth reading are tiny; this bounds what a wrong path (e.g. a log file) costs. */
    private static final long MAX_FILE_BYTES = 1024 * 1024;

    private Pem() {
    }

    /** Every certificate in {@code file}, in order (a chain or a bundle of trust anchors). */
    public static List<X509Certificate> readCertificates(Path file) throws PemException {
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (Object object : readObjects(file)) {
            if (object instanceof X509CertificateHolder holder) {
                try {
                    certificates.add(converter.getCertificate(holder));
                } catch (CertificateException e) {
                    throw new PemException(file, file + ": unreadable certificate (" + e.getMessage() + ")", e);
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new PemException(file, file + " holds no certificate (expected a PEM file with "
                    + "-----BEGIN CERTIFICATE-----)");
        }
        return List.copyOf(certificates);
    }

    /** The one certificate in {@code file}; the first when it holds a chain (the leaf, by convention). */
    public static X509Certificate readCertificate(Path file) throws PemException {
        return readCertificates(file).get(0);
    }

    /** The (first) private key in {@code file}: PKCS#8, SEC1 or PKCS#1, unencrypted. */
    public static PrivateKey readPrivateKey(Path file) throws PemException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        for (Object object : readObjects(file)) {
            try {
                if (object instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (object instanceof PEMKeyPair pair) {
                    // SEC1 / PKCS#1: the public key is optional in SEC1, so convert only the private half.
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
            } catch (IOException e) {
                throw new PemException(file, file + ": unreadable private key (" + e.getMessage() + ")", e);
            }
            if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                throw new PemException(file, file + " holds an encrypted private key; decrypt it with: "
                        + "openssl pkey -in " + file + " -out DECRYPTED.key");
            }
        }
        throw new PemException(file, file + " holds no private key (expected a PEM file with "
                + "-----BEGIN PRIVATE KEY-----)");
    }

    /** The (first) CRL in {@code file}. */
    public static X509CRL readCrl(Path file) throws PemException {
        for (Object object : readObjects(file)) {
            if (object instanceof X509CRLHolder holder) {
                try {
                    return new JcaX509CRLConverter().getCRL(holder);
                } catch (CRLException e) {
                    throw new PemException(file, file + ": unreadable CRL (" + e.getMessage() + ")", e);
                }
            }
        }
        throw new PemException(file, file + " holds no CRL (expected a PEM file with -----BEGIN X509 CRL-----)");
    }

    /** Writes {@code certificates} to a new file (mode 0644); refuses if it exists. */
    public static void writeCertificate(Path file, X509Certificate... certificates) throws IOException {
        writeCertificates(file, Arrays.asList(certificates), WriteMode.CREATE_NEW);
    }

    /** Writes {@code certificates} (mode 0644); replaces an existing file only with {@link WriteMode#REPLACE}. */
    public static void writeCertificates(Path file, List<X509Certificate> certificates, WriteMode mode)
            throws IOException {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no certificate to write to " + file);
        }
        SecureFiles.writePublic(file, encode(certificates.toArray()), mode);
    }

    /** Writes {@code key} as PKCS#8 to a new file with mode 0600; refuses if it exists. */
    public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        writePrivateKey(file, key, WriteMode.CREATE_NEW);
    }

    /** Writes {@code key} as PKCS#8 with mode 0600; replaces an existing file only with {@link WriteMode#REPLACE}. */
    public static void writePrivateKey(Path file, PrivateKey key, WriteMode mode) throws IOException {
        // JcaPKCS8Generator keeps PKCS#8 ("PRIVATE KEY"); a bare PrivateKeyInfo would be turned into SEC1.
        PemObject pem;
        try {
            pem = new JcaPKCS8Generator(key, null).generate();
        } catch (PemGenerationException e) {
            throw new IllegalArgumentException("cannot encode a " + key.getAlgorithm() + " private key as PKCS#8", e);
        }
        SecureFiles.writeSecret(file, encode(pem), mode);
    }

    /** Writes {@code crl} to a new file (mode 0644); refuses if it exists. */
    public static void writeCrl(Path file, X509CRL crl) throws IOException {
        writeCrl(file, crl, WriteMode.CREATE_NEW);
    }

    /** Writes {@code crl} (mode 0644); replaces an existing file only with {@link WriteMode#REPLACE}. */
    public static void writeCrl(Path file, X509CRL crl, WriteMode mode) throws IOException {
        SecureFiles.writePublic(file, encode(crl), mode);
    }

    /** The PEM text of {@code certificate}, e.g. for a log line an operator can paste into openssl. */
    public static String toPem(X509Certificate certificate) {
        return new String(encode(certificate), StandardCharsets.US_ASCII);
    }

    /** Parses certificates from PEM text (e.g. a resource); {@code source} names it in errors. */
    public static List<X509Certificate> parseCertificates(String pem, Path source) throws PemException {
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (Object object : parseObjects(new StringReader(pem), source)) {
            if (object instanceof X509CertificateHolder holder) {
                try {
                    certificates.add(converter.getCertificate(holder));
                } catch (CertificateException e) {
                    throw new PemException(source, source + ": unreadable certificate (" + e.getMessage() + ")", e);
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new PemException(source, source + " holds no certificate");
        }
        return List.copyOf(certificates);
    }

    private static byte[] encode(Object... objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            // Writing to a StringWriter does not fail; an encoding error of a valid object would be a bug.
            throw new UncheckedIOException("cannot encode " + objects.length + " object(s) as PEM", e);
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static List<Object> readObjects(Path file) throws PemException {
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new PemException(file, file + " is a folder, not a PEM file");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new PemException(file, file + " is " + size + " bytes, too large for a PEM file "
                        + "(expected: <= " + MAX_FILE_BYTES + ")");
            }
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new PemException(file, file + " not found; check the path", e);
        } catch (AccessDeniedException e) {
            throw new PemException(file, file + " cannot be read: permission denied", e);
        } catch (MalformedInputException e) {
            throw new PemException(file, file + " is not a PEM file (binary content; convert DER with "
                    + "openssl x509 -inform der -in FILE -out FILE.pem)", e);
        } catch (PemException e) {
            throw e;
        } catch (IOException e) {
            throw new PemException(file, file + " cannot be read: " + e.getMessage(), e);
        }
        return parseObjects(new StringReader(text), file);
    }

    private static List<Object> parseObjects(Reader reader, Path source) throws PemException {
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(reader)) {
            Object object;
            while ((object = parser.readObject()) != null) {
                objects.add(object);
            }
        } catch (IOException | RuntimeException e) {
            // BouncyCastle reports a damaged block as an IOException or an unchecked parsing exception.
            throw new PemException(source, source + " is not a valid PEM file (" + e.getMessage() + ")", e);
        }
        if (objects.isEmpty()) {
            throw new PemException(source, source + " holds no PEM block (expected -----BEGIN ...-----)");
        }
        return objects;
    }
}
