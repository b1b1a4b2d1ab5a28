package org.rapport.reports;

/**
 * What became of the customer mail of one template in one language: messages sent, and of those, how many were clicked,
 * replied to, unsubscribed from or bounced (each message counted once however often), and the ratings given through it.
 *
 * @param template      null in the total
 * @param locale        the language it was written in; null in the total
 * @param averageRating of the ratings given, 1–5; null when none was
 */
public record ResponseFigures(String template, String locale, int sent, int clicked, int replied, int unsubscribed,
                              int bounced, int ratings, Double averageRating, Double clickRate, Double replyRate) {

    static ResponseFigures of(String template, String locale, int sent, int clicked, int replied, int unsubscribed,
                              int bounced, int ratings, long ratingSum) {
        return new ResponseFigures(template, locale, sent, clicked, replied, unsubscribed, bounced, ratings,
                ratings == 0 ? null : Math.round(ratingSum * 100.0 / ratings) / 100.0,
                ServiceStandards.rate(clicked, sent), ServiceStandards.rate(replied, sent));
    }
}
