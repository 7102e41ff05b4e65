package org.civicdispatch.audit.replay;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes exported records to a file that can be cut back to a checkpoint and continued. */
interface ExportWriter extends Closeable {

    void write(ExportedRecord record) throws IOException;

    /** Makes everything written so far durable in the file and returns its length: a safe place to resume from. */
    long checkpoint() throws IOException;

    /** Cuts the file back to a checkpoint's length, dropping whatever was written after it. */
    static void truncate(Path file, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(length);
            channel.force(true);
        }
    }
}
