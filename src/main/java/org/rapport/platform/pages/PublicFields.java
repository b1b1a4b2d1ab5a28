package org.rapport.platform.pages;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets pages read the public fields and record components of Rapport's view classes ({@code #{item.reason}} on a
 * {@code CallListItem}, {@code #{list.date}} on a {@code CallList}), the same objects the API serialises, instead of
 * copying each into a bean with getters (Faces 4's EL knows neither). Read-only, and only for classes of
 * {@code org.rapport}; anything else goes to the standard resolvers.
 */
public class PublicFields extends ELResolver {

    private static final ConcurrentHashMap<Class<?>, ConcurrentHashMap<String, java.util.Optional<Member>>> MEMBERS = new ConcurrentHashMap<>();

    /** A readable field or record component. */
    private interface Member {
        Object read(Object base) throws ReflectiveOperationException;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        Member member = member(base, property);
        if (member == null) {
            return null;
        }
        try {
            Object value = member.read(base);
            context.setPropertyResolved(base, property);
            return value;
        } catch (ReflectiveOperationException e) {
            throw new jakarta.el.ELException("Cannot read " + property + " of " + base.getClass().getName(), e);
        }
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        if (member(base, property) == null) {
            return null;
        }
        context.setPropertyResolved(base, property);
        return null; // read-only: pages never write into these objects
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // read-only
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (member(base, property) != null) {
            context.setPropertyResolved(base, property);
            return true;
        }
        return false;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base == null ? null : String.class;
    }

    private static Member member(Object base, Object property) {
        if (base == null || !(property instanceof String name) || !base.getClass().getName().startsWith("org.rapport.")) {
            return null;
        }
        return MEMBERS.computeIfAbsent(base.getClass(), c -> new ConcurrentHashMap<>())
                .computeIfAbsent(name, n -> find(base.getClass(), n)).orElse(null);
    }

    private static java.util.Optional<Member> find(Class<?> type, String name) {
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals(name) && Modifier.isPublic(type.getModifiers())) {
                    return java.util.Optional.of(base -> component.getAccessor().invoke(base));
                }
            }
            return java.util.Optional.empty();
        }
        try {
            Field f = type.getField(name);
            return Modifier.isStatic(f.getModifiers()) ? java.util.Optional.empty() : java.util.Optional.of(f::get);
        } catch (NoSuchFieldException e) {
            return java.util.Optional.empty();
        }
    }
}
