package dev.tlsquiz.server.cli;

import dev.tlsquiz.text.TerminalText;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Checks {@code --bind}: an IP address, or a host name that resolves now. Checked while the options are
 * read, so that a typo is a usage error (exit status 2) naming {@code --bind}, before anything is
 * created for it (the development certificate names the bind address).
 *
 * <p>Why not leave it to {@link InetAddress#getByName}: that takes {@code 127.0.0.300}, which is not an
 * address, for a host name and asks DNS about it. Anything made of digits and dots is read here as an
 * IPv4 address, four parts of 0..255 (the short forms such as {@code 127.1} are refused: they surprise
 * more than they help); anything with a colon is an IPv6 address, which the JDK parses without DNS.
 */
public final class BindAddressConverter implements ITypeConverter<String> {

    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");
    private static final String EXPECTED = "(expected: an IP address of this machine such as 127.0.0.1, 0.0.0.0"
            + " or ::, or a host name that resolves to one)";

    @Override
    public String convert(String value) {
        String shown = "'" + TerminalText.sanitize(value) + "'";
        if (value.isBlank()) {
            throw new TypeConversionException(shown + " " + EXPECTED);
        }
        if (DIGITS_AND_DOTS.matcher(value).matches()) {
            if (!isIpv4(value)) {
                throw new TypeConversionException(shown + " is not an IPv4 address (expected: four numbers of"
                        + " 0..255 separated by dots, such as 127.0.0.1)");
            }
            return value;
        }
        if (value.startsWith("[")) {
            // The certificate and the listening line name the address as given: [::1] would be neither.
            throw new TypeConversionException(shown + " (expected: an IPv6 address without brackets, such as ::1)");
        }
        try {
            InetAddress.getByName(value);
            return value;
        } catch (UnknownHostException e) {
            String what = value.contains(":") ? " is not an IPv6 address " : ": no such host ";
            throw new TypeConversionException(shown + what + EXPECTED);
        }
    }

    private static boolean isIpv4(String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            // At most 3 digits: bounds the number, and 0255 is not an address anybody means.
            if (part.isEmpty() || part.length() > 3 || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
