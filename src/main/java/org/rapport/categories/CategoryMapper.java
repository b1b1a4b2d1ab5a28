package org.rapport.categories;

import org.apache.ibatis.annotations.Param;
import org.mybatis.cdi.Mapper;

import java.util.List;

@Mapper
public interface CategoryMapper {

    /** Every category, by code; the synonyms as stored (';'-separated). */
    List<Stored> all();

    /** Locks every category row: writers of the taxonomy take turns, and a customer import holding a code waits. */
    List<String> lockAll();

    /** The codes among {@code codes} that exist, held with a shared lock until the caller's transaction ends. */
    List<String> holdExisting(@Param("codes") List<String> codes);

    int upsert(@Param("c") Category category, @Param("synonyms") String synonyms);

    int setParent(@Param("code") String code, @Param("parent") String parent);

    int clearParents();

    int delete(@Param("code") String code);

    record Stored(String code, String name, String parent, String synonyms) {
        Category category() {
            return new Category(code, name, parent, Category.synonymsOf(synonyms));
        }
    }
}
