package org.rapport.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.audit.AuditKind;
import org.rapport.audit.AuditTrail;
import org.rapport.audit.Change;
import org.rapport.audit.Subject;
import org.rapport.outbox.Suppressions;
import org.rapport.planning.PlannedTouchStatus;
import org.rapport.planning.PlanningService;
import org.rapport.platform.database.AfterCommit;
import org.rapport.platform.errors.CustomerNotFound;
import org.rapport.suppression.SuppressionList;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Erases a customer's personal data everywhere (GDPR Article 17), in one transaction: the customer row is anonymised
 * and kept (its id holds the counts reports read), the free text of their records is blanked, the text that names them
 * in other customers' records and in internal mail is replaced by {@link Anonymised#MARK}, their waiting calls are
 * cancelled, their consent says never again and their email address goes on the {@link SuppressionList} (as a keyed
 * hash), so that a later import or referral of it is refused; referrals of that address never linked to them are
 * blanked and their leads' calls cancelled, and their messages are marked as removed, so none is shown or resent. Their waiting messages are suppressed once it commits
 * ({@link Suppressions}, which fires what the features that queued them observe), and the {@code .eml} files of their
 * messages are deleted then ({@link ErasedMailFiles}). A second erasure of the same external id finds the first and changes
 * nothing. What remains, and why: docs/operations.md.
 */
@ApplicationScoped
public class ErasureService {

    @Inject
    ErasureMapper mapper;

    @Inject
    Suppressions suppressions;

    @Inject
    ErasedMailFiles mailFiles;

    @Inject
    SuppressionList suppressionList;

    @Inject
    AfterCommit afterCommit;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    private static final Object EML_FILES = new Object();

    /**
     * Erases the customer with exactly this external id (or the marker of one already erased). When no live customer has
     * it, the answer is the latest erasure of one who had it, with {@code changed} false and nothing changed; when none
     * ever had it, {@link CustomerNotFound}. The customer's row is locked first, so two erasures of one customer take
     * turns and the second finds the first done.
     */
    @Transactional
    public Erasure erase(String externalId, String reason, String admin) {
        byte[] hash = hash(externalId);
        Optional<ErasureMapper.Target> found = mapper.lock(externalId);
        if (found.isEmpty() || found.get().erasedAt != null) {
            return found.flatMap(t -> mapper.findDoneOf(t.id)).or(() -> mapper.findDone(hash))
                    .map(done -> new Erasure(externalId, done.marker, done.erasedAt, done.erasedBy, false))
                    .orElseThrow(() -> new CustomerNotFound(externalId));
        }
        ErasureMapper.Target target = found.get();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String marker = Anonymised.marker(target.id);
        scrubPartners(target);
        eraseOwn(target, marker, now);
        mapper.insertDone(target.id, hash, reason, admin, now);
        if (target.email != null && target.email.indexOf('@') > 0) {
            suppressionList.add(target.email, SuppressionList.Source.ERASURE); // a later import or referral is refused
        }
        // named by the row's id, which names no one; the reason is free text, which the trail redacts
        audit.record(AuditKind.CUSTOMER_ERASED, Subject.of("customer", target.id), Change.to(Change.state("erased_at", now,
                "reason", reason)));
        suppressions.afterCommit(target.id);
        afterCommit.collect(EML_FILES, target.id, mailFiles::deleteOf);
        // the moment as stored: a server that keeps no milliseconds (Debian's MariaDB 10.11 here) answers it later so
        Instant stored = mapper.findDoneOf(target.id).map(done -> done.erasedAt).orElse(now);
        return new Erasure(externalId, marker, stored, admin, true);
    }

    private void eraseOwn(ErasureMapper.Target target, String marker, Instant now) {
        long id = target.id;
        String mark = Anonymised.MARK;
        String actor = Anonymised.actor(target.externalId);
        String markerActor = Anonymised.actor(marker);
        mapper.eraseCustomer(id, marker, mark, now);
        mapper.eraseTouches(id);
        mapper.erasePlannedTouches(id, mark);
        mapper.cancelPlannedTouches(id, cancellable(), PlannedTouchStatus.CANCELLED.name(), now);
        mapper.eraseMessages(id, now);
        mapper.eraseResponses(id);
        mapper.eraseIntroductions(id, mark, actor, markerActor);
        mapper.eraseRewards(id, mark);
        mapper.eraseRewardEntries(id, mark);
        mapper.eraseReferrals(id, mark, actor, markerActor);
        eraseUnlinkedReferrals(target, now);
        mapper.erasePurchases(id);
        mapper.eraseProblems(id, mark);
        mapper.erasePollAnswers(id);
    }

    /**
     * Referrals of the same person (their email address) that were never linked to their row: blanked as their linked
     * one, and their leads' calls closed, so that no salesperson calls someone who asked to be forgotten.
     */
    private void eraseUnlinkedReferrals(ErasureMapper.Target target, Instant now) {
        if (target.email == null || target.email.isBlank()) {
            return;
        }
        List<Long> referrals = mapper.unlinkedReferralsOf(target.email);
        if (referrals.isEmpty()) {
            return;
        }
        mapper.eraseUnlinkedReferrals(referrals, Anonymised.MARK);
        mapper.closeLeads(referrals.stream().map(PlanningService::referralLeadKey).toList(), Anonymised.MARK, cancellable(),
                PlannedTouchStatus.CANCELLED.name(), now);
    }

    /** Before the customer's own row is blanked: the texts that identify them are read from it. */
    private void scrubPartners(ErasureMapper.Target target) {
        List<String> identifiers = Anonymised.identifiers(target.company, target.contactFirstName, target.contactLastName,
                target.preferredName, target.email, target.phone);
        List<Long> partners = mapper.partners(target.id);
        for (String identifier : identifiers) {
            String text = Anonymised.wholeWords(identifier);
            mapper.scrubInternalMessages(text, Anonymised.MARK);
            if (!partners.isEmpty()) {
                mapper.scrubPartnerMessages(partners, text, Anonymised.MARK);
                mapper.scrubPartnerRewards(partners, text, Anonymised.MARK);
                mapper.scrubPartnerRewardEntries(partners, text, Anonymised.MARK);
                mapper.scrubPartnerTouches(partners, text, Anonymised.MARK);
                mapper.scrubPartnerPlannedTouches(partners, text, Anonymised.MARK);
                mapper.scrubPartnerResponses(partners, text, Anonymised.MARK);
            }
        }
    }

    /** The statuses a planned touch may leave for CANCELLED: the calls and emails still to come. */
    static List<String> cancellable() {
        return Arrays.stream(PlannedTouchStatus.values()).filter(s -> s.mayBecome(PlannedTouchStatus.CANCELLED))
                .map(Enum::name).toList();
    }

    /** The SHA-256 of the external id, by which a second erasure finds the first once the row carries its marker. */
    static byte[] hash(String externalId) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(externalId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
