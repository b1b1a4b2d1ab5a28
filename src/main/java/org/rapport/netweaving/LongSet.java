package org.rapport.netweaving;

/** An open-addressing set of non-zero longs: the pairs of a run without a boxed object per pair. */
final class LongSet {
    private long[] table;
    private int size;

    LongSet(int capacity) {
        table = new long[Integer.highestOneBit(Math.max(16, capacity) * 2 - 1) * 2];
    }

    boolean contains(long key) {
        for (int slot = slot(key, table.length); ; slot = slot + 1 & table.length - 1) {
            if (table[slot] == 0) {
                return false;
            }
            if (table[slot] == key) {
                return true;
            }
        }
    }

    boolean add(long key) {
        if (2 * (size + 1) > table.length) {
            long[] old = table;
            table = new long[old.length * 2];
            size = 0;
            for (long k : old) {
                if (k != 0) {
                    add(k);
                }
            }
        }
        int slot = slot(key, table.length);
        while (table[slot] != 0) {
            if (table[slot] == key) {
                return false;
            }
            slot = slot + 1 & table.length - 1;
        }
        table[slot] = key;
        size++;
        return true;
    }

    private static int slot(long key, int length) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & length - 1;
    }
}
