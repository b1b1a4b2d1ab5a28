package org.rapport.users;

/** A login as the API shows it (never its hash). */
public record UserView(String username, String role, String salesperson) {
}
