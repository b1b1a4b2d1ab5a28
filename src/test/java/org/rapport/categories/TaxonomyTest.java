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
    void aWholeCodeNameOrSynonymRanksBeforeOneOfItsWords() {
        Taxonomy taxonomy = new Taxonomy(List.of(category("a-logistics", "A logistics", null),
                category("logistics", "Logistics and freight", null)));
        assertThat(taxonomy.closest("logistik", 3)).extracting(Category::code).containsExactly("logistics", "a-logistics");
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

    private static List<String> tree(List<Category> categories) {
        return categories.stream().map(c -> c.code() + "<" + c.parent() + " " + c.synonyms()).toList();
    }

    @Test
    void aMergedCodesChildrenMoveUnderItsTargetAndItBecomesASynonym() {
        Taxonomy taxonomy = new Taxonomy(List.of(
                category("transport", "Transport", null),
                category("logistics", "Logistics", "transport", "haulage"),
                category("freight", "Freight", "transport", "cargo", "Haulage"),
                category("air-freight", "Air freight", "freight")));
        List<Category> after = taxonomy.afterMerging("freight", "logistics");
        assertThat(tree(after)).containsExactly("transport<null []", "logistics<transport [haulage, freight, cargo]",
                "air-freight<logistics []");
        assertThat(new Taxonomy(after).flaws()).isEmpty();
    }

    @Test
    void aCodeMergedIntoItsOwnDescendantLeavesNoCycle() {
        Taxonomy taxonomy = new Taxonomy(List.of(
                category("root", "Root", null),
                category("a", "A", "root"),
                category("b", "B", "a"),
                category("c", "C", "a"),
                category("d", "D", "b")));
        List<Category> after = taxonomy.afterMerging("a", "d");
        assertThat(tree(after)).containsExactly("root<null []", "b<d []", "c<d []", "d<root [a]");
        assertThat(new Taxonomy(after).flaws()).isEmpty();
    }

    @Test
    void mergedSynonymsStopWhereTheyNoLongerFit() {
        String longSynonym = "s".repeat(99);
        List<String> many = java.util.stream.IntStream.range(0, 9).mapToObj(i -> i + longSynonym).toList();
        Taxonomy taxonomy = new Taxonomy(List.of(new Category("into", "Into", null, many),
                category("from", "From", null, "x".repeat(100))));
        List<String> synonyms = taxonomy.afterMerging("from", "into").get(0).synonyms();
        assertThat(synonyms).hasSize(10).endsWith("from");
        assertThat(String.join(";", synonyms).length()).isLessThanOrEqualTo(1000);
    }
}
