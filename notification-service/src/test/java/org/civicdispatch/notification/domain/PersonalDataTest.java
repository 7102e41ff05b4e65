package org.civicdispatch.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void shouldMaskPhonesAndEmailsLeavingEnoughToTellThemApart() {
        assertThat(PersonalData.maskPhone("+86 138 0000 1234")).isEqualTo("+86*******1234");
        assertThat(PersonalData.maskPhone("13800001234")).isEqualTo("*******1234");
        assertThat(PersonalData.maskEmail("li.wei@example.cn")).isEqualTo("l***@example.cn");
    }

    @Test
    void shouldScrubAddressesAndNumbersFromAnyTextButKeepCaseIds() {
        String scrubbed = PersonalData.scrub("550 Invalid Addresses li.wei@example.cn, +86 138 0000 1234, "
                + "13900001111 for case C-20261123-0001");

        assertThat(scrubbed).doesNotContain("li.wei@", "138 0000", "13900001111")
                .contains("l***@example.cn", "+86*******1234", "*******1111", "C-20261123-0001");
    }
}
