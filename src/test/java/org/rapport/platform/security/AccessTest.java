package org.rapport.platform.security;

import org.junit.jupiter.api.Test;
import org.rapport.platform.errors.DomainException;
import org.rapport.platform.errors.NotAllowed;
import org.rapport.platform.errors.NotFound;

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
    void aTeamIsTheReachOfItsManager() {
        Access team = Access.teamOf(MARIA);

        assertThat(team.isEverything()).isFalse();
        assertThat(team.reaches(MARIA, null)).as("the manager").isTrue();
        assertThat(team.reaches(ANNA, MARIA)).as("who reports to her").isTrue();
        assertThat(team.reaches(CARLA, OTTO)).as("another team").isFalse();
        assertThat(team.reaches(null, MARIA)).as("no owner").isFalse();
    }

    @Test
    void onlyTheHoldersManagerOrAnAdminDecidesAboutAnEscalatedCall() {
        assertThat(new Access(Role.MANAGER, MARIA).decidingEscalation(ANNA, MARIA, BERND, false)).as("Anna's manager")
                .contains(new Access(Role.MANAGER, MARIA));
        assertThat(new Access(Role.MANAGER, OTTO).decidingEscalation(ANNA, MARIA, BERND, false)).as("another team's manager").isEmpty();
        assertThat(new Access(Role.SALES, ANNA).decidingEscalation(ANNA, MARIA, BERND, false)).as("the holder herself").isEmpty();
        assertThat(new Access(Role.SALES, MARIA).decidingEscalation(ANNA, MARIA, BERND, false)).as("a SALES login, whatever the line").isEmpty();
        assertThat(new Access(Role.MANAGER, null).decidingEscalation(ANNA, null, null, false)).as("a manager login without a salesperson").isEmpty();
        assertThat(new Access(Role.MANAGER, MARIA).decidingEscalation(ANNA, null, null, false)).as("a holder without a manager").isEmpty();
        assertThat(Access.EVERYTHING.decidingEscalation(ANNA, null, null, false)).contains(Access.EVERYTHING);
    }

    @Test
    void whileTheManagerIsAwayTheirBackupDecidesWithTheManagersReachAndNobodyElse() {
        Access otto = new Access(Role.MANAGER, OTTO);

        assertThat(otto.decidingEscalation(ANNA, MARIA, OTTO, true)).as("Maria's backup while she is away")
                .contains(new Access(Role.MANAGER, MARIA));
        assertThat(new Access(Role.SALES, BERND).decidingEscalation(ANNA, MARIA, BERND, true)).as("a SALES backup too")
                .contains(new Access(Role.MANAGER, MARIA));
        assertThat(otto.decidingEscalation(ANNA, MARIA, OTTO, false)).as("the backup while Maria is in").isEmpty();
        assertThat(new Access(Role.SALES, BERND).decidingEscalation(ANNA, MARIA, OTTO, true)).as("a colleague who is not the backup").isEmpty();
        assertThat(new Access(Role.SALES, ANNA).decidingEscalation(ANNA, MARIA, ANNA, true)).as("the holder, even as the backup").isEmpty();
        assertThat(new Access(Role.MANAGER, MARIA).decidingEscalation(ANNA, MARIA, OTTO, true)).as("Maria herself, away or not")
                .isPresent();
        assertThat(otto.decidingEscalation(ANNA, null, OTTO, true)).as("no manager: no backup of one").isEmpty();
    }

    @Test
    void anIdOutsideTheCallersReachGetsTheSameAnswerWhetherItExistsOrNot() {
        Access anna = new Access(Role.SALES, ANNA);
        DomainException someoneElses = anna.refusal(true, "There is no item 7.", "Item 7 is not yours.");
        DomainException unknown = anna.refusal(false, "There is no item 7.", "Item 7 is not yours.");

        assertThat(unknown).isInstanceOf(NotAllowed.class).hasMessage("Item 7 is not yours.");
        assertThat(someoneElses).isInstanceOf(NotAllowed.class).hasMessage(unknown.getMessage());
        assertThat(new Access(Role.MANAGER, MARIA).refusal(false, "There is no item 7.", "Item 7 is not yours."))
                .isInstanceOf(NotAllowed.class);
        assertThat(Access.EVERYTHING.refusal(false, "There is no item 7.", "Item 7 is not yours."))
                .as("an admin reaches everything: nothing to hide").isInstanceOf(NotFound.class).hasMessage("There is no item 7.");
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

    @Test
    void rewardsAreDecidedByAnAdminOrTheManagerOfTheTeamWhoseBudgetTheyCountAgainst() {
        assertThat(new Access(Role.ADMIN, null).decidesRewardsOf(MARIA)).isTrue();
        assertThat(new Access(Role.ADMIN, null).decidesRewardsOf(null)).as("a reward of no team: an admin's").isTrue();
        assertThat(new Access(Role.MANAGER, MARIA).decidesRewardsOf(MARIA)).isTrue();
        assertThat(new Access(Role.MANAGER, MARIA).decidesRewardsOf(OTTO)).as("another team's budget").isFalse();
        assertThat(new Access(Role.MANAGER, MARIA).decidesRewardsOf(null)).isFalse();
        assertThat(new Access(Role.MANAGER, null).decidesRewardsOf(null)).as("fails closed").isFalse();
        assertThat(new Access(Role.SALES, MARIA).decidesRewardsOf(MARIA)).as("the role decides, not the id").isFalse();
        for (Role role : Role.values()) {
            if (role != Role.ADMIN && role != Role.MANAGER) {
                assertThat(new Access(role, MARIA).decidesRewardsOf(MARIA)).as(role + ": any other role never").isFalse();
            }
        }
    }
}
