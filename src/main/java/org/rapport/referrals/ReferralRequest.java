package org.rapport.referrals;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.rapport.imports.Row;
import org.rapport.platform.errors.FieldError;
import org.rapport.platform.errors.InvalidInput;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/referrals}: customer {@code customer} recommends a prospect. A name and a way to reach them (email or
 * phone) are needed; the salesperson calls them.
 */
// A class with fields, not a record: Payara's OpenAPI scanner fails on constraints on record components.
public class ReferralRequest {

    @NotBlank @Size(max = 64) public String customer;

    @NotBlank @Size(max = 200) public String name;

    @Size(max = 200) public String company;

    @Size(max = 254) public String email;

    @Size(max = 40) public String phone;

    @Size(max = 1000) public String note;

    /** Every field that is wrong, each with why; nothing when the request is valid. */
    void requireValid() {
        List<FieldError> errors = new ArrayList<>();
        if (blank(name)) {
            errors.add(new FieldError("name", "the prospect's name is needed"));
        }
        tooLong(errors, "name", name, 200);
        tooLong(errors, "company", company, 200);
        tooLong(errors, "email", email, 254);
        tooLong(errors, "phone", phone, 40);
        tooLong(errors, "note", note, 1000);
        if (blank(email) && blank(phone)) {
            errors.add(new FieldError("email", "an email address or a phone number is needed to reach the prospect"));
        }
        if (!blank(email) && !Row.EMAIL.matcher(email.strip()).matches()) {
            errors.add(new FieldError("email", "'" + email + "' is not an email address"));
        }
        if (!blank(phone) && !Row.PHONE.matcher(phone.strip()).matches()) {
            errors.add(new FieldError("phone", "'" + phone + "' is not a phone number (digits, spaces, + ( ) . / - only)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidReferral(errors);
        }
    }

    /** The form is checked here too: its fields do not pass Bean Validation as the API's body does. */
    private static void tooLong(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "at most " + max + " characters, not " + value.length()));
        }
    }

    /** A referral that cannot be recorded: every field at fault, each with why. */
    static final class InvalidReferral extends InvalidInput {
        InvalidReferral(List<FieldError> errors) {
            super("Bad request", errors);
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String stripped(String s) {
        return blank(s) ? null : s.strip();
    }
}
