package org.rapport.customers;

import org.junit.jupiter.api.Test;
import org.rapport.customers.Consent.Purpose;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one contact rule: what each part of a customer's consent blocks, and what it leaves open. */
class ConsentTest {

    private static final Instant MAY_1 = Instant.parse("2026-05-01T09:00:00Z");

    private static Consent open() {
        return new Consent(false, true, true, null, null, Set.of(), null, null, true);
    }

    @Test
    void aCustomerWhoRefusedNothingMayBeCalledAndEmailedForEveryPurpose() {
        assertThat(open().mayCall()).isTrue();
        assertThat(Purpose.values()).allMatch(p -> open().mayEmail(p));
    }

    @Test
    void doNotContactBlocksEveryChannelAndEveryPurpose() {
        Consent dnc = new Consent(true, true, true, null, null, Set.of(), null, null, true);
        assertThat(dnc.blocksCalls()).hasValue("the customer is marked do-not-contact");
        for (Purpose p : Purpose.values()) {
            assertThat(dnc.blocksEmail(p)).as(p.name()).hasValue("the customer is marked do-not-contact");
        }
    }

    @Test
    void aCustomerNotOpenToIntroductionsGetsNoIntroductionEmailButEveryOtherPurpose() {
        Consent noIntroductions = new Consent(false, true, true, null, null, Set.of(), null, null, false);
        assertThat(noIntroductions.blocksEmail(Purpose.INTRODUCTION))
                .hasValue("the customer is not open to introductions (intro_ok is false)");
        assertThat(EnumSet.complementOf(EnumSet.of(Purpose.INTRODUCTION))).allMatch(noIntroductions::mayEmail);
        assertThat(noIntroductions.mayCall()).isTrue();
    }

    @Test
    void anUnsubscribeBlocksEmailButNotCalls() {
        Consent unsubscribed = new Consent(false, true, true, MAY_1, "one-click", Set.of(), null, null, false);
        assertThat(unsubscribed.mayCall()).isTrue();
        assertThat(unsubscribed.blocksEmail(Purpose.THANK_YOU)).hasValue("the customer unsubscribed");
        assertThat(unsubscribed.keeps(Purpose.THANK_YOU)).as("the page shows nothing ticked").isFalse();
    }

    @Test
    void aStoppedPurposeStopsOnlyThatPurpose() {
        Consent keepsThanks = new Consent(false, true, true, null, null, EnumSet.of(Purpose.CHECK_IN, Purpose.INTRODUCTION),
                MAY_1, null, false);
        assertThat(keepsThanks.blocksEmail(Purpose.THANK_YOU)).isEmpty();
        assertThat(keepsThanks.blocksEmail(Purpose.REWARD)).isEmpty();
        assertThat(keepsThanks.blocksEmail(Purpose.CHECK_IN)).hasValue("the customer stopped emails of the purpose CHECK_IN");
        assertThat(keepsThanks.blocksEmail(Purpose.INTRODUCTION)).isPresent();
        assertThat(keepsThanks.keeps(Purpose.THANK_YOU)).isTrue();
        assertThat(keepsThanks.keeps(Purpose.CHECK_IN)).isFalse();
        assertThat(keepsThanks.mayCall()).isTrue();
    }

    @Test
    void theCrmFlagABouncingAddressAndAMissingAddressEachBlockEmailWithTheirOwnReason() {
        assertThat(new Consent(false, false, true, null, null, Set.of(), null, null, false).blocksEmail(Purpose.CHECK_IN))
                .hasValue("the customer does not accept email (email_ok is false)");
        assertThat(new Consent(false, true, true, null, null, Set.of(), null, MAY_1, false).blocksEmail(Purpose.CHECK_IN))
                .hasValue("the customer's address bounces");
        assertThat(new Consent(false, true, false, null, null, Set.of(), null, null, false).blocksEmail(Purpose.CHECK_IN))
                .hasValue("the customer has no email address");
        assertThat(new Consent(false, false, false, null, null, Set.of(), null, MAY_1, false).mayCall())
                .as("none of them stops a call").isTrue();
    }

    @Test
    void theStoredColumnsBecomeTheSameValue() {
        Consent stored = Consent.of(false, true, "  ", MAY_1, "mailto", "REWARD,CHECK_IN", MAY_1, null, true);
        assertThat(stored.hasAddress()).as("a blank address is none").isFalse();
        assertThat(stored.stoppedPurposes()).containsExactly(Purpose.CHECK_IN, Purpose.REWARD);
        assertThat(stored.openToIntroductions()).isTrue();
        assertThat(Consent.of(false, true, "a@b.example", null, null, "", null, null, true)).isEqualTo(open());
        assertThat(Consent.of(false, true, "a@b.example", null, null, null, null, null, false).stoppedPurposes()).isEmpty();
    }

    @Test
    void purposesParseAsFormsAndTheSetColumnWriteThem() {
        assertThat(Purpose.parse(" thank-you ")).isEqualTo(Purpose.THANK_YOU);
        assertThat(Purpose.parseAll("CHECK_IN,INTRODUCTION")).containsExactly(Purpose.CHECK_IN, Purpose.INTRODUCTION);
        assertThatThrownBy(() -> Purpose.parse("internal")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStoppedPurposesCannotBeChangedThroughTheValue() {
        Set<Purpose> stopped = EnumSet.of(Purpose.REWARD);
        Consent consent = new Consent(false, true, true, null, null, stopped, MAY_1, null, false);
        stopped.add(Purpose.THANK_YOU);
        assertThat(consent.stoppedPurposes()).containsExactly(Purpose.REWARD);
        assertThatThrownBy(() -> consent.stoppedPurposes().add(Purpose.CHECK_IN)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(List.copyOf(consent.stoppedPurposes())).containsExactly(Purpose.REWARD);
    }
}
