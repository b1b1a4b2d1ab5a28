<#ftl encoding="UTF-8">
<#-- Never mention the other customer's name, only introduction.reason. -->
Hi ${customer.preferredName},

Now and then I come across customers of ours who could genuinely help
each other. Right now I am thinking of one that might be a good match
for you:
${introduction.reason?remove_ending(".")}.

Would you like me to introduce you? I will only pass on your contact
details if the other side agrees as well – until then, neither of you
learns anything about the other beyond a note like this one.

Yes, please introduce us:
${links.consentYes}

No, thank you:
${links.consentNo}

There is no obligation either way, and your answer won't change
anything about how we work together. If you have questions first, just
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
