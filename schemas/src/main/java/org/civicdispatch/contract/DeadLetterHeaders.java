package org.civicdispatch.contract;

/** Headers every DLQ record carries, whichever consumer put it there. Values are UTF-8 strings. */
public final class DeadLetterHeaders {

    /** One line a person can act on, e.g. "unknown magic byte 0x7b: not Confluent wire format". */
    public static final String REASON = "dlq-reason";
    /** Class name of the exception that refused the record. */
    public static final String EXCEPTION = "dlq-exception";
    public static final String ORIGINAL_TOPIC = "dlq-original-topic";
    public static final String ORIGINAL_PARTITION = "dlq-original-partition";
    public static final String ORIGINAL_OFFSET = "dlq-original-offset";
    /** The consuming service that refused it. */
    public static final String FAILED_BY = "dlq-failed-by";

    private DeadLetterHeaders() {
    }
}
