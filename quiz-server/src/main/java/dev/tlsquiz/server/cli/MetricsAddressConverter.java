package dev.tlsquiz.server.cli;

import dev.tlsquiz.text.TerminalText;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --metrics ADDRESS:PORT}: an IPv4 address or host name, or an IPv6 address in brackets
 * ({@code [::1]:9464}), then a port of 0..65535 (0: any free port, which the log line then names). The
 * address is checked as {@code --bind} is ({@link BindAddressConverter}), while the options are read, so
 * a typo is a usage error naming {@code --metrics}.
 */
public final class MetricsAddressConverter implements ITypeConverter<InetSocketAddress> {

    private static final String EXPECTED = "(expected: ADDRESS:PORT such as 127.0.0.1:9464, or [::1]:9464 for IPv6)";

    @Override
    public InetSocketAddress convert(String value) {
        String shown = "'" + TerminalText.sanitize(value) + "'";
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new TypeConversionException(shown + " " + EXPECTED);
        }
        String host = value.substring(0, colon);
        String port = value.substring(colon + 1);
        if (host.startsWith("[") != host.endsWith("]")) {
            throw new TypeConversionException(shown + " " + EXPECTED);
        }
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
            if (!host.contains(":")) {
                throw new TypeConversionException(shown + ": brackets are for IPv6 addresses " + EXPECTED);
            }
        } else if (host.contains(":")) {
            throw new TypeConversionException(shown + ": put an IPv6 address in brackets " + EXPECTED);
        }
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 0xFFFF) {
            throw new TypeConversionException(shown + ": the port must be 0..65535 " + EXPECTED);
        }
        String address;
        try {
            address = new BindAddressConverter().convert(host);
        } catch (TypeConversionException e) {
            throw new TypeConversionException(shown + ": " + e.getMessage());
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(address), Integer.parseInt(port));
        } catch (UnknownHostException e) {
            throw new TypeConversionException(shown + ": no such host " + EXPECTED);
        }
    }
}
