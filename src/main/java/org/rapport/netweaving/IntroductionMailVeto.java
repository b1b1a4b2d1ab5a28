package org.rapport.netweaving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rapport.customers.Consent;
import org.rapport.outbox.MailTemplate;
import org.rapport.outbox.OutboxService;
import org.rapport.outbox.OutboxStatus;
import org.rapport.outbox.SendVeto;

import java.util.List;
import java.util.Optional;

/**
 * The outbox asks before each customer email leaves: netweaving's mail goes only if its introduction still stands as it
 * was when it was queued ({@link IntroductionMail#refusal}). The introduction and the other customer's consent are read
 * as committed, without a lock: a change committing while the email is on the wire does not stop it.
 */
@ApplicationScoped
public class IntroductionMailVeto implements SendVeto {

    @Inject
    IntroductionMapper mapper;

    @Inject
    IntroductionConsents consents;

    @Inject
    OutboxService outbox;

    @Override
    public Optional<String> vetoes(MailTemplate template, String key, long customerId) {
        Optional<IntroductionMail> mail = IntroductionMail.of(template, key);
        if (mail.isEmpty()) {
            return Optional.empty();
        }
        Optional<IntroductionMapper.Stored> stored = mapper.peek(mail.get().introductionId());
        if (stored.isEmpty()) {
            return Optional.of("introduction " + mail.get().introductionId() + " no longer exists");
        }
        IntroductionMapper.Stored introduction = stored.get();
        long other = introduction.firstCustomerId() == customerId ? introduction.secondCustomerId() : introduction.firstCustomerId();
        return mail.get().refusal(introduction.stage(),
                () -> Optional.ofNullable(outbox.deliveries(List.of(mail.get().requestKey())).get(mail.get().requestKey()))
                        .filter(d -> d.status() == OutboxStatus.SENT).isPresent(),
                () -> consents.blocked(other, Consent.Purpose.INTRODUCTION));
    }
}
