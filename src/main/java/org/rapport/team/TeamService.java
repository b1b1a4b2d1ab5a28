package org.rapport.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rapport.platform.security.Scope;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sales team as other features see it. */
@ApplicationScoped
public class TeamService {

    @Inject
    SalespersonMapper mapper;

    public Optional<Long> idOf(String externalId) {
        return mapper.findIdByExternalId(externalId);
    }

    /** external id → database id of every salesperson (a team has thousands at most). */
    public Map<String, Long> idsByExternalId() {
        Map<String, Long> ids = new HashMap<>();
        mapper.findAllRefs().forEach(r -> ids.put(r.externalId(), r.id()));
        return ids;
    }

    public List<SalespersonView> visibleTo(Scope scope) {
        return mapper.findVisible(scope);
    }
}
