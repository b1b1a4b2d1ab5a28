package org.rapport.platform.database;

import java.util.List;

/** Every MyBatis mapper; each loads its SQL from the XML file at the mirrored resource path. */
final class Mappers {

    static final List<Class<?>> ALL = List.of(
            org.rapport.users.UserMapper.class,
            org.rapport.team.SalespersonMapper.class,
            org.rapport.customers.CustomerMapper.class,
            org.rapport.purchases.PurchaseMapper.class,
            org.rapport.problems.ProblemMapper.class,
            org.rapport.touches.TouchMapper.class,
            org.rapport.outbox.OutboxMapper.class,
            org.rapport.responses.ResponseMapper.class,
            org.rapport.planning.RuleMapper.class,
            org.rapport.planning.PlanningMapper.class,
            org.rapport.calllists.CallListMapper.class,
            org.rapport.reports.ReportMapper.class);

    private Mappers() {
    }
}
