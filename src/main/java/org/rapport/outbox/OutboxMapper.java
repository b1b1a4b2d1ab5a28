package org.rapport.outbox;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.mybatis.cdi.Mapper;
import org.rapport.platform.security.Access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@Mapper
public interface OutboxMapper {

    int insert(@Param("m") Mail mail, @Param("template") String template, @Param("purpose") MailPurpose purpose,
               @Param("fields") String fields, @Param("messageId") String messageId, @Param("now") Instant now);

    Optional<Long> idByKey(@Param("key") String key);

    /** {@link #insert}, or nothing when a row has the key already (for a batch, which one duplicate must not fail). */
    int insertIfAbsent(@Param("m") Mail mail, @Param("template") String template, @Param("purpose") MailPurpose purpose,
                       @Param("fields") String fields, @Param("messageId") String messageId, @Param("now") Instant now);

    /** The rows of these idempotency keys (a key never queued is left out). */
    List<KeyId> idsByKeys(@Param("keys") Collection<String> keys);

    record KeyId(String idempotencyKey, long id) {
    }

    /** One more email composed by this login on this day; the row stays locked until the transaction ends. */
    @Insert("INSERT INTO mail_compose_count (username, day, composed) VALUES (#{username}, #{day}, 1)"
            + " ON DUPLICATE KEY UPDATE composed = composed + 1")
    int countComposed(@Param("username") String username, @Param("day") LocalDate day);

    @Select("SELECT composed FROM mail_compose_count WHERE username = #{username} AND day = #{day}")
    int composed(@Param("username") String username, @Param("day") LocalDate day);

    @Delete("DELETE FROM mail_compose_count WHERE username = #{username} AND day < #{day}")
    int forgetComposedBefore(@Param("username") String username, @Param("day") LocalDate day);

    List<Long> expired(@Param("now") Instant now, @Param("limit") int limit);

    int release(@Param("ids") Collection<Long> ids);

    List<Long> due(@Param("now") Instant now, @Param("limit") int limit);

    int markSending(@Param("ids") Collection<Long> ids, @Param("instance") String instance, @Param("until") Instant until,
                    @Param("now") Instant now);

    Optional<Owned> lockOwned(@Param("id") long id, @Param("instance") String instance);

    /** A claimed row this instance still owns, locked; its customer (none for mail to the team). */
    record Owned(long id, Long customerId) {
    }

    boolean responseRecorded(@Param("inboundMessageId") String inboundMessageId);

    /**
     * The owned message {@link #lockOwned} holds, as {@link #load} reads it, taking a shared lock on its customer in the
     * same statement, so the customer's consent cannot change while the message is on the wire.
     */
    Optional<ClaimedMessage> loadHoldingCustomer(@Param("id") long id, @Param("instance") String instance);

    List<ClaimedMessage> load(@Param("ids") Collection<Long> ids, @Param("instance") String instance);

    /** One message as {@link #load} reads it, in any state and unclaimed: to show how it renders. */
    Optional<ClaimedMessage> loadToShow(@Param("id") long id);

    int record(@Param("o") Outcome outcome, @Param("instance") String instance);

    int recordSent(@Param("o") Outcome outcome);

    List<Long> holdMessage(@Param("id") long id);

    List<Long> lockUnlocked(@Param("ids") Collection<Long> ids);

    /** Whether each message keeps to its customer's send window, and the customer's zone and region. */
    List<Window> windows(@Param("ids") Collection<Long> ids);

    record Window(long id, boolean sendWindow, String customerZone, String customerRegion) {
    }

    /** Puts claimed rows back untried: PENDING again, the attempt not counted. */
    int putBack(@Param("ids") Collection<Long> ids, @Param("instance") String instance, @Param("reason") String reason,
                @Param("notBefore") Instant notBefore);

    /** Suppresses the customer's PENDING and SENDING rows of these templates (their folder names). */
    int suppressWaiting(@Param("customerId") long customerId, @Param("templates") Collection<String> templates,
                        @Param("reason") String reason, @Param("now") Instant now);

    /** A message as what became of it is told to the feature that queued it. */
    record Closed(long id, String template, String idempotencyKey, Long customerId, OutboxStatus status, String lastError,
                  Instant closedAt) {
    }

    /** The customer's messages {@link #suppressWaiting} closed at {@code now}. */
    List<Closed> suppressedAt(@Param("customerId") long customerId, @Param("now") Instant now);

