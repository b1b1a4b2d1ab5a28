package org.rapport.netweaving;

import org.rapport.planning.RewardRules;
import org.rapport.planning.RuleService;
import org.rapport.platform.database.DuplicateKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.customers.CustomerService;
import org.rapport.customers.Tier;
import org.rapport.customers.TierReached;
import org.rapport.outbox.Mail;
import org.rapport.outbox.MailModel;
import org.rapport.outbox.OutboxService;
import org.rapport.audit.AuditKind;
import org.rapport.audit.AuditTrail;
import org.rapport.audit.Change;
import org.rapport.audit.Subject;
import org.rapport.platform.errors.Conflict;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.platform.security.Access;
import org.rapport.platform.security.AuthenticatedUser;
import org.rapport.platform.security.Role;
import org.rapport.platform.time.ScheduleZone;
import org.rapport.platform.time.Zones;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Rewards from proposal to fulfilment. Rules propose ({@link #propose}, idempotent per subject); a manager approves
 * within the team's quarterly budget ({@link RewardApproval} decides) or rejects with a reason; an approved reward is
 * fulfilled and the customer gets the {@code reward-notice} email. Each step appends to the ledger in the transaction
 * that makes it; the status moves only as {@link RewardStatus} allows.
 */
@ApplicationScoped
public class RewardService {

    /** Anniversaries of this many days back still get their reward: a job that did not run for a while catches up. */
    static final int ANNIVERSARY_CATCH_UP_DAYS = 30;

    @Inject
    RewardMapper mapper;

    @Inject
    RuleService rules;

    @Inject
    CustomerService customers;

    @Inject
    OutboxService outbox;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "rapport.schedule.zone")
    ScheduleZone zone;

    /**
     * A rule proposes a reward of {@code kind} for the customer, at the rule's value, once per {@code subject}: the
     * introductions call it when a deal closes ({@code INTRODUCTION_CONVERTED}, subject the introduction), referrals
     * when a lead becomes a customer. Joins the caller's transaction, so the reward exists exactly when its cause does.
     *
     * @param subject what is rewarded, unique per kind and customer (1–100 characters), e.g. {@code introduction 42}
     * @param reason  the rule's ({@link RewardReason}), worded to follow "thanks for" in the customer's notice (1–500
     *                characters), e.g. {@code the introduction to Müller that became a deal}
     * @return the new reward's id; empty when this subject already has a reward, the rule's value is 0 (off), or there
     *         is no customer {@code customerId}
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Long> propose(RewardKind kind, long customerId, String subject, RewardReason reason) {
        return propose(kind, customerId, subject, reason, RewardOrigin.RULE, null);
    }

    /**
     * A rule proposes on a person's act (the deal {@code actor} recorded): that login stands as the proposer, so it never
     * approves the reward its own act caused ({@link RewardApproval}).
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Long> proposeOnActOf(String actor, RewardKind kind, long customerId, String subject, RewardReason reason) {
        return propose(kind, customerId, subject, reason, RewardOrigin.RULE, actor);
    }

    /** What {@link #proposeAs} did: the reward, and whether this call proposed it (false: the subject had one). */
    public record Proposed(RewardView reward, boolean created) {
    }

    /**
     * A person proposes a reward of one of the rules' kinds, at the rule's value (the caller has been allowed the
     * customer), for a cause the rules do not see: a subject in the form the kind's rule writes is the rule's
     * ({@link RewardSubjectReserved}). The same subject again answers the reward it has.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Proposed proposeAs(AuthenticatedUser author, RewardKind kind, long customerId, String subject, String reason) {
        if (kind.isRuleSubject(subject)) {
            throw new RewardSubjectReserved(kind, subject.strip());
        }
        Optional<Long> created = propose(kind, customerId, subject.strip(), RewardReason.typed(reason.strip()),
                RewardOrigin.PERSON, author.username());
        long id = created.or(() -> mapper.idBySubject(kind, RewardOrigin.PERSON, customerId, subject.strip())).orElseThrow(() ->
                customers.erased(customerId) ? new Conflict("The customer was erased; nothing is proposed for them.")
                        : new InvalidInput("kind: the rule for " + kind + " is off (its value is 0 in /api/rules), so it proposes nothing."));
        return new Proposed(require(author.access(), id), created.isPresent());
    }

    private Optional<Long> propose(RewardKind kind, long customerId, String subject, RewardReason reason, RewardOrigin origin,
                                   String proposedBy) {
        if (subject == null || subject.isBlank() || subject.length() > 100) {
            throw new IllegalArgumentException("A reward's subject has 1 to 100 characters, not '" + subject + "'.");
        }
        if (reason.text().isBlank() || reason.text().length() > 500) {
            throw new IllegalArgumentException("A reward's reason has 1 to 500 characters.");
        }
        RewardRules.Worth worth = kind.worth(rules.rewardRules());
        if (worth.value().signum() == 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        try {
            if (mapper.propose(kind, origin, customerId, subject, worth.value(), worth.currency(), reason, proposedBy, now) == 0) {
                return Optional.empty();
            }
        } catch (RuntimeException e) {
            if (!DuplicateKey.causes(e)) {
                throw e;
            }
            return Optional.empty(); // proposed at the same moment by another transaction (the job and a request)
        }
        long id = mapper.idBySubject(kind, origin, customerId, subject).orElseThrow();
        mapper.appendEntry(id, RewardStatus.PROPOSED, proposedBy, now, reason.text(), null, null, null);
        return Optional.of(id);
    }

    /** The tier recomputation brought a customer into the top tier: in its transaction, one reward per year at most. */
    void topTierReached(@Observes TierReached reached) {
        if (reached.tier() == Tier.TOP10) {
            propose(RewardKind.TOP_TIER, reached.customerId(), RewardKind.TOP_TIER.ruleSubject(reached.on().getYear()),
                    RewardReason.topTier(), RewardOrigin.RULE, null);
        }
    }

    /**
     * The daily rules: an anniversary reward for each customer whose fifth, tenth, … anniversary as a customer fell in
     * the last {@value #ANNIVERSARY_CATCH_UP_DAYS} days (today in {@code rapport.schedule.zone}), once per anniversary.
     *
     * @return how many rewards it proposed
     */
    @Transactional
    public int proposeDue() {
        RewardRules.Worth worth = RewardKind.ANNIVERSARY.worth(rules.rewardRules());
        if (worth.value().signum() == 0) {
            return 0;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone.zone());
        int proposed = mapper.proposeAnniversaries(today.minusDays(ANNIVERSARY_CATCH_UP_DAYS), today, worth.value(),
                worth.currency(), now);
        mapper.recordRuleProposals();
        return proposed;
    }

    /** Newest first, the ones the caller reaches (their customers', their team's, or all), each with its ledger. */
    public List<RewardView> search(Access access, RewardStatus status, int limit) {
        return withEntries(mapper.search(status, null, access, limit));
    }

    /**
     * The PROPOSED rewards the caller decides ({@link Access#decidesRewardsOf}: by the budget they count against, the
     * rule approve and reject apply), those proposed first at the top: an inbox.
     */
    public List<RewardView> awaiting(Access access, int limit) {
        if (access.isEverything()) {
            return withEntries(mapper.awaiting(null, limit));
        }
        Long team = access.salespersonId(); // a team is named by its manager's id
        return team != null && access.decidesRewardsOf(team) ? withEntries(mapper.awaiting(team, limit)) : List.of();
    }

    /** One customer's rewards the caller reaches (the same rule as {@link #search}), newest first, each with its ledger. */
    public List<RewardView> ofCustomer(Access access, long customerId, int limit) {
        return withEntries(mapper.search(null, customerId, access, limit));
    }

    /**
     * One reward the caller reaches. Someone else's and an unknown id get the same refusal ({@link Access#refusal}), so
     * reward ids cannot be probed; an admin, who reaches all, gets 404 for an id that does not exist.
     */
    public RewardView require(Access access, long id) {
        return mapper.find(id, access).map(r -> withEntries(List.of(r)).get(0)).orElseThrow(() -> refusal(access, id));
    }

    /**
     * A manager (or an admin) approves: not their own proposal, not for a customer they own, within the quarterly
     * budget of the reward's team for the quarter of today (in {@code rapport.schedule.zone}). Approvals against one
     * team take turns (its rewards are locked), so two at once cannot both fit into what is left.
     */
    @Transactional
    public RewardView approve(AuthenticatedUser user, long id) {
        RewardMapper.Decision seen = decidable(user, id, "approves");
        seen.status.moveTo(RewardStatus.APPROVED, id); // a decided reward says so, before any word on its budget
        if (seen.teamId == null) {
            throw new RewardBudgetRefused("Reward " + id + " counts against no team's budget: its customer had no owner "
                    + "when it was proposed. Reject it, and propose it again once the customer has an owner.");
        }
        mapper.lockTeam(seen.teamId);
        RewardMapper.Decision reward = mapper.decision(id).orElseThrow();
        TeamBudget approvedAfter = RewardApproval.approve(reward(reward), approver(user), budget(reward, today()));
        append(reward, RewardStatus.APPROVED, user.username(), "Within team " + approvedAfter.team() + "'s budget for "
                + approvedAfter.quarter() + ": " + approvedAfter.approved() + " of " + approvedAfter.limit() + " approved, "
                + approvedAfter.left() + " left.", null, null, null);
        audited(AuditKind.REWARD_APPROVED, reward, RewardStatus.APPROVED, null);
        return require(user.access(), id);
    }

    /** A manager (or an admin) rejects a proposed reward, saying why. */
    @Transactional
    public RewardView reject(AuthenticatedUser user, long id, String reason) {
        decidable(user, id, "rejects");
        mapper.lock(id);
        RewardMapper.Decision reward = mapper.decision(id).orElseThrow();
        append(reward, RewardStatus.REJECTED, user.username(), reason.strip(), null, null, null);
        audited(AuditKind.REWARD_REJECTED, reward, RewardStatus.REJECTED, null);
        return require(user.access(), id);
    }

    /**
     * Whoever reaches the customer records what an approved reward gave; the customer's notice ({@code reward-notice},
     * from their salesperson) goes to the outbox in the same transaction, to leave inside their send window. Whether it
     * may go is the consent rule's, at sending: a customer who stopped reward notices (or email) does not get it.
     */
    @Transactional
    public RewardView fulfil(AuthenticatedUser user, long id, Given given, String description) {
        reachable(user.access(), id);
        mapper.lock(id);
        RewardMapper.Decision reward = mapper.decision(id).orElseThrow();
        reward.status.moveTo(RewardStatus.FULFILLED, id);
        Instant notBefore = rules.sendMoment(clock.instant(), Zones.orUtc(reward.timeZone), reward.region);
        long messageId = outbox.enqueue(new Mail("reward:" + id, new MailModel.RewardNotice(
                new MailModel.Reward(description.strip(), reward.reason, reward.reasonCode == null ? null : reward.reasonCode.name(),
                        reward.reasonDetail)), reward.customerId, null, null, notBefore, true)).id();
        append(reward, RewardStatus.FULFILLED, user.username(), null, given, description.strip(), messageId);
        audited(AuditKind.REWARD_FULFILLED, reward, RewardStatus.FULFILLED, given);
        return require(user.access(), id);
    }

    /**
     * A manager (or an admin) corrects an approved or fulfilled reward: a new ledger entry with a signed change of its
     * value and/or a note on what was given, and why; no earlier entry and no column of the reward changes. Who may is
     * who may approve it ({@link RewardApproval#correct}). A correction only lowers the value (giving more is a new
     * proposal, approved by someone else); the lower value counts in the quarter the reward was approved in.
     *
     * @param change the (negative) change in {@code currency}, or {@code null} when only what was given is corrected
     */
    @Transactional
    public RewardView correct(AuthenticatedUser user, long id, BigDecimal change, String currency, String note, String reason) {
        RewardMapper.Decision seen = decidable(user, id, "corrects");
        Correction.check(change, currency, note, seen.currency);
        // a correction only lowers a value, so it counts against no budget: the reward alone is locked
        mapper.lock(id);
        RewardMapper.Decision reward = mapper.decision(id).orElseThrow();
        Amount now = new Amount(reward.currentValue, Currency.getInstance(reward.currency));
        RewardApproval.correct(reward(reward), approver(user), now, Optional.ofNullable(change));
        mapper.appendCorrection(id, reward.status, change == null ? null : change.setScale(2), user.username(),
                clock.instant(), reason.strip(), note == null || note.isBlank() ? null : note.strip());
        return require(user.access(), id);
    }

    /**
     * Approving, rejecting and correcting are an admin's, or the manager's of the team whose budget the reward counts
     * against ({@link Access#decidesRewardsOf}); asked before anything else is decided.
     */
    private RewardMapper.Decision decidable(AuthenticatedUser user, long id, String verb) {
        RewardMapper.Decision seen = reachable(user.access(), id);
        if (!user.access().decidesRewardsOf(seen.teamId)) {
            throw new RewardApprovalNotAllowed(user.role() == Role.MANAGER && seen.teamId != null
                    ? "Reward " + id + " counts against team " + mapper.teamName(seen.teamId).orElse(Long.toString(seen.teamId))
                    + "'s budget: its manager or an admin " + verb + " it."
                    : "Reward " + id + ": only the manager of the team whose budget it counts against, or an admin, " + verb
                    + " it.");
        }
        return seen;
    }

    /**
     * A decision on the audit trail, in its transaction: the move, the value and what was given. Not the reason or the
     * description of what was given: free text about a customer, which stays in the ledger (an erasure reaches it).
     */
    private void audited(AuditKind kind, RewardMapper.Decision reward, RewardStatus to, Given given) {
        audit.record(kind, Subject.of("reward", reward.id), new Change(Map.of("status", reward.status),
                Change.state("status", to, "value", reward.currentValue, "currency", reward.currency, "given", given)));
    }

    private void append(RewardMapper.Decision reward, RewardStatus to, String actor, String reason, Given given,
                        String description, Long outboxId) {
        RewardStatus from = reward.status;
        from.moveTo(to, reward.id);
        if (mapper.move(reward.id, from, to) != 1) {
            // the row is locked, so this is a fault, not a race
            throw new IllegalStateException("Reward " + reward.id + " was not " + from + " any more.");
        }
        mapper.appendEntry(reward.id, to, actor, clock.instant(), reason, given, description, outboxId);
    }

    private RewardMapper.Decision reachable(Access access, long id) {
        return mapper.decision(id).filter(r -> access.reaches(r.ownerId, r.ownerManagerId))
                .orElseThrow(() -> refusal(access, id));
    }

    private static RuntimeException refusal(Access access, long id) {
        // not found within the caller's reach: for an admin that is everything, so the id does not exist
        return access.refusal(false, "There is no reward " + id + ".", "Reward " + id + " is not for a customer you reach.");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone.zone());
    }

    /** The reward's team's budget (its own, or the one for every team) for the quarter of {@code day}, and its use. */
    private TeamBudget budget(RewardMapper.Decision reward, LocalDate day) {
        Amount limit = TeamBudget.limitOf(rules.teamBudget(reward.teamExternalId));
        LocalDate quarterStart = TeamBudget.quarterStart(day);
        Instant from = quarterStart.atStartOfDay(zone.zone()).toInstant();
        Instant to = quarterStart.plusMonths(3).atStartOfDay(zone.zone()).toInstant();
        String team = mapper.teamName(reward.teamId).orElse(Long.toString(reward.teamId));
        String code = limit.currency().getCurrencyCode();
        return new TeamBudget(team, TeamBudget.quarterOf(day), limit,
                new Amount(mapper.approvedSum(reward.teamId, from, to, code), limit.currency()));
    }

    private static RewardApproval.Reward reward(RewardMapper.Decision r) {
        // a customer without an owner: nobody's own customer (-1 is no salesperson's id)
        return new RewardApproval.Reward(r.id, r.customerId, r.ownerId == null ? -1 : r.ownerId,
                Optional.ofNullable(r.proposedBy), new Amount(r.value, Currency.getInstance(r.currency)), r.status);
    }

    private static RewardApproval.Approver approver(AuthenticatedUser user) {
        return new RewardApproval.Approver(user.username(),
                user.salespersonId() == null ? OptionalLong.empty() : OptionalLong.of(user.salespersonId()));
    }

    private List<RewardView> withEntries(List<RewardView> rewards) {
        if (!rewards.isEmpty()) {
            Map<Long, List<RewardView.Entry>> entries = mapper.entries(rewards.stream().map(r -> r.id).toList()).stream()
                    .collect(Collectors.groupingBy(e -> e.rewardId));
            rewards.forEach(r -> r.entries = entries.getOrDefault(r.id, List.of()));
        }
        return rewards;
    }
}
