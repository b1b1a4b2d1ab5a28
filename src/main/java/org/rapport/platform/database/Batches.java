package org.rapport.platform.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import java.util.ArrayList;
import java.util.List;
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

    /** The list cut into consecutive pieces of at most {@code size} (views of it): one statement each. */
    public static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            chunks.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return chunks;
    }
}
