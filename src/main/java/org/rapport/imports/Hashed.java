package org.rapport.imports;

/** A row on its way into the database together with its {@link ImportHash}. */
public record Hashed<R>(R row, byte[] hash) {
}
