package org.rapport.polls;

/**
 * A customer's answer to one question (position 1–3): a score for a scale, a label for a choice, text for free text.
 * Position 0 is a reply email's free text, tied to no question.
 */
public record Answer(int position, Integer score, String choice, String text) {

    /** A low score ({@link QuestionKind#low}) or text asking to be contacted ({@link ContactAsked}). */
    public boolean asksForContact(QuestionKind kind) {
        return (score != null && kind != null && kind.low(score)) || ContactAsked.in(text);
    }

    /** What the answer says, for the reason of a call: "2", "Delivery", or the text. */
    public String said() {
        if (score != null) {
            return score.toString();
        }
        return choice != null ? choice : text;
    }
}
