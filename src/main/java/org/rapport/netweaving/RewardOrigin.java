package org.rapport.netweaving;

/**
 * Who proposed a reward: a rule (on its own, or on a person's act) or a person by hand. Part of the reward's unique
 * subject key, so a rule's reward has a slot no person's proposal can take, however its subject is spelled.
 */
public enum RewardOrigin {
    RULE, PERSON
}
