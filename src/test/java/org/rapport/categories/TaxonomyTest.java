package org.rapport.categories;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TaxonomyTest {

    private static Category category(String code, String name, String parent, String... synonyms) {
        return new Category(code, name, parent, List.of(synonyms));
    }

    private static final Taxonomy SEED = new Taxonomy(List.of(
            category("logistics", "Logistics and freight", null, "shipping", "haulage"),
            category("warehousing", "Warehousing", "logistics"),
            category("cybersecurity", "Cybersecurity", null, "infosec"),
            category("it-services", "IT services and support", null),
            category("legal", "Legal services", null),
            category("accounting", "Accounting and bookkeeping", null)));

    private static List<String> flaws(Category... categories) {
        return new Taxonomy(List.of(categories)).flaws().stream()
                .map(f -> f.code() + "." + f.field() + ": " + f.reason()).toList();
    }

    @Test
    void aSoundTreeHasNoFlaws() {
        assertThat(SEED.flaws()).isEmpty();
    }

    @Test
    void aCodeIsLowercaseLettersDigitsAndHyphens() {
        assertThat(flaws(category("Logistics", "L", null), category("-x", "X", null), category("a b", "A", null),
                category("x".repeat(65), "X", null), category("ok-2", "OK", null)))
                .hasSize(4).allMatch(f -> f.contains(".code: not a category code"));
    }

    @Test
    void aNameIsRequiredAndFitsTwoHundredCharacters() {
        assertThat(flaws(category("a", " ", null), category("b", "n".repeat(201), null), category("c", "n".repeat(200), null)))
                .containsExactly("a.name: required", "b.name: longer than 200 characters");
    }

    @Test
    void aParentMustExist() {
        assertThat(flaws(category("freight", "Freight", "logistics")))
                .containsExactly("freight.parent: unknown parent category 'logistics' (a parent must exist, or come in the same list or file)");
        assertThat(flaws(category("freight", "Freight", "logistics"), category("logistics", "Logistics", null))).isEmpty();
    }

    @Test
    void noCategoryIsItsOwnAncestor() {
        assertThat(flaws(category("a", "A", "a"))).containsExactly("a.parent: a category cannot be its own parent");
        assertThat(flaws(category("a", "A", "c"), category("b", "B", "a"), category("c", "C", "b"), category("d", "D", "c")))
                .containsExactly("a.parent: would make a cycle: a → c → b → a (a category cannot be its own ancestor)",
                        "b.parent: would make a cycle: b → a → c → b (a category cannot be its own ancestor)",
                        "c.parent: would make a cycle: c → b → a → c (a category cannot be its own ancestor)");
    }

    @Test
    void aSynonymBelongsToOneCategoryAndIsNoOtherCategorysCode() {
        assertThat(flaws(category("logistics", "Logistics", null, "Freight"), category("shipping", "Shipping", null, "freight"),
                category("haulage", "Haulage", null, "logistics"), category("transport", "Transport", null, "Haul", "haul"),
                category("post", "Post", null, "post"), category("courier", "Courier", null, "a;b", "")))
                .containsExactly("shipping.synonyms: 'freight' is already a synonym of logistics",
                        "haulage.synonyms: 'logistics' is the code of another category",
                        "transport.synonyms: 'haul' is listed twice",
                        "post.synonyms: 'post' is the category's own code",
                        "courier.synonyms: a synonym must not contain ';' or control characters",
                        "courier.synonyms: an empty synonym");
    }

    @Test
    void ofTwoCategoriesThatClashTheLaterIsAtFault() {
        assertThat(flaws(category("shipping", "Shipping", null, "freight"), category("freight", "Freight", null)))
                .containsExactly("freight.code: 'freight' is a synonym of shipping");
    }

    @Test
    void theClosestCodesAreFoundByCodeNameOrSynonym() {
        assertThat(SEED.closest("logistic", 3)).extracting(Category::code).containsExactly("logistics");
        assertThat(SEED.closest("Freight", 3)).extracting(Category::code).containsExactly("logistics");
        assertThat(SEED.closest("infosec", 3)).extracting(Category::code).containsExactly("cybersecurity");
        assertThat(SEED.closest("cyber-security", 3)).extracting(Category::code).containsExactly("cybersecurity");
        assertThat(SEED.closest("IT Service", 3)).extracting(Category::code).first().isEqualTo("it-services");
        assertThat(SEED.closest("bookkeeper", 3)).extracting(Category::code).containsExactly("accounting");
    }

    @Test
    void nothingFarAwayIsOffered() {
        assertThat(SEED.closest("astrology", 3)).isEmpty();
        assertThat(SEED.closest("", 3)).isEmpty();
    }

    @Test
    void theReasonForAnUnknownCodeNamesTheClosestAndHowToAddIt() {
        assertThat(SEED.unknownCodeReason("shiping")).isEqualTo("unknown category code; closest: logistics (Logistics and freight). "
                + "To add a new code, an admin imports it with POST /api/import/categories (columns code, name, parent, synonyms)");
        assertThat(SEED.unknownCodeReason("astrology")).startsWith("unknown category code; no existing code is close. To add");
    }
}
