package org.rapport.platform.security;

/** What a login may do: a salesperson works their own customers, a manager their team's, an admin everything. */
public enum Role {
    SALES, MANAGER, ADMIN;

    public static final String SALES_NAME = "SALES";
    public static final String MANAGER_NAME = "MANAGER";
    public static final String ADMIN_NAME = "ADMIN";
}
