package org.rapport.netweaving;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.platform.pages.Age;
import org.rapport.platform.pages.Feedback;
import org.rapport.platform.pages.Language;
import org.rapport.platform.pages.Texts;
import org.rapport.platform.security.Viewer;
import org.rapport.platform.web.Params;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /approvals}: the manager's inbox, the introductions that wait for their yes or no and the rewards proposed for
 * their team. Each decision is one request (the item and the reason as request parameters of the page's form, so its
 * ViewState guards them); the lists are read again and redrawn in place. Who may decide which item is the services'
 * to say, as for the API: a forged id gets their refusal as a page message.
 */
@Named
@RequestScoped
public class ApprovalsPage {

    /** Rewards shown at most: an inbox, not a report; those proposed later wait until the first are decided. */
    static final int REWARDS_SHOWN = 200;

    @Inject
    IntroductionService introductions;

    @Inject
    RewardService rewards;

    @Inject
    Viewer viewer;

    @Inject
    Feedback feedback;

    @Inject
    Texts texts;

    @Inject
    Language language;

    @Inject
    FacesContext faces;

    @Inject
    Clock clock;

    private List<Introduction> waiting;
    private List<RewardView> proposed;
    private boolean introductionsCapped;
    private boolean rewardsCapped;

    public List<Introduction> getIntroductions() {
        if (waiting == null) {
            List<Introduction> found = introductions.awaiting(viewer.user(), IntroductionService.AWAITING_LIMIT + 1);
            introductionsCapped = found.size() > IntroductionService.AWAITING_LIMIT; // one more than shown: more wait
            waiting = found.subList(0, Math.min(found.size(), IntroductionService.AWAITING_LIMIT));
        }
        return waiting;
    }

    public List<RewardView> getRewards() {
        if (proposed == null) {
            List<RewardView> found = rewards.awaiting(viewer.access(), REWARDS_SHOWN + 1);
            rewardsCapped = found.size() > REWARDS_SHOWN;
            proposed = found.subList(0, Math.min(found.size(), REWARDS_SHOWN));
        }
        return proposed;
    }

    /** Whether more introductions wait than the inbox shows: those that waited longest are shown, the rest follow. */
    public boolean isIntroductionsCapped() {
        getIntroductions();
        return introductionsCapped;
    }

    /** The note that only the introductions that waited longest are shown. */
    public String getIntroductionsCappedText() {
        return texts.format("approvals.capped", IntroductionService.AWAITING_LIMIT);
    }

    /** Whether more rewards wait than the inbox shows: those proposed first are shown, the rest follow. */
    public boolean isRewardsCapped() {
        getRewards();
        return rewardsCapped;
    }

    public String getRewardsCappedText() {
        return texts.format("approvals.rewardsCapped", REWARDS_SHOWN);
    }

    /** How long an item has waited ({@link Age}: "under a day" below one day). */
    public String age(Instant since) {
        return Age.text(language.getLocale(), Age.days(since, clock.instant()));
    }

    public void approveIntroduction() {
        feedback.attempt(null, () -> introductions.approve(viewer.user(), id(param("item"))))
                .ifPresent(i -> feedback.info(texts.format("approvals.introductionApproved", i.first().company(), i.second().company())));
        waiting = null; // redrawn from the database
    }

    public void declineIntroduction() {
        reason().flatMap(why -> feedback.attempt(null, () -> introductions.decline(viewer.user(), id(param("item")), why)))
                .ifPresent(i -> feedback.info(texts.format("approvals.introductionDeclined", i.first().company(), i.second().company())));
        waiting = null;
    }

    public void approveReward() {
        feedback.attempt(null, () -> rewards.approve(viewer.user(), id(param("item"))))
                .ifPresent(r -> feedback.info(texts.format("approvals.rewardApproved", r.company)));
        proposed = null;
    }

    public void rejectReward() {
        reason().flatMap(why -> feedback.attempt(null, () -> rewards.reject(viewer.user(), id(param("item")), why)))
                .ifPresent(r -> feedback.info(texts.format("approvals.rewardRejected", r.company)));
        proposed = null;
    }

    private String param(String name) {
        Map<String, String> params = faces.getExternalContext().getRequestParameterMap();
        return params.get(name);
    }

    /** The reason a decline or a rejection needs, checked as the API checks a {@link RejectRequest}; empty when refused. */
    private Optional<String> reason() {
        RejectRequest request = new RejectRequest();
        request.reason = param("reason");
        return feedback.valid("decide", request) ? Optional.of(request.reason.strip()) : Optional.empty();
    }

    private static long id(String text) {
        return Params.id("item", text).orElseThrow(() -> new InvalidInput("item: which one? Not an id: " + text));
    }
}
