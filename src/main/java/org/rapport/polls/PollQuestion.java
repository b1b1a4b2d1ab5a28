package org.rapport.polls;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;

import java.io.StringReader;
import java.util.List;

/** One question of a poll: its place (1–3), kind, English and optional German text, and a choice's labels. */
public class PollQuestion {
    public long pollId;
    public int position;
    public QuestionKind kind;
    public String textEn;
    public String textDe;
    /** As stored: a JSON array of labels for a CHOICE question, null otherwise. */
    public String choices;

    /** The question in the customer's language: German when asked in German and a German text exists. */
    public String text(boolean german) {
        return german && textDe != null && !textDe.isBlank() ? textDe : textEn;
    }

    /** The labels of a CHOICE question, in order; empty for other kinds. */
    public List<String> labels() {
        if (choices == null || choices.isBlank()) {
            return List.of();
        }
        try (var reader = Json.createReader(new StringReader(choices))) {
            JsonArray array = reader.readArray();
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
    }

    /** The stored form of {@code labels}. */
    public static String choicesJson(List<String> labels) {
        if (labels == null || labels.isEmpty()) {
            return null;
        }
        JsonArrayBuilder array = Json.createArrayBuilder();
        labels.forEach(array::add);
        return array.build().toString();
    }
}
