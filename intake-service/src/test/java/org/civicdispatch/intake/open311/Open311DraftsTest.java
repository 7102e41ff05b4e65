package org.civicdispatch.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.civicdispatch.intake.domain.FieldError;
import org.civicdispatch.intake.domain.IncidentDraft;
import org.civicdispatch.reference.catalog.CatalogLoader;
import org.civicdispatch.reference.catalog.MatterCatalog;
import org.junit.jupiter.api.Test;

class Open311DraftsTest {

    private static final MatterCatalog CATALOG = CatalogLoader.bundled();

    @Test
    void shouldMapTheSpecsFormFieldsOntoADraftOfTheOpen311Channel() {
        IncidentDraft draft = Open311Drafts.draftOf(Map.of("service_code", "sanitation.garbage-overflow",
                "lat", "43.851", "long", "+125.33", "address_string", " 幸福路5号 ", "address_id", "NG-S01-C01-G01",
                "first_name", "伟", "last_name", "李", "phone", "+86 138 0000 0000", "email", "li@example.cn",
                "description", "满了"), CATALOG, "zh-CN");

        assertThat(draft).isEqualTo(new IncidentDraft("OPEN311", null, "sanitation.garbage-overflow", "满了", 43.851,
                125.33, "幸福路5号", "NG-S01-C01-G01", "李伟", "+86 138 0000 0000", "li@example.cn", "zh-CN", null,
                null, null));
    }

    @Test
    void shouldTakeTheServiceNameAsDescriptionAndJoinLatinNamesWithASpace() {
        IncidentDraft draft = Open311Drafts.draftOf(Map.of("service_code", "municipal.road-damage",
                "first_name", "Wei", "last_name", "Li", "client_request_id", "app-42"), CATALOG, "en;q=0.9");

        assertThat(draft.description()).isEqualTo("道路破损");
        assertThat(draft.reporterName()).isEqualTo("Wei Li");
        assertThat(draft.externalId()).isEqualTo("app-42");
        assertThat(draft.preferredLocale()).isNull();
    }

    @Test
    void shouldTurnAnythingButADecimalDegreeIntoNaNForTheDomainToRefuse() {
        assertThat(Open311Drafts.coordinate("NaN")).isNaN();
        assertThat(Open311Drafts.coordinate("1e2")).isNaN();
        assertThat(Open311Drafts.coordinate("43.8d")).isNaN();
        assertThat(Open311Drafts.coordinate(" ")).isNull();
        assertThat(Open311Drafts.coordinate("-43.80")).isEqualTo(-43.8);
    }

    @Test
    void shouldNameDomainErrorsByTheFormsParameters() {
        IncidentDraft nowhere = Open311Drafts.draftOf(Map.of(), CATALOG, null);

        assertThat(Open311Drafts.describe(List.of(new FieldError("category", "is required"),
                new FieldError("location", "give coordinates, an address or a grid code"),
                new FieldError("location.latitude", "must be a number between -90 and 90"),
                new FieldError("location.gridCode", "is not a grid"),
                new FieldError("reporter.phone", "is not well-formed")), nowhere))
                .containsExactly("service_code: is required",
                        "lat/long: required, unless address_string or address_id (a grid code) is given",
                        "lat: must be a number between -90 and 90", "address_id: is not a grid",
                        "phone: is not well-formed");
    }
}
