package org.civicdispatch.audit.integrity;

import java.security.KeyPair;
import org.civicdispatch.audit.access.Caller;
import org.civicdispatch.audit.chain.SigningKeys;
import org.civicdispatch.audit.chain.VerificationReport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Is the log as it was written? And the key that proves it. */
@RestController
public class IntegrityController {

    private final VerifyingTheLog verifying;
    private final KeyPair key;

    public IntegrityController(VerifyingTheLog verifying, KeyPair key) {
        this.verifying = verifying;
        this.key = key;
    }

    @GetMapping("/api/audit/verify")
    public VerificationReport verify(Caller caller) {
        return verifying.verify(caller);
    }

    @GetMapping("/api/audit/signing-key")
    public SigningKey signingKey() {
        return new SigningKey(SigningKeys.ALGORITHM, SigningKeys.keyId(key.getPublic()),
                SigningKeys.pem(key.getPublic()));
    }

    public record SigningKey(String algorithm, String keyId, String publicKeyPem) {
    }
}
