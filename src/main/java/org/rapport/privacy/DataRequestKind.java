package org.rapport.privacy;

/** What a customer asked for from their unsubscribe page: a copy of their data, or its erasure. */
public enum DataRequestKind {
    EXPORT, ERASURE
}
