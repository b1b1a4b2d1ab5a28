package org.rapport.polls;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContactAskedTest {

    @ParameterizedTest
    @ValueSource(strings = {"Please call me", "please give me a call tomorrow", "Could you call me back?",
            "Can someone contact me about the invoice", "I'd like to talk to someone", "Call me!", "callback please",
            "Bitte rufen Sie mich an", "Ruf mich bitte zurück", "Bitte um Rückruf", "Können wir telefonieren?",
            "Melden Sie sich bitte bei mir", "bitte kurz anrufen", "Ich möchte mit Ihnen sprechen",
            "The delivery was late again. PLEASE   CALL ME.", "rufen Sie mich an", "Please get in touch",
            "Could you get in touch with me next week?"})
    void asks(String text) {
        assertThat(ContactAsked.in(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"All good, thanks", "Great service", "No need to call me, all fine", "Please don't call me",
            "Kein Rückruf nötig", "Bitte nicht anrufen", "Alles bestens", "I called you last week", "Recall of the product",
            "  ", "Sprechen Sie Englisch?", "Wir müssen nicht telefonieren", "nicht telefonieren", "don't call me",
            "no need to call", "I'll be in touch", "We will get in touch with you", "Ich brauche kein weiteres Telefonat",
            "Keinen Rückruf bitte"})
    void doesNotAsk(String text) {
        assertThat(ContactAsked.in(text)).as(text).isFalse();
    }

    @org.junit.jupiter.api.Test
    void nothingAsksNothing() {
        assertThat(ContactAsked.in(null)).isFalse();
    }
}
