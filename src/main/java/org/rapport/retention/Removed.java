package org.rapport.retention;

/**
 * What retention removed: texts set empty, each counted once (rows already empty are not counted again).
 * {@code emailNotes}: the subjects and bounce diagnostics on EMAIL touches and the diagnostics of bounce responses;
 * {@code replySnippets}: also the free text of poll answers.
 */
public record Removed(long messageBodies, long emailNotes, long replySnippets, long clickTargets, long callNotes) {

    static final Removed NOTHING = new Removed(0, 0, 0, 0, 0);

    Removed plus(Removed other) {
        return new Removed(messageBodies + other.messageBodies, emailNotes + other.emailNotes,
                replySnippets + other.replySnippets, clickTargets + other.clickTargets, callNotes + other.callNotes);
    }
}
