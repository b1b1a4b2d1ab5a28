#!/usr/bin/env python3
"""Buckets the CPU samples (jdk.ExecutionSample) of the outbox dispatchers in one JFR recording by what they were doing.

    jfr print --stack-depth 128 --events jdk.ExecutionSample dispatch.jfr > samples.txt
    python3 bench/tools/jfr-dispatch.py samples.txt [thread-substring]

Each sample goes to the first bucket (in the order below) with a matching frame anywhere on its stack, so a bucket
means "inside this step", including the libraries it calls; "other" is what none of them covers.
"""
import collections
import re
import sys

BUCKETS = [
    ("SMTP: Transport.sendMessage (MIME encoding + socket I/O)", ["SmtpPostman.deliver"]),
    ("compose MimeMessage (MessageComposer)", ["MessageComposer.compose"]),
    ("sign links (HMAC tokens)", ["org.rapport.outbox.Links.", "LinkTokens."]),
    ("render templates (FreeMarker)", ["MailTemplates.render", "TemplateRenderer.", "freemarker."]),
    ("template model (fields JSON, maps)", ["MessageSender.model", "FieldsJson."]),
    ("record results (batched UPDATE)", ["Batches.run"]),
    ("record touches", ["TouchService."]),
    ("claim (SELECT … SKIP LOCKED + UPDATE)", ["DispatchStore.claim"]),
    ("deliver: lock + load the batch", ["OutboxMapper.lockOwned", "OutboxMapper.load", "DispatchStore.deliver"]),
    ("transaction begin/commit (JTA, pool)", ["TransactionalInterceptor", "JavaEETransactionManager", "com.sun.enterprise.resource"]),
]


def main():
    text = open(sys.argv[1]).read()
    want = sys.argv[2] if len(sys.argv) > 2 else "concurrent/__defaultManagedExecutorService"
    counts = collections.Counter()
    libraries = collections.Counter()
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
        if frames:  # the innermost frame's package: which library burns the cycles
            libraries[".".join(frames[0].split(".")[:3])] += 1
    print(f"{total} samples of threads matching '{want}'")
    for name, n in counts.most_common():
        print(f"{100.0 * n / max(total, 1):5.1f}%  {name}")
    print("\ninnermost frame by package (top 15):")
    for name, n in libraries.most_common(15):
        print(f"{100.0 * n / max(total, 1):5.1f}%  {name}")


if __name__ == "__main__":
    main()
