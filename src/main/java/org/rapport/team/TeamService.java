package org.rapport.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.platform.security.AuthenticatedUser;
import org.rapport.platform.security.Role;
import org.rapport.platform.security.Scope;
import org.rapport.platform.web.ApiException;

import java.util.ArrayList;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sales team as other features see it. */
@ApplicationScoped
public class TeamService {

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

    public List<Absence> absences(AuthenticatedUser user, String externalId) {
        return mapper.findAbsences(requireMember(user, externalId).id());
    }

    /** Replaces the salesperson's out-of-office periods; allowed to themselves, their manager and admins. */
    @Transactional
    public List<Absence> replaceAbsences(AuthenticatedUser user, String externalId, List<AbsenceRequest> periods) {
        long id = requireMember(user, externalId).id();
        List<Absence> absences = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            AbsenceRequest p = periods.get(i);
            if (p == null) {
                throw ApiException.badRequest("[" + i + "]: a period needs starts_on and ends_on.");
            }
            if (p.endsOn.isBefore(p.startsOn)) {
                throw ApiException.badRequest("[" + i + "].ends_on: " + p.endsOn + " is before starts_on " + p.startsOn + ".");
            }
            absences.add(new Absence(p.startsOn, p.endsOn, p.note));
        }
        mapper.deleteAbsences(id);
        if (!absences.isEmpty()) {
            mapper.insertAbsences(id, absences);
        }
        return mapper.findAbsences(id);
    }

    private SalespersonMapper.Member requireMember(AuthenticatedUser user, String externalId) {
        SalespersonMapper.Member member = mapper.findMember(externalId)
                .orElseThrow(() -> ApiException.notFound("There is no salesperson " + externalId + "."));
        boolean allowed = user.role() == Role.ADMIN
                || Long.valueOf(member.id()).equals(user.salespersonId())
                || (user.role() == Role.MANAGER && member.managerId() != null && member.managerId().equals(user.salespersonId()));
        if (!allowed) {
            throw ApiException.forbidden("Salesperson " + externalId + " is neither you nor in your team.");
        }
        return member;
    }

    public List<SalespersonView> visibleTo(Scope scope) {
        return mapper.findVisible(scope);
    }
}
