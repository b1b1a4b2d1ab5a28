package org.rapport.platform.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.managed.ManagedTransactionFactory;
import org.apache.ibatis.type.EnumTypeHandler;
import org.mybatis.cdi.SessionFactoryProvider;

import javax.sql.DataSource;

/** MyBatis over the container's JTA pool: mapper writes commit and roll back with {@code @Transactional}. */
@ApplicationScoped
public class MyBatis {

    @Resource(lookup = DataSources.MAIN)
    DataSource dataSource;

    @Produces
    @ApplicationScoped
    @SessionFactoryProvider
    SqlSessionFactory sqlSessionFactory() {
        Configuration configuration = new Configuration(new Environment("rapport", new ManagedTransactionFactory(), dataSource));
        configuration.setMapUnderscoreToCamelCase(true);
        configuration.setDefaultEnumTypeHandler(EnumTypeHandler.class);
        configuration.setDefaultStatementTimeout(600);
        Mappers.in(MyBatis.class.getClassLoader()).forEach(configuration::addMapper);
        return new SqlSessionFactoryBuilder().build(configuration);
    }
}
