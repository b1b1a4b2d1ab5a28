package org.rapport.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.platform.errors.NotAllowed;
import org.rapport.platform.errors.NotFound;
import org.rapport.platform.security.Access;
import org.rapport.platform.security.AuthenticatedUser;
import org.rapport.platform.time.Zones;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sales team as other features see it. */
@ApplicationScoped
public class TeamService {

    @Inject
    Clock clock;

    @Inject
    SalespersonMapper mapper;

    public Optional<SalespersonView> find(String externalId) {
        return mapper.findView(externalId);
    }

    public Optional<Long> idOf(String externalId) {
        return mapper.findIdByExternalId(externalId);
    }

    /** external id → database id of every salesperson (a team has thousands at most). */
    public Map<String, Long> idsByExternalId() {
        Map<String, Long> ids = new HashMap<>();
        mapper.findAllRefs().forEach(r -> ids.put(r.externalId(), r.id()));
        return ids;
    }

    public List<Absence> absences(Access access, String externalId) {
        return mapper.findAbsences(requireMember(access, externalId).id());
    }

    /** Replaces the salesperson's out-of-office periods; allowed to themselves, their manager and admins. */
    @Transactional
    public List<Absence> replaceAbsences(Access access, String externalId, List<AbsenceRequest> periods) {
        long id = requireMember(access, externalId).id();
        List<Absence> absences = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            AbsenceRequest p = periods.get(i);
            if (p == null) {
                throw new InvalidInput("[" + i + "]: a period needs starts_on and ends_on.");
            }
            if (p.endsOn.isBefore(p.startsOn)) {
                throw new InvalidInput("[" + i + "].ends_on: " + p.endsOn + " is before starts_on " + p.startsOn + ".");
            }
            absences.add(new Absence(p.startsOn, p.endsOn, p.note));
        }
        mapper.deleteAbsences(id);
        if (!absences.isEmpty()) {
            mapper.insertAbsences(id, absences);
        }
        return mapper.findAbsences(id);
    }

    /** Throws unless the salesperson exists ({@link NotFound}) and is the caller or in their team ({@link NotAllowed}). */
    public void requireReachable(Access access, String externalId) {
        requireMember(access, externalId);
    }

    private SalespersonMapper.Member requireMember(Access access, String externalId) {
        SalespersonMapper.Member member = mapper.findMember(externalId)
                .orElseThrow(() -> new NotFound("There is no salesperson " + externalId + "."));
        if (!access.reaches(member.id(), member.managerId())) {
            throw new NotAllowed("Salesperson " + externalId + " is neither you nor in your team.");
        }
        return member;
    }

    /** Today in the zone of the login's salesperson (an admin's login has none: UTC), for pages that show "today". */
    public LocalDate todayOf(AuthenticatedUser user) {
        return LocalDate.now(clock.withZone(zoneOf(user)));
    }

    /** The zone of the login's salesperson, in which pages show them dates and times (an admin's login has none: UTC). */
    public ZoneId zoneOf(AuthenticatedUser user) {
        String own = user.salespersonExternalId();
        return Zones.orUtc(own == null ? null : find(own).map(SalespersonView::timeZone).orElse(null));
    }

    public List<SalespersonView> visibleTo(Access access) {
        return mapper.findVisible(access);
    }
}
