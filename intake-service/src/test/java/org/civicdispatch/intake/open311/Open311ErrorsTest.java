package org.civicdispatch.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.nio.charset.StandardCharsets;
import org.civicdispatch.intake.publish.IncidentPublisher.PublishFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

class Open311ErrorsTest {

    private final Open311Errors errors = new Open311Errors();

    @Test
    void shouldAnswerAnEventLogOutageAs503WithRetryAfterInTheOpen311Format() {
        ResponseEntity<byte[]> json = errors.unavailable(
                mock(PublishFailedException.class),
                new MockHttpServletRequest("POST", "/open311/v2/requests.json"));

        assertThat(json.getStatusCode().value()).isEqualTo(503);
        assertThat(json.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(json.getHeaders().getContentType()).hasToString("application/json");
        assertThat(new String(json.getBody(), StandardCharsets.UTF_8))
                .startsWith("[{\"code\":503,\"description\":\"the event log is unavailable; the request was not "
                        + "accepted, send it again");
    }

    @Test
    void shouldAnswerALedgerOutageIn503XmlForAnXmlPath() {
        ResponseEntity<byte[]> xml = errors.unavailable(new DataAccessResourceFailureException("down"),
                new MockHttpServletRequest("GET", "/open311/v2/requests/C-1.xml"));

        assertThat(xml.getStatusCode().value()).isEqualTo(503);
        assertThat(xml.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(new String(xml.getBody(), StandardCharsets.UTF_8))
                .contains("<errors><error><code>503</code><description>the case ledger is unavailable");
    }
}
