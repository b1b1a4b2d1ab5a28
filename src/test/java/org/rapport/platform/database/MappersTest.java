package org.rapport.platform.database;

import org.junit.jupiter.api.Test;
import org.mybatis.cdi.Mapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MappersTest {

    @Test
    void theScanFindsEveryMapperInterfaceOfTheApplicationAndNothingElse() throws IOException {
        List<Class<?>> found = Mappers.in(getClass().getClassLoader());

        assertThat(found).isNotEmpty().allSatisfy(type -> {
            assertThat(type.isInterface()).isTrue();
            assertThat(type.isAnnotationPresent(Mapper.class)).isTrue();
        });
        // the sources say which mappers exist: every "@Mapper" interface under src/main/java
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/org/rapport"))) {
            List<String> declared = sources.filter(p -> p.toString().endsWith("Mapper.java"))
                    .filter(p -> read(p).contains("@Mapper"))
                    .map(p -> Path.of("src/main/java").relativize(p).toString().replace('/', '.').replace(".java", ""))
                    .sorted().toList();
            assertThat(found).extracting(Class::getName).containsExactlyElementsOf(declared);
        }
    }

    @Test
    void eachMapperHasItsSqlAtTheMirroredResourcePath() {
        for (Class<?> mapper : Mappers.in(getClass().getClassLoader())) {
            assertThat(getClass().getClassLoader().getResource(mapper.getName().replace('.', '/') + ".xml"))
                    .as(mapper.getName()).isNotNull();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
