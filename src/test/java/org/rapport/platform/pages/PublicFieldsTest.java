package org.rapport.platform.pages;

import jakarta.el.ELContext;
import org.junit.jupiter.api.Test;
import org.rapport.calllists.CallListItem;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PublicFieldsTest {

    public record Shown(String name, int count) {
    }

    final PublicFields resolver = new PublicFields();

    @Test
    void readsThePublicFieldsOfAViewClass() {
        CallListItem item = new CallListItem();
        item.reason = "Customer, last spoken 40 days ago";
        item.dueOn = LocalDate.of(2026, 12, 3);
        ELContext context = context();

        assertThat(resolver.getValue(context, item, "reason")).isEqualTo("Customer, last spoken 40 days ago");
        assertThat(context.isPropertyResolved()).isTrue();
        assertThat(resolver.getValue(context(), item, "dueOn")).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(resolver.isReadOnly(context(), item, "reason")).as("pages never write into these objects").isTrue();
    }

    @Test
    void readsTheComponentsOfARecord() {
        assertThat(resolver.getValue(context(), new Shown("Anna", 3), "count")).isEqualTo(3);
    }

    @Test
    void leavesUnknownPropertiesAndOtherLibrariesClassesToTheStandardResolvers() {
        ELContext context = context();
        assertThat(resolver.getValue(context, new CallListItem(), "noSuchField")).isNull();
        assertThat(context.isPropertyResolved()).isFalse();
        ELContext other = context();
        assertThat(resolver.getValue(other, List.of(1, 2), "size")).isNull();
        assertThat(other.isPropertyResolved()).isFalse();
    }

    /** A bare EL context: only the resolved flag matters here. */
    private static ELContext context() {
        return new ELContext() {
            @Override
            public jakarta.el.ELResolver getELResolver() {
                return null;
            }

            @Override
            public jakarta.el.FunctionMapper getFunctionMapper() {
                return null;
            }

            @Override
            public jakarta.el.VariableMapper getVariableMapper() {
                return null;
            }
        };
    }
}
