package org.rapport.platform.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import java.util.function.Consumer;

/**
 * Runs many single-row statements of a mapper as one JDBC batch, in the caller's transaction. Connector/J
 * ({@code rewriteBatchedStatements=true}) sends them as multi-row statements, and the SQL is parsed once per batch
 * instead of once per huge generated statement: a {@code <foreach>} over a thousand rows spends its time building SQL.
 */
@ApplicationScoped
public class Batches {

    @Inject
    SqlSessionFactory factory;

    public <M> void run(Class<M> mapperType, Consumer<M> statements) {
        try (SqlSession session = factory.openSession(ExecutorType.BATCH)) {
            statements.accept(session.getMapper(mapperType));
            session.flushStatements();
        }
    }
}
