package org.rapport.suppression;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.platform.secrets.Secrets;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The email addresses never to be contacted again, kept as keyed hashes ({@link AddressHash}), never as addresses. The
 * hash key is generated once and kept sealed under the master key ({@link Secrets#generatedKey}), so a rotation of the
 * master key makes the list forget no one. Both methods join the caller's transaction: an erasure adds the address in
 * the transaction that erases the customer, and an import asks in the transaction that stores its rows.
 */
@ApplicationScoped
public class SuppressionList {

    /** Why an address is on the list; no free text, which could carry the personal data the list must not keep. */
    public enum Source {
        /** The customer was erased. */
        ERASURE,
        /** An admin added the address ({@code POST /api/suppression}). */
        ADMIN
    }

    static final String HASH_KEY = "suppression-hash-key";
    private static final int HASH_KEY_BYTES = 32;

    @Inject
    SuppressionMapper mapper;

    @Inject
    Secrets secrets;

    @Inject
    Clock clock;

    private AddressHash hash;

    /** Made at start ({@link SuppressionKeyAtStart}), outside any transaction, so the generated key is committed. */
    @PostConstruct
    void init() {
        hash = new AddressHash(secrets.generatedKey(HASH_KEY, HASH_KEY_BYTES, () -> {
            if (mapper.anyListed()) { // a new key would match none of them: the list would forget everyone on it
                throw new IllegalStateException("The suppression list holds addresses but its hash key (" + HASH_KEY
                        + " in sealed_secret) is gone, as after a partial restore: restore that row from the same backup "
                        + "as suppressed_address; a new key would let every address on the list be contacted again");
            }
        }));
    }

    /**
     * Puts {@code email} on the list (any case, surrounding spaces ignored); adding an address already listed changes
     * nothing.
     *
     * @throws InvalidInput when {@code email} is blank or has no {@code @}
     */
    @Transactional
    public void add(String email, Source source) {
        if (email == null || email.isBlank() || email.indexOf('@') < 1) {
            throw new InvalidInput("email: an email address is required.");
        }
        mapper.insert(hash.of(email), source, clock.instant());
    }

    /** Whether {@code email} is on the list, whatever its case and surrounding spaces; false for null or blank. */
    public boolean contains(String email) {
        return !suppressed(List.of(email == null ? "" : email)).isEmpty();
    }

    /** Those of {@code emails} that are on the list, as given (nulls and blanks never are): one query for a batch. */
    public Set<String> suppressed(Collection<String> emails) {
        Map<String, List<String>> byHash = new HashMap<>();
        for (String email : emails) {
            if (email != null && !email.isBlank()) {
                byHash.computeIfAbsent(hash.of(email).toUpperCase(Locale.ROOT), h -> new ArrayList<>())
                        .add(email);
            }
        }
        Set<String> suppressed = new HashSet<>();
        if (!byHash.isEmpty()) {
            mapper.listed(byHash.keySet()).forEach(h -> suppressed.addAll(byHash.get(h)));
        }
        return suppressed;
    }
}
