package org.rapport.calllists;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/call-lists/items/{id}/reassign}: an escalated call goes to a salesperson of the manager's team. */
public class ReassignRequest {

    /** The external id of the salesperson who holds the call from now on. */
    @NotBlank @Size(max = 64) public String salesperson;

    @Size(max = 1000) public String note;
}
