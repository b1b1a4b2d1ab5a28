package org.rapport.platform.security;

import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cost of a login, counted in full PBKDF2 checks: what a wrong password costs must not depend on whether the
 * account was used lately, or an attacker could tell active accounts by the time a guess takes.
 */
class CredentialsTest {

    CountingPbkdf2 pbkdf2 = new CountingPbkdf2();
    Credentials credentials = new Credentials();
    Account anna;

    @BeforeEach
    void wire() {
        Passwords passwords = new Passwords();
        passwords.hash = pbkdf2;
        credentials.passwords = passwords;
        anna = new Account(7, "anna", pbkdf2.generate("correct-horse-battery".toCharArray()), Role.SALES, 1L, "S1", true);
    }

    @Test
    void theRightPasswordIsCheckedInFullOnceThenRemembered() {
        assertThat(credentials.check(Optional.of(anna), "correct-horse-battery")).isPresent();
        assertThat(credentials.check(Optional.of(anna), "correct-horse-battery")).isPresent();

        assertThat(pbkdf2.verifications).isEqualTo(1);
    }

    @Test
    void aWrongPasswordCostsAFullCheckEvenForAnAccountJustUsed() {
        credentials.check(Optional.of(anna), "correct-horse-battery");
        int before = pbkdf2.verifications;

        assertThat(credentials.check(Optional.of(anna), "wrong-horse-battery")).isEmpty();

        assertThat(pbkdf2.verifications - before).isEqualTo(1);
    }

    @Test
    void noAccountAndADisabledOneCostAFullCheckToo() {
        assertThat(credentials.check(Optional.empty(), "correct-horse-battery")).isEmpty();
        assertThat(pbkdf2.verifications).isEqualTo(1);

        credentials.check(Optional.of(anna), "correct-horse-battery");
        Account disabled = new Account(7, "anna", anna.passwordHash(), Role.SALES, 1L, "S1", false);
        assertThat(credentials.check(Optional.of(disabled), "correct-horse-battery")).isEmpty();
        assertThat(pbkdf2.verifications).isEqualTo(3);
    }

    @Test
    void aNewPasswordHashForgetsTheRememberedPassword() {
        credentials.check(Optional.of(anna), "correct-horse-battery");
        Account changed = new Account(7, "anna", pbkdf2.generate("new-horse-battery-staple".toCharArray()), Role.SALES, 1L, "S1", true);

        assertThat(credentials.check(Optional.of(changed), "correct-horse-battery")).isEmpty();
        assertThat(credentials.check(Optional.of(changed), "new-horse-battery-staple")).isPresent();
    }

    /** A real PBKDF2 from the JDK (few iterations: the count is not what this test is about) that counts its checks. */
    static final class CountingPbkdf2 implements Pbkdf2PasswordHash {
        int verifications;

        @Override
        public void initialize(Map<String, String> parameters) {
        }

        @Override
        public String generate(char[] password) {
            byte[] salt = new byte[16];
            new java.security.SecureRandom().nextBytes(salt);
            return Base64.getEncoder().encodeToString(salt) + ":" + Base64.getEncoder().encodeToString(derive(password, salt));
        }

        @Override
        public boolean verify(char[] password, String hashed) {
            verifications++;
            if (hashed == null || !hashed.contains(":")) {
                derive(password, new byte[16]);
                return false;
            }
            String[] parts = hashed.split(":");
            byte[] salt = Base64.getDecoder().decode(parts[0]);
            return MessageDigest.isEqual(derive(password, salt), Base64.getDecoder().decode(parts[1]));
        }

        private static byte[] derive(char[] password, byte[] salt) {
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                        .generateSecret(new PBEKeySpec(password, salt, 1_000, 256)).getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
