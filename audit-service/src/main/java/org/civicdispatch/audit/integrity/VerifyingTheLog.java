package org.civicdispatch.audit.integrity;

import java.security.PublicKey;
import java.util.Map;
import org.civicdispatch.audit.access.Caller;
import org.civicdispatch.audit.chain.ChainVerifier;
import org.civicdispatch.audit.chain.VerificationReport;
import org.civicdispatch.audit.store.ChainHead;
import org.civicdispatch.audit.store.ChainRows;
import org.civicdispatch.audit.store.Checkpoints;
import org.civicdispatch.audit.store.QueryLog;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Checks the whole log against its hash chain and signed checkpoints, for the HTTP API and the CLI alike. */
public class VerifyingTheLog {

    private final ChainRows rows;
    private final Checkpoints checkpoints;
    private final QueryLog queries;
    private final PublicKey trustedKey;
    private final TransactionTemplate snapshot;

    public VerifyingTheLog(ChainRows rows, Checkpoints checkpoints, QueryLog queries, PublicKey trustedKey,
                           PlatformTransactionManager transactions) {
        this.rows = rows;
        this.checkpoints = checkpoints;
        this.queries = queries;
        this.trustedKey = trustedKey;
        // One snapshot for head, checkpoints and rows: appends going on meanwhile are neither seen nor mistaken for
        // rows appended outside the chain.
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    public VerificationReport verify(Caller caller) {
        queries.record(caller, QueryLog.VERIFY, Map.of());
        return snapshot.execute(status -> {
            ChainHead head = rows.head();
            ChainVerifier verifier = new ChainVerifier(checkpoints.all(), trustedKey, head.lastSeq(),
                    head.lastHash());
            rows.forEach(verifier::accept);
            return verifier.finish();
        });
    }
}
