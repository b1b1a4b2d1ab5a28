package org.rapport.netweaving;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/rewards}: a person proposes a reward of one of the rules' kinds, at the rule's value, for a cause
 * ({@code subject}) Rapport did not see, such as a referral made by phone.
 */
public class ProposeRequest {

    @NotBlank @Size(max = 64) public String customer;

    @NotNull public RewardKind kind;

    @NotBlank @Size(max = 100) public String subject;

    /** Worded to follow "thanks for" in the customer's notice: {@code recommending Foo GmbH}. */
    @NotBlank @Size(max = 500) public String reason;
}
