package org.rapport.team;

/** A salesperson's place in the team (not their login's permissions). */
public enum TeamRole {
    SALES, MANAGER
}
