package org.rapport.responses;

/** The customer as the response pages greet them (their consent comes from ConsentService). */
public class CustomerContact {
    long id;
    String preferredName;
    String contactFirstName;
    String company;
    String locale;
}
