package org.rapport.problems;

public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
