package org.rapport.netweaving;

import org.rapport.outbox.MailTemplate;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Netweaving's email to a customer about an introduction, as its outbox key names it ({@link IntroductionConsents} makes
 * the keys: {@code consent:<id>:<side>}, {@code consent-reminder:<id>:<side>}, {@code introduction:<id>:<customer>},
 * {@code thank-you-introduction:<id>:<customer>}), and whether it may still leave when its moment comes. Such mail waits
 * for its customer's send window, so the introduction can move on before it leaves.
 *
 * @param side the side a request or reminder asks (null for the others)
 */
record IntroductionMail(Kind kind, long introductionId, ConsentSide side) {

    /** The stages of an introduction both customers consented to and that was not withdrawn: its emails may go. */
    static final Set<IntroductionStage> CONSENTED_BY_BOTH = EnumSet.of(IntroductionStage.CONSENTED,
            IntroductionStage.INTRODUCED, IntroductionStage.MET, IntroductionStage.DEAL_CLOSED, IntroductionStage.NO_DEAL);

    enum Kind {
        REQUEST("consent", MailTemplate.INTRODUCTION_CONSENT),
        REMINDER("consent-reminder", MailTemplate.INTRODUCTION_CONSENT),
        INTRODUCTION("introduction", MailTemplate.INTRODUCTION),
        THANK_YOU("thank-you-introduction", MailTemplate.THANK_YOU_INTRODUCTION);

        private final String prefix;
        private final MailTemplate template;

        Kind(String prefix, MailTemplate template) {
            this.prefix = prefix;
            this.template = template;
        }
    }

    /** The introduction mail a message of this template and key is, or empty for any other message. */
    static Optional<IntroductionMail> of(MailTemplate template, String key) {
        if (key == null) {
            return Optional.empty();
        }
        String[] parts = key.split(":", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        for (Kind kind : Kind.values()) {
            if (kind.template == template && kind.prefix.equals(parts[0])) {
                try {
                    long id = Long.parseLong(parts[1]);
                    if (kind == Kind.REQUEST || kind == Kind.REMINDER) {
                        return ConsentSide.parse(parts[2]).map(side -> new IntroductionMail(kind, id, side));
                    }
                    Long.parseLong(parts[2]);
                    return Optional.of(new IntroductionMail(kind, id, null));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The key of the request a reminder follows. */
    String requestKey() {
        return Kind.REQUEST.prefix + ":" + introductionId + ":" + side;
    }

    /**
     * Why it must not leave now, or empty when it may. A request or reminder goes only while its side's answer is awaited
     * (answered from the first email, expired or withdrawn meanwhile: not), a reminder only after its request reached the
     * customer; the introduction and its thank-you note only while both consented and the other customer may still be
     * introduced (that customer's details are in it).
     *
     * @param stage        the introduction's stage now
     * @param requestSent  for a reminder: whether its request was sent
     * @param otherBlocked for the introduction and its thank-you note: why the other customer cannot be emailed about an
     *                     introduction now (their consent, a problem pending), or empty
     */
    Optional<String> refusal(IntroductionStage stage, BooleanSupplier requestSent, Supplier<Optional<String>> otherBlocked) {
        String about = "introduction " + introductionId;
        return switch (kind) {
            case REQUEST, REMINDER -> {
                if (stage != side.asked()) {
                    yield Optional.of(about + " no longer awaits this answer (it is " + stage + ")");
                }
                yield kind == Kind.REMINDER && !requestSent.getAsBoolean()
                        ? Optional.of(about + ": the request this reminds of never reached the customer")
                        : Optional.empty();
            }
            case INTRODUCTION, THANK_YOU -> CONSENTED_BY_BOTH.contains(stage)
                    ? otherBlocked.get().map(reason -> about + ": the other customer can no longer be introduced: " + reason)
                    : Optional.of(about + " was not made (it is " + stage + ")");
        };
    }
}
