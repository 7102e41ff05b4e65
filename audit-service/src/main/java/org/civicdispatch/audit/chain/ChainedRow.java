package org.civicdispatch.audit.chain;

/** One row as stored: its id, what it says, and the hashes it carries. */
public record ChainedRow(long id, ChainedContent content, byte[] prevHash, byte[] rowHash) {
}
