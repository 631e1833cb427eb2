package dev.tlsquiz.server.results.export;

/** How {@code results export} writes its rows. */
public enum ExportFormat {
    /** RFC 4180 CSV with a header line, for a spreadsheet or a gradebook. */
    CSV,
    /** One JSON array of objects, keys as the CSV header's names. */
    JSON
}
