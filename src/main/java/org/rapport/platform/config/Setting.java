package org.rapport.platform.config;

/** Checks of settings read at start: a value that cannot work stops the start, naming the setting. */
public final class Setting {

    private Setting() {
    }

    /** The value, when {@code min} to {@code max}; otherwise "name must be min to max, not value". */
    public static int within(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", not " + value);
        }
        return value;
    }
}
