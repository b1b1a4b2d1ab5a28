<#ftl encoding="UTF-8">
Hi ${customer.preferredName},

a couple of weeks ago I introduced you to ${introduction.otherContact}
of ${introduction.otherCompany}. I am curious: have you met or spoken yet?

Yes, we have:
${links.metYes}

Not yet:
${links.metNo}

One click is all it takes, and if you would like to tell me more, just
reply to this email.

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
