package org.rapport.outbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one list of templates: each with its own model, purpose and caller fields, and a stored form that reads back. */
class MailTemplateTest {

    private static final String BASE = "https://rapport.example/";

    @Test
    void theTemplatesAreTheseFifteenFolders() {
        assertThat(MailTemplate.names()).containsExactly("thank-you-purchase", "thank-you-anniversary",
                "thank-you-introduction", "problem-follow-up", "problem-check-in", "courtesy-check-in", "introduction-consent",
                        "introduction", "introduction-follow-up",
                "reward-notice", "poll", "request-reply", "daily-call-list", "weekly-netweaving-report", "manager-alert");
        assertThat(MailTemplate.byName("birthday")).isEmpty();
        assertThat(MailTemplate.byName("problem-check-in")).contains(MailTemplate.PROBLEM_CHECK_IN);
    }

    @Test
    void everyModelBelongsToExactlyOneTemplate() {
        List<Class<?>> models = Arrays.stream(MailTemplate.values()).<Class<?>>map(MailTemplate::model).toList();

        assertThat(models).doesNotHaveDuplicates()
                .containsExactlyInAnyOrder(MailModel.class.getPermittedSubclasses());
    }

    @Test
    void purposesAreTheOnesCustomersConsentTo() {
        assertThat(Arrays.stream(MailTemplate.values()).filter(t -> !t.purpose().isOutreach())).containsExactly(
                MailTemplate.REQUEST_REPLY, MailTemplate.DAILY_CALL_LIST, MailTemplate.WEEKLY_NETWEAVING_REPORT,
                MailTemplate.MANAGER_ALERT);
        assertThat(MailTemplate.REQUEST_REPLY.purpose()).as("asked for by the customer: no outreach, but to them")
                .isEqualTo(MailPurpose.REQUESTED).matches(MailPurpose::toCustomer);
        assertThat(MailTemplate.requested()).containsExactly("request-reply");
        assertThat(MailTemplate.THANK_YOU_INTRODUCTION.purpose()).isEqualTo(MailPurpose.THANK_YOU);
        assertThat(MailTemplate.INTRODUCTION.purpose()).isEqualTo(MailPurpose.INTRODUCTION);
        assertThat(MailTemplate.PROBLEM_FOLLOW_UP.purpose()).isEqualTo(MailPurpose.CHECK_IN);
        assertThat(MailTemplate.REWARD_NOTICE.purpose()).isEqualTo(MailPurpose.REWARD);
    }

    @Test
    void onlyOutreachThatACallerCanDescribeIsComposable() {
        assertThat(Arrays.stream(MailTemplate.values()).filter(MailTemplate::composable)).containsExactly(
                MailTemplate.THANK_YOU_PURCHASE, MailTemplate.THANK_YOU_ANNIVERSARY, MailTemplate.THANK_YOU_INTRODUCTION,
                MailTemplate.PROBLEM_FOLLOW_UP, MailTemplate.PROBLEM_CHECK_IN, MailTemplate.INTRODUCTION,
                MailTemplate.REWARD_NOTICE, MailTemplate.REQUEST_REPLY);
    }

    /** Links a customer can click are made at send time; a customer mail model has nowhere to hold one. */
    @ParameterizedTest
    @EnumSource(MailTemplate.class)
    void customerMailModelsHoldNoLinks(MailTemplate template) {
        List<String> paths = new ArrayList<>();
        componentPaths("", template.model(), paths);

        if (template.purpose().toCustomer()) {
            assertThat(paths).noneMatch(p -> p.equals("links") || p.startsWith("links."));
        }
        assertThat(template.callerFields()).allSatisfy(field -> assertThat(paths).as("a text component").contains(field.path()));
    }

    @ParameterizedTest
    @EnumSource(MailTemplate.class)
    void aStoredModelReadsBackAsItWasWritten(MailTemplate template) {
        MailModel sample = SampleModels.cause(template, "Alpha GmbH", "Alfred", BASE);

        MailModel read = template.read(FieldsJson.read(FieldsJson.write(ModelMaps.toMap(sample))));

        assertThat(read).isEqualTo(sample);
        assertThat(read.template()).isEqualTo(template);
    }

    @Test
    void aStoredRowsLinksAndUnknownKeysAreDroppedOnReading() {
        MailModel read = MailTemplate.THANK_YOU_ANNIVERSARY.read(FieldsJson.read(
                "{\"years\":\"2\",\"links\":{\"website\":\"javascript:alert(1)\"},\"extra\":\"x\"}"));

        assertThat(read).isEqualTo(new MailModel.ThankYouAnniversary("2"));
        assertThat(ModelMaps.toMap(read)).containsOnlyKeys("years");
    }

    /** Dotted paths of the String components of a model, as the templates and caller fields name them. */
    private static void componentPaths(String prefix, Class<?> type, List<String> into) {
        for (RecordComponent component : type.getRecordComponents()) {
            String path = prefix + component.getName();
            Type generic = component.getGenericType();
            if (component.getType().isRecord()) {
                componentPaths(path + ".", component.getType(), into);
            } else if (generic instanceof ParameterizedType list) {
                into.add(path);
                componentPaths(path + ".", (Class<?>) list.getActualTypeArguments()[0], into);
            } else {
                assertThat(component.getType()).as(path).isEqualTo(String.class);
                into.add(path);
            }
        }
    }
}
