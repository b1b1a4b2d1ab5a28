package org.rapport.platform.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.io.Resources;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.managed.ManagedTransactionFactory;
import org.apache.ibatis.type.EnumTypeHandler;
import org.mybatis.cdi.SessionFactoryProvider;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** MyBatis over the container's JTA pool: mapper writes commit and roll back with {@code @Transactional}. */
@ApplicationScoped
public class MyBatis {

    /** SQL fragments shared by the mappers, loaded first so every mapper can include them. */
    private static final String ACCESS = "org/rapport/platform/security/Access.xml";

    @Resource(lookup = DataSources.MAIN)
    DataSource dataSource;

    @Produces
    @ApplicationScoped
    @SessionFactoryProvider
    SqlSessionFactory sqlSessionFactory() {
        Configuration configuration = configuration();
        configuration.setEnvironment(new Environment("rapport", new ManagedTransactionFactory(), dataSource));
        return new SqlSessionFactoryBuilder().build(configuration);
    }

    /** Settings, the shared fragments and every mapper's statements: all but the connection (tests read SQL without one). */
    public static Configuration configuration() {
        Configuration configuration = new Configuration();
        configuration.setMapUnderscoreToCamelCase(true);
        configuration.setDefaultEnumTypeHandler(EnumTypeHandler.class);
        configuration.setDefaultStatementTimeout(600);
        configuration.getTypeHandlerRegistry().register(java.time.Instant.class, new InstantParameter());
        fragments(configuration, ACCESS);
        Mappers.in(MyBatis.class.getClassLoader()).forEach(configuration::addMapper);
        return configuration;
    }

    private static void fragments(Configuration configuration, String resource) {
        try (InputStream xml = Resources.getResourceAsStream(MyBatis.class.getClassLoader(), resource)) {
            new XMLMapperBuilder(xml, configuration, resource, configuration.getSqlFragments()).parse();
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
