package org.civicdispatch.audit.chain;

/**
 * The first place where the log is not what was sealed.
 *
 * @param rowId    database id of the row at fault, null when the fault is not one row (e.g. rows missing at the end)
 * @param expected what the chain or a checkpoint says should be there (a hash in hex, or a sequence number)
 * @param found    what is there instead
 */
public record BrokenLink(Long rowId, Long chainSeq, String topic, Integer partition, Long offset, String reason,
                         String expected, String found) {

    static BrokenLink at(ChainedRow row, String reason, String expected, String found) {
        ChainedContent c = row.content();
        return new BrokenLink(row.id(), c.seq(), c.topic(), c.partition(), c.offset(), reason, expected, found);
    }

    static BrokenLink beyondRows(long chainSeq, String reason, String expected, String found) {
        return new BrokenLink(null, chainSeq, null, null, null, reason, expected, found);
    }
}
