package org.rapport.touches;

import java.util.Set;

/** What kind of interaction a touch was, and which outcomes it can have. */
public enum TouchKind {
    CALL(Set.of(Outcome.REACHED, Outcome.VOICEMAIL, Outcome.NO_ANSWER)),
    VISIT(Set.of(Outcome.REACHED)),
    EMAIL(Set.of(Outcome.SENT, Outcome.BOUNCED)),
    REPLY(Set.of(Outcome.REPLIED)),
    NOTE(Set.of(Outcome.NOTED));

    private final Set<Outcome> outcomes;

    TouchKind(Set<Outcome> outcomes) {
        this.outcomes = outcomes;
    }

    public boolean allows(Outcome outcome) {
        return outcomes.contains(outcome);
    }

    public Set<Outcome> outcomes() {
        return outcomes;
    }

    /** Two-way touches (a conversation, a visit, a reply) reset cadence clocks; one-way ones do not. */
    public boolean isTwoWay(Outcome outcome) {
        return allows(outcome) && (outcome == Outcome.REACHED || outcome == Outcome.REPLIED);
    }

    public enum Outcome {
        REACHED, VOICEMAIL, NO_ANSWER, SENT, BOUNCED, REPLIED, NOTED
    }
}
