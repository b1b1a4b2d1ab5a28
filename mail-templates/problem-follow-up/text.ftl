<#ftl encoding="UTF-8">
Hi ${customer.preferredName},

I am sorry about the trouble you had recently:
"${problem.summary}".
I know how disruptive something like that can be, and I appreciate your
patience while we sorted it out.
<#if (problem.resolution)?has_content>

What we did:
${problem.resolution?remove_ending(".")}.
</#if>

I want to be sure it is really fixed. Is everything working the way it
should again? If anything is still not right, just reply to this email
or give me a call – I will look after it personally.

Warm regards,
${salesperson.name}
${company.name}
${salesperson.email}
<#if (links.unsubscribe)??>

---
You are receiving this email as a customer of
${company.name}.
If you would rather not receive emails like this, unsubscribe here:
${links.unsubscribe}
</#if>
