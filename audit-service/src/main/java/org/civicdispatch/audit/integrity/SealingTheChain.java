package org.civicdispatch.audit.integrity;

import java.security.KeyPair;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.civicdispatch.audit.chain.Checkpoint;
import org.civicdispatch.audit.chain.SigningKeys;
import org.civicdispatch.audit.store.ChainHead;
import org.civicdispatch.audit.store.ChainRows;
import org.civicdispatch.audit.store.Checkpoints;

/** Signs the chain head as a checkpoint when it moved since the last one. */
public class SealingTheChain {

    private final ChainRows rows;
    private final Checkpoints checkpoints;
    private final KeyPair key;
    private final String keyId;
    private final Clock clock;

    public SealingTheChain(ChainRows rows, Checkpoints checkpoints, KeyPair key, Clock clock) {
        this.rows = rows;
        this.checkpoints = checkpoints;
        this.key = key;
        this.keyId = SigningKeys.keyId(key.getPublic());
        this.clock = clock;
    }

    public Optional<Checkpoint> seal() {
        ChainHead head = rows.head();
        if (head.lastSeq() == 0 || head.lastSeq() <= checkpoints.lastSeq()) {
            return Optional.empty();
        }
        var at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        byte[] signature = SigningKeys.sign(key.getPrivate(),
                Checkpoint.signedBytes(head.lastSeq(), head.lastEventId(), head.lastHash(), at));
        Checkpoint checkpoint = new Checkpoint(head.lastSeq(), head.lastEventId(), head.lastHash(), at, keyId,
                signature);
        checkpoints.add(checkpoint);
        return Optional.of(checkpoint);
    }
}
