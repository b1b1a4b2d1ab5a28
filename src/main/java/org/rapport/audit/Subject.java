package org.rapport.audit;

/**
 * What an event is about: a type ({@code login}, {@code reward}, {@code customer}…) and its id, the external id where
 * the record has one. An id, never a name: a customer is named by the external id the company gave them.
 */
public record Subject(String type, String id) {

    public static final Subject NONE = new Subject(null, null);

    public static Subject of(String type, Object id) {
        return new Subject(type, id == null ? null : id.toString());
    }
}
