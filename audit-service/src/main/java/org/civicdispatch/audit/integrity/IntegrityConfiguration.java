package org.civicdispatch.audit.integrity;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import org.civicdispatch.audit.chain.SigningKeys;
import org.civicdispatch.audit.store.ChainRows;
import org.civicdispatch.audit.store.Checkpoints;
import org.civicdispatch.audit.store.QueryLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Verification and signed checkpoints. The signing key comes from {@code civic.audit.signing.key-file}; the embedded
 * default generates one there on first start and logs its public key (also served at /api/audit/signing-key).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class IntegrityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrityConfiguration.class);

    @Bean
    KeyPair checkpointSigningKey(@Value("${civic.audit.signing.key-file}") Path keyFile,
                                 @Value("${civic.audit.signing.generate-if-missing:false}") boolean generate) {
        KeyPair key = SigningKeys.loadOrGenerate(keyFile, generate);
        LOG.info("audit checkpoints are signed with {} key {} from {}; its public key:\n{}", SigningKeys.ALGORITHM,
                SigningKeys.keyId(key.getPublic()), keyFile.toAbsolutePath(), SigningKeys.pem(key.getPublic()));
        return key;
    }

    @Bean
    VerifyingTheLog verifyingTheLog(ChainRows rows, Checkpoints checkpoints, QueryLog queries, KeyPair key,
                                    PlatformTransactionManager transactions) {
        return new VerifyingTheLog(rows, checkpoints, queries, key.getPublic(), transactions);
    }

    @Bean
    SealingTheChain sealingTheChain(ChainRows rows, Checkpoints checkpoints, KeyPair key, Clock clock) {
        return new SealingTheChain(rows, checkpoints, key, clock);
    }

    @Bean
    PeriodicCheckpoints periodicCheckpoints(SealingTheChain sealing) {
        return new PeriodicCheckpoints(sealing);
    }

    /** Seals the chain every {@code civic.audit.checkpoint-interval}. */
    static class PeriodicCheckpoints {

        private final SealingTheChain sealing;

        PeriodicCheckpoints(SealingTheChain sealing) {
            this.sealing = sealing;
        }

        @Scheduled(fixedDelayString = "${civic.audit.checkpoint-interval:PT1M}",
                initialDelayString = "${civic.audit.checkpoint-interval:PT1M}")
        void seal() {
            sealing.seal().ifPresent(checkpoint -> LOG.info("audit chain sealed at seq {}", checkpoint.seq()));
        }
    }
}
