package org.civicdispatch.dispatch.metrics;

import java.util.stream.Stream;
import org.civicdispatch.dispatch.lifecycle.CaseFile;

/** The case files this instance holds; owned here so that metrics does not depend on the topology. */
@FunctionalInterface
public interface LocalCaseFiles {

    /** A stream over the local store; the caller closes it. */
    Stream<CaseFile> localCaseFiles();
}
