package org.rapport.netweaving;

import java.util.Arrays;

/** A small open-addressing set of ints 0 or more, cleared for each customer in the time its entries take. */
final class IntSet {
    private int[] table = new int[256];
    private int[] values = new int[128];
    private int[] slots = new int[128];
    private int size;

    boolean add(int value) {
        if (2 * (size + 1) > table.length) {
            grow();
        }
        int slot = value * 0x9E3779B1 >>> 8 & table.length - 1;
        while (table[slot] != 0) {
            if (table[slot] == value + 1) {
                return false;
            }
            slot = slot + 1 & table.length - 1;
        }
        table[slot] = value + 1;
        values[size] = value;
        slots[size++] = slot;
        return true;
    }

    void clear() {
        for (int k = 0; k < size; k++) {
            table[slots[k]] = 0;
        }
        size = 0;
    }

    private void grow() {
        int[] old = Arrays.copyOf(values, size);
        table = new int[table.length * 2];
        values = new int[table.length / 2];
        slots = new int[table.length / 2];
        size = 0;
        for (int value : old) {
            add(value);
        }
    }
}
