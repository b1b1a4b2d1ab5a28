package org.rapport.platform.database;

import org.apache.ibatis.io.ResolverUtil;
import org.mybatis.cdi.Mapper;

import java.util.Comparator;
import java.util.List;

/**
 * Every MyBatis mapper: the interfaces marked {@link Mapper} anywhere under {@code org.rapport}, found by a class-path
 * scan, so that a feature adds a mapper without the platform naming it. Each loads its SQL from the XML file at the
 * mirrored resource path.
 */
final class Mappers {

    static final String ROOT = "org.rapport";

    private Mappers() {
    }

    /** Sorted by name, so every start registers them in the same order. */
    static List<Class<?>> in(ClassLoader loader) {
        ResolverUtil<Object> scan = new ResolverUtil<>();
        scan.setClassLoader(loader);
        scan.findAnnotated(Mapper.class, ROOT);
        return scan.getClasses().stream()
                .filter(Class::isInterface)
                .<Class<?>>map(c -> c)
                .sorted(Comparator.comparing(Class::getName))
                .toList();
    }
}
