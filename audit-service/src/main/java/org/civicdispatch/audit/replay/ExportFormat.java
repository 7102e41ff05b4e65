package org.civicdispatch.audit.replay;

import java.util.Locale;

/** The file formats of a period export. */
public enum ExportFormat {
    /** An Avro object container file of {@link ExportedRecord#SCHEMA}. */
    AVRO,
    /** One JSON object per line. */
    NDJSON;

    public static ExportFormat parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new ReplayRefusedException(ReplayRefusedException.Reason.INVALID_REQUEST,
                    "format is avro or ndjson, not " + name);
        }
    }
}
