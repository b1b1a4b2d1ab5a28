#!/usr/bin/env python3
"""Buckets the CPU samples (jdk.ExecutionSample) of one JFR recording by what the sampled thread was doing.

    jfr print --stack-depth 96 --events jdk.ExecutionSample rec.jfr > samples.txt && python3 bench/tools/jfr-buckets.py samples.txt [thread-substring]
"""
import collections
import re
import sys

BUCKETS = [  # first match (innermost-first walk over the stack's application frames) wins
    ("MyBatis: build dynamic SQL (foreach)", ["DynamicSqlSource.getBoundSql"]),
    ("MyBatis: bind parameters (reflection)", ["DefaultParameterHandler.setParameters"]),
    ("Connector/J: parse statement text (client-side prepare)", ["ClientPreparedStatement.<init>", "ClientPreparedStatement.getInstance"]),
    ("Connector/J: execute (encode, send, read)", ["ClientPreparedStatement.execute", "ClientPreparedStatement.executeQuery"]),
    ("MyBatis: map results", ["DefaultResultSetHandler"]),
    ("import hash (SHA-256)", ["ImportHash"]),
    ("CSV parse + row validation", ["CustomerImporter.parse", "CSVParser", "CsvImporter.importRows", "Row."]),
    ("HTTP body read", ["InputStreamReader", "grizzly"]),
]

def main():
    text = open(sys.argv[1]).read()
    want = sys.argv[2] if len(sys.argv) > 2 else "http-thread-pool"
    counts = collections.Counter()
    total = 0
    for event in text.split("jdk.ExecutionSample")[1:]:
        thread = re.search(r'sampledThread = "([^"]+)"', event)
        if not thread or want not in thread.group(1):
            continue
        frames = re.findall(r"^\s+([\w.$/<>]+)\(", event, re.M)
        total += 1
        bucket = "other"
        for name, needles in BUCKETS:
            if any(any(n in f for n in needles) for f in frames):
                bucket = name
                break
        counts[bucket] += 1
    print(f"{total} samples of threads matching '{want}'")
    for name, n in counts.most_common():
        print(f"{100.0 * n / max(total, 1):5.1f}%  {name}")

if __name__ == "__main__":
    main()