    /** What became of the messages with these keys (those that exist). */
    List<OutboxService.Delivery> deliveries(@Param("keys") Collection<String> keys);

    /** The waiting message with this key, SUPPRESSED for the reason; 0 when it is not waiting (any more). */
    int withdrawWaiting(@Param("key") String key, @Param("reason") String reason, @Param("now") Instant now);

    List<OutreachCount> outreachCounts(@Param("customers") CustomerSet customers, @Param("since") Instant since,
                                       @Param("purposes") Collection<MailPurpose> purposes);

    record OutreachCount(long customerId, int emails) {
    }

    int resend(@Param("id") long id, @Param("now") Instant now);

    List<OutboxView> search(@Param("f") OutboxFilter filter, @Param("access") Access access);

    Optional<OutboxView> find(@Param("id") long id, @Param("access") Access access);

    int insertResponse(@Param("r") Response response);

    List<ResponseView> responsesOf(@Param("messageIds") Collection<Long> messageIds);

    /** A generated link key, sealed under the master key; the first instance's is kept. */
    int insertLinkKey(@Param("id") int id, @Param("sealed") String sealed, @Param("now") Instant now);

    /**
     * A stored link key: {@code sealed} under the master key, or, as an earlier version kept it, {@code plain} (base64,
     * because MyBatis reads a byte[] result as many rows) until the first start of this one seals it.
     */
    record StoredLinkKey(String plain, String sealed) {
    }

    Optional<StoredLinkKey> linkKey(@Param("id") int id);

    /** Seals a key kept in plain text and clears that text. */
    int sealLinkKey(@Param("id") int id, @Param("sealed") String sealed);

    /** Seals a key again under a new master key, if it is still the value read. */
    int resealLinkKey(@Param("id") int id, @Param("was") String was, @Param("sealed") String sealed);

    /** A key that has signed links: its id and the SHA-256 of its secret (hex). */
    record LinkKeySigner(int id, String fingerprint) {
    }

    @Select("SELECT id, fingerprint FROM link_key_signer ORDER BY id")
    List<LinkKeySigner> linkKeySigners();

    /** The key that signs from now on; a new secret under a given-up id replaces the old record. */
    @Insert("INSERT INTO link_key_signer (id, fingerprint, first_signed_at) VALUES (#{id}, #{fingerprint}, #{now})"
            + " ON DUPLICATE KEY UPDATE first_signed_at = IF(fingerprint = VALUES(fingerprint), first_signed_at, VALUES(first_signed_at)),"
            + " fingerprint = VALUES(fingerprint)")
    int recordLinkKeySigner(@Param("id") int id, @Param("fingerprint") String fingerprint, @Param("now") Instant now);

    @Delete("DELETE FROM link_key_signer WHERE id = #{id}")
    int forgetLinkKeySigner(@Param("id") int id);

    long countByStatus(@Param("status") OutboxStatus status);

    /**
     * Messages due and not yet sent (waiting for a dispatcher, or on their way), counted up to {@code cap}: a scrape of
     * /metrics reads at most that many entries of ix_outbox_due, whatever the backlog.
     */
    @Select("SELECT COUNT(*) FROM (SELECT 1 FROM outbox_message WHERE status IN ('PENDING', 'SENDING') AND not_before <= #{now}"
            + " LIMIT #{cap}) due")
    long dueCount(@Param("now") Instant now, @Param("cap") int cap);

    /** Messages with the status, counted up to {@code cap} (ix_outbox_due). */
    @Select("SELECT COUNT(*) FROM (SELECT 1 FROM outbox_message WHERE status = #{status} LIMIT #{cap}) counted")
    long countUpTo(@Param("status") OutboxStatus status, @Param("cap") int cap);

    /** The moment the longest-waiting due message became due, if any waits. */
    @Select("SELECT MIN(not_before) FROM outbox_message WHERE status = 'PENDING' AND not_before <= #{now}")
    Optional<Instant> oldestDue(@Param("now") Instant now);

    record LastQueued(long customerId, Instant at) {
    }

    /** Per customer, the creation time of the latest waiting, sending or sent message of the purpose since {@code since}. */
    List<LastQueued> lastQueued(@Param("customers") CustomerSet customers, @Param("purpose") MailPurpose purpose,
                                @Param("since") Instant since);
}
