package org.civicdispatch.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private static final KeyPair KEY = SigningKeys.generate();

    @Test
    void shouldAcceptAnIntactChainWithItsCheckpoints() {
        List<ChainedRow> rows = chain(5);

        VerificationReport report = verify(rows, List.of(checkpoint(rows.get(2), KEY), checkpoint(rows.get(4), KEY)),
                5, rows.get(4).rowHash());

        assertThat(report.ok()).isTrue();
        assertThat(report.rowsChecked()).isEqualTo(5);
        assertThat(report.checkpointsChecked()).isEqualTo(2);
        assertThat(report.firstBroken()).isNull();
    }

    @Test
    void shouldStopAtAnEditedRow() {
        List<ChainedRow> rows = chain(5);
        ChainedRow edited = rows.get(2);
        ChainedContent c = edited.content();
        rows.set(2, new ChainedRow(edited.id(), new ChainedContent(c.seq(), c.topic(), c.partition(), c.offset(),
                c.recordKey(), c.caseId(), c.eventType(), c.schemaId(), c.raw(), c.headersJson(),
                "{\"forged\": true}", c.decodeError(), c.recordTimestamp(), c.appendedAt()), edited.prevHash(),
                edited.rowHash()));

        VerificationReport report = verify(rows, List.of(), 5, rows.get(4).rowHash());

        assertThat(report.ok()).isFalse();
        assertThat(report.firstBroken().rowId()).isEqualTo(edited.id());
        assertThat(report.firstBroken().reason()).startsWith("row altered");
        assertThat(report.firstBroken().found()).isEqualTo(ChainHash.hex(edited.rowHash()));
        assertThat(report.firstBroken().expected()).isEqualTo(ChainHash.hex(ChainHash.of(edited.prevHash(),
                rows.get(2).content())));
        assertThat(report.rowsChecked()).isEqualTo(3);
    }

    @Test
    void shouldStopAtTheRowAfterADeletedOne() {
        List<ChainedRow> rows = chain(5);
        rows.remove(2);

        VerificationReport report = verify(rows, List.of(), 5, rows.get(3).rowHash());

        assertThat(report.firstBroken().rowId()).isEqualTo(4L);
        assertThat(report.firstBroken().chainSeq()).isEqualTo(4L);
        assertThat(report.firstBroken().reason()).startsWith("link broken");
        assertThat(report.firstBroken().expected()).isEqualTo(ChainHash.hex(rows.get(1).rowHash()));
    }

    @Test
    void shouldFindRowsMissingAtTheEndFromTheHeadAndFromACheckpoint() {
        List<ChainedRow> rows = chain(5);
        Checkpoint sealedLast = checkpoint(rows.get(4), KEY);
        List<ChainedRow> truncated = rows.subList(0, 3);

        VerificationReport byHead = verify(truncated, List.of(), 5, rows.get(4).rowHash());
        VerificationReport byCheckpoint = verify(truncated, List.of(sealedLast), 3, rows.get(2).rowHash());

        assertThat(byHead.firstBroken().reason()).startsWith("the chain head disagrees");
        assertThat(byCheckpoint.firstBroken().reason()).isEqualTo("rows sealed by a signed checkpoint are missing");
        assertThat(byCheckpoint.firstBroken().chainSeq()).isEqualTo(5L);
    }

    @Test
    void shouldCatchAChainRewrittenConsistentlyFromACheckpointedRowOn() {
        List<ChainedRow> rows = chain(5);
        Checkpoint sealed = checkpoint(rows.get(3), KEY);
        List<ChainedRow> rewritten = new ArrayList<>(rows.subList(0, 1));
        byte[] prev = rewritten.get(0).rowHash();
        for (int i = 1; i < 5; i++) {
            ChainedContent c = rows.get(i).content();
            ChainedContent forged = new ChainedContent(c.seq(), c.topic(), c.partition(), c.offset(), c.recordKey(),
                    c.caseId(), c.eventType(), c.schemaId(), c.raw(), c.headersJson(), "{\"rewritten\": " + i + "}",
                    c.decodeError(), c.recordTimestamp(), c.appendedAt());
            byte[] hash = ChainHash.of(prev, forged);
            rewritten.add(new ChainedRow(rows.get(i).id(), forged, prev, hash));
            prev = hash;
        }

        VerificationReport report = verify(rewritten, List.of(sealed), 5, prev);

        assertThat(report.firstBroken().chainSeq()).isEqualTo(4L);
        assertThat(report.firstBroken().reason()).startsWith("row differs from the signed checkpoint");
    }

    @Test
    void shouldRefuseACheckpointWithAForgedSignatureOrAnUnknownKey() {
        List<ChainedRow> rows = chain(3);
        Checkpoint genuine = checkpoint(rows.get(1), KEY);
        byte[] badSignature = genuine.signature().clone();
        badSignature[0] ^= 1;
        Checkpoint forged = new Checkpoint(genuine.seq(), genuine.eventId(), genuine.rowHash(), genuine.createdAt(),
                genuine.keyId(), badSignature);
        Checkpoint otherKey = checkpoint(rows.get(1), SigningKeys.generate());

        assertThat(verify(rows, List.of(forged), 3, rows.get(2).rowHash()).firstBroken().reason())
                .isEqualTo("checkpoint signature invalid");
        assertThat(verify(rows, List.of(otherKey), 3, rows.get(2).rowHash()).firstBroken().reason())
                .isEqualTo("checkpoint signed by an unknown key");
    }

    @Test
    void shouldRefuseARowAppendedBeyondTheChainHead() {
        List<ChainedRow> rows = chain(4);

        VerificationReport report = verify(rows, List.of(), 3, rows.get(2).rowHash());

        assertThat(report.firstBroken().rowId()).isEqualTo(4L);
        assertThat(report.firstBroken().reason()).startsWith("row beyond the chain head");
    }

    private static VerificationReport verify(List<ChainedRow> rows, List<Checkpoint> checkpoints, long headSeq,
                                             byte[] headHash) {
        ChainVerifier verifier = new ChainVerifier(checkpoints, KEY.getPublic(), headSeq, headHash);
        for (ChainedRow row : rows) {
            if (!verifier.accept(row)) {
                break;
            }
        }
        return verifier.finish();
    }

    static List<ChainedRow> chain(int length) {
        List<ChainedRow> rows = new ArrayList<>();
        byte[] prev = ChainHash.GENESIS;
        for (long seq = 1; seq <= length; seq++) {
            ChainedContent content = ChainHashTest.content(seq);
            byte[] hash = ChainHash.of(prev, content);
            rows.add(new ChainedRow(seq, content, prev, hash));
            prev = hash;
        }
        return rows;
    }

    private static Checkpoint checkpoint(ChainedRow row, KeyPair key) {
        var at = ChainHashTest.AT;
        return new Checkpoint(row.content().seq(), row.id(), row.rowHash(), at, SigningKeys.keyId(key.getPublic()),
                SigningKeys.sign(key.getPrivate(), Checkpoint.signedBytes(row.content().seq(), row.id(),
                        row.rowHash(), at)));
    }
}
