package org.rapport.platform.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The access policy in Java; {@code ScopedQueriesTest} checks that SQL applies the same rule. */
class AccessTest {

    static final long ANNA = 1, BERND = 2, MARIA = 10, CARLA = 3, OTTO = 20;

    @Test
    void aSalespersonReachesOnlyTheirOwnRecords() {
        Access anna = new Access(Role.SALES, ANNA);

        assertThat(anna.reaches(ANNA, MARIA)).isTrue();
        assertThat(anna.reaches(BERND, MARIA)).as("a colleague in the same team").isFalse();
        assertThat(anna.reaches(CARLA, OTTO)).isFalse();
    }

    @Test
    void aSalespersonNamedAsManagerOfSomeoneStillReachesOnlyTheirOwn() {
        // the role decides, not the reporting line: a SALES login is never a team lead
        assertThat(new Access(Role.SALES, MARIA).reaches(ANNA, MARIA)).isFalse();
    }

    @Test
    void aManagerReachesTheirOwnAndTheirReportsRecordsButNotAnotherTeam() {
        Access maria = new Access(Role.MANAGER, MARIA);

        assertThat(maria.reaches(MARIA, null)).isTrue();
        assertThat(maria.reaches(ANNA, MARIA)).isTrue();
        assertThat(maria.reaches(BERND, MARIA)).isTrue();
        assertThat(maria.reaches(CARLA, OTTO)).isFalse();
        assertThat(maria.reaches(OTTO, null)).isFalse();
    }

    @Test
    void onlyTheHoldersManagerOrAnAdminDecidesAboutAnEscalatedCall() {
        assertThat(new Access(Role.MANAGER, MARIA).decidesEscalationsOf(MARIA)).as("Anna's manager").isTrue();
        assertThat(new Access(Role.MANAGER, OTTO).decidesEscalationsOf(MARIA)).as("another team's manager").isFalse();
        assertThat(new Access(Role.SALES, ANNA).decidesEscalationsOf(MARIA)).as("the holder herself").isFalse();
        assertThat(new Access(Role.SALES, MARIA).decidesEscalationsOf(MARIA)).as("a SALES login, whatever the line").isFalse();
        assertThat(new Access(Role.MANAGER, null).decidesEscalationsOf(null)).as("a manager login without a salesperson").isFalse();
        assertThat(new Access(Role.MANAGER, MARIA).decidesEscalationsOf(null)).as("a holder without a manager").isFalse();
        assertThat(Access.EVERYTHING.decidesEscalationsOf(null)).isTrue();
    }

    @Test
    void anAdminReachesEverythingEvenUnownedRecords() {
        assertThat(Access.EVERYTHING.reaches(CARLA, OTTO)).isTrue();
        assertThat(Access.EVERYTHING.reaches(null, null)).isTrue();
        assertThat(new Access(Role.ADMIN, ANNA).reaches(CARLA, OTTO)).isTrue();
    }

    @Test
    void aRecordWithoutOwnerIsAnAdminsOnly() {
        assertThat(new Access(Role.SALES, ANNA).reaches(null, null)).isFalse();
        assertThat(new Access(Role.MANAGER, MARIA).reaches(null, MARIA)).isFalse();
    }

    @Test
    void aLoginWithoutSalespersonReachesNothing() {
        for (Role role : new Role[] {Role.SALES, Role.MANAGER}) {
            Access nobody = new Access(role, null);

            assertThat(nobody.reaches(ANNA, MARIA)).as(role.name()).isFalse();
            assertThat(nobody.reaches(null, null)).as(role.name()).isFalse();
            assertThat(nobody.reaches(ANNA, null)).as(role.name()).isFalse();
            assertThat(nobody.isBackup(null)).as(role.name()).isFalse();
            assertThat(nobody.isEverything()).isFalse();
        }
    }

    @Test
    void theBackupIsTheSalespersonNamedAsSuch() {
        Access bernd = new Access(Role.SALES, BERND);

        assertThat(bernd.isBackup(BERND)).isTrue();
        assertThat(bernd.isBackup(CARLA)).isFalse();
        assertThat(bernd.isBackup(null)).isFalse();
    }

    @Test
    void theLoginDecidesTheAccess() {
        assertThat(new AuthenticatedUser("anna", Role.SALES, ANNA, "S-A").access()).isEqualTo(new Access(Role.SALES, ANNA));
    }
}
