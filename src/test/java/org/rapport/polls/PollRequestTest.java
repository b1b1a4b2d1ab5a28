package org.rapport.polls;

import org.junit.jupiter.api.Test;
import org.rapport.platform.errors.FieldError;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PollRequestTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    static PollRequest valid() {
        PollRequest r = new PollRequest();
        r.title = "Service 2026";
        r.questions = new ArrayList<>(List.of(question("SCALE_5", "How happy are you?", null),
                question("choice", "What matters most?", List.of("Price", "Speed"))));
        r.audience = "TIER";
        r.audienceValue = "top10";
        r.sampleSize = 50;
        r.startsOn = TODAY;
        r.endsOn = TODAY.plusDays(14);
        return r;
    }

    static PollRequest.Question question(String kind, String text, List<String> choices) {
        PollRequest.Question q = new PollRequest.Question();
        q.kind = kind;
        q.textEn = text;
        q.choices = choices;
        return q;
    }

    private static List<String> problems(PollRequest r) {
        return r.problems(TODAY).stream().map(FieldError::toString).toList();
    }

    @Test
    void aValidPollHasNoProblems() {
        assertThat(problems(valid())).isEmpty();
        assertThat(valid().storedAudienceValue()).isEqualTo("TOP10");
    }

    @Test
    void questionsOneToThreeWithTheirKindsAndChoices() {
        PollRequest none = valid();
        none.questions = List.of();
        assertThat(problems(none)).containsExactly("questions: 1 to 3 questions, not 0");
        PollRequest four = valid();
        four.questions = List.of(four.questions.get(0), four.questions.get(0), four.questions.get(0), four.questions.get(0));
        assertThat(problems(four)).containsExactly("questions: 1 to 3 questions, not 4");
        PollRequest bad = valid();
        bad.questions = List.of(question("stars", "?", null), question("CHOICE", " ", List.of("Only")),
                question("TEXT", "Anything else?", List.of("a", "b")));
        assertThat(problems(bad)).containsExactly("questions[0].kind: 'stars' is none of SCALE_5, SCALE_10, CHOICE, TEXT",
                "questions[1].text_en: text is needed", "questions[1].choices: 2 to 10 labels, not 1",
                "questions[2].choices: only a CHOICE question has choices");
        PollRequest twice = valid();
        twice.questions = List.of(question("CHOICE", "Which?", List.of("A", "B", " A ")));
        assertThat(problems(twice)).containsExactly("questions[0].choices[2]: 'A' is given twice");
        PollRequest eleven = valid();
        eleven.questions = List.of(question("CHOICE", "Which?", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11")));
        assertThat(problems(eleven)).containsExactly("questions[0].choices: 2 to 10 labels, not 11");
    }

    @Test
    void labelsTheResultsWouldCountAsOneAreRefused() {
        PollRequest r = valid();
        r.questions = List.of(question("CHOICE", "Which?", List.of("Speed", "Price", "speed", "Muller", "Müller", "MÜLLER ", "Strasse", "Straße")));
        assertThat(problems(r)).containsExactly(
                "questions[0].choices[2]: 'speed' is 'Speed' but for case or accents; the results would count them as one",
                "questions[0].choices[4]: 'Müller' is 'Muller' but for case or accents; the results would count them as one",
                "questions[0].choices[5]: 'MÜLLER' is 'Muller' but for case or accents; the results would count them as one",
                "questions[0].choices[7]: 'Straße' is 'Strasse' but for case or accents; the results would count them as one");
        r.questions = List.of(question("CHOICE", "Which?", List.of("Mueller", "Muller", "Price-Speed", "Price Speed")));
        assertThat(problems(r)).as("different words stay different").isEmpty();
    }

    @Test
    void theAudienceAndItsValue() {
        PollRequest r = valid();
        r.audience = "city";
        assertThat(problems(r)).containsExactly("audience: 'city' is none of ALL, TIER, REGION, TEAM, PROBLEM");
        r.audience = "TIER";
        r.audienceValue = "gold";
        assertThat(problems(r)).containsExactly("audience_value: 'gold' is no tier (TOP10, TOP100, STANDARD)");
        r.audience = "PROBLEM";
        r.audienceValue = "400";
        assertThat(problems(r)).containsExactly("audience_value: a number of days from 1 to 365, not '400'");
        r.audienceValue = "30";
        assertThat(problems(r)).isEmpty();
        r.audience = "ALL";
        assertThat(problems(r)).containsExactly("audience_value: the audience ALL takes no value");
        r.audienceValue = null;
        assertThat(problems(r)).isEmpty();
        r.audience = "REGION";
        assertThat(problems(r)).containsExactly("audience_value: the audience REGION needs a value");
        for (String region : List.of("de", "DE-BY", "us-ny ", "FR-75")) {
            r.audienceValue = region;
            assertThat(problems(r)).as(region).isEmpty();
        }
        assertThat(r.storedAudienceValue()).isEqualTo("FR-75");
        for (String notARegion : List.of("Germany", "XX", "DE-", "DE-BAYERN", "DE BY", "D")) {
            r.audienceValue = notARegion;
            assertThat(problems(r)).as(notARegion).containsExactly("audience_value: '" + notARegion
                    + "' is no ISO 3166 country or subdivision code (such as DE, which includes DE-BY, or US-NY)");
        }
    }

    @Test
    void exactlyOneOfSizeAndShare() {
        PollRequest both = valid();
        both.sampleShare = new BigDecimal("0.5");
        assertThat(problems(both)).containsExactly("sample_size: give exactly one of sample_size and sample_share");
        PollRequest neither = valid();
        neither.sampleSize = null;
        assertThat(problems(neither)).containsExactly("sample_size: give exactly one of sample_size and sample_share");
        PollRequest share = valid();
        share.sampleSize = null;
        share.sampleShare = new BigDecimal("1.5");
        assertThat(problems(share)).containsExactly("sample_share: must be a share above 0 and at most 1 with at most 4 decimals, not 1.5");
        share.sampleShare = new BigDecimal("0.25");
        assertThat(problems(share)).isEmpty();
        PollRequest zero = valid();
        zero.sampleSize = 0;
        assertThat(problems(zero)).containsExactly("sample_size: must be between 1 and 100000, not 0");
    }

    @Test
    void datesNotInThePastAndEndingOnOrAfterTheStart() {
        PollRequest past = valid();
        past.startsOn = TODAY.minusDays(1);
        assertThat(problems(past)).containsExactly("starts_on: 2026-12-04 is in the past (today is 2026-12-05)");
        PollRequest backwards = valid();
        backwards.endsOn = TODAY.minusDays(1);
        assertThat(problems(backwards)).containsExactly("ends_on: 2026-12-04 is before starts_on 2026-12-05");
        PollRequest oneDay = valid();
        oneDay.endsOn = TODAY;
        assertThat(problems(oneDay)).isEmpty();
        PollRequest missing = valid();
        missing.startsOn = null;
        missing.endsOn = null;
        assertThat(problems(missing)).containsExactly("starts_on: a date is needed (YYYY-MM-DD)", "ends_on: a date is needed (YYYY-MM-DD)");
    }
}
