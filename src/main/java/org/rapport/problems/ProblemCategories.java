package org.rapport.problems;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rapport.categories.CategoryUse;

import java.time.Instant;

/** Problems are filed under a category code: counted before a code is deleted, moved when it is merged. */
@ApplicationScoped
public class ProblemCategories implements CategoryUse {

    @Inject
    ProblemMapper mapper;

    @Override
    public String users() {
        return "problems";
    }

    @Override
    public long countUsing(String code) {
        return mapper.countInCategory(code);
    }

    @Override
    public long moveUses(String from, String into, Instant now) {
        return mapper.moveCategory(from, into, now);
    }

    @Override
    public int lockRank() {
        return 1; // after the customers, as a problem opening locks its customer first
    }
}
